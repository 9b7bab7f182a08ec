package io.learnstream.sinks.delivery;

import io.learnstream.sinks.spi.Delivery;
import java.time.Instant;
import java.util.List;

/** Deliveries for the notifiers' tests. */
final class Deliveries {
    static final Instant DUE = Instant.parse("2026-09-14T19:00:10Z");

    private Deliveries() {}

    static Delivery toRivera(String address) {
        return new Delivery("0f3c2a9b7d1e4c5a8b6f0e2d4c6a8b0f", "riverside", "t-rivera", address, false, List.of(new Delivery.Item(
                "riverside/northside-math-6-2/ann/silence/1789412400000", "northside-math-6-2", "ann",
                "Risk 82% of failing or withdrawing: no activity for 9 days; 2 of 3 assignments missed.",
                List.of("no activity for 9 days", "2 of 3 assignments missed"), 0.82, Instant.parse("2026-09-14T19:00:00Z"),
                "http://localhost:8090/classes/northside-math-6-2/students/ann")), DUE);
    }
}

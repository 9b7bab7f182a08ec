package io.learnstream.sinks.delivery;

import java.time.Duration;

/**
 * How a delivery that failed for now is retried: up to {@code attempts} tries in all, waiting {@code firstBackoff},
 * then twice as long each time, at most {@code maxBackoff}; then it is dead-lettered.
 */
public record DeliveryRetry(int attempts, Duration firstBackoff, Duration maxBackoff) {
    public DeliveryRetry {
        if (attempts < 1) throw new IllegalArgumentException("delivery attempts must be at least 1, got " + attempts);
        if (firstBackoff.isNegative() || firstBackoff.isZero()) {
            throw new IllegalArgumentException("delivery backoff must be positive, got " + firstBackoff);
        }
        if (maxBackoff.compareTo(firstBackoff) < 0) {
            throw new IllegalArgumentException("delivery max backoff " + maxBackoff + " is shorter than the first backoff " + firstBackoff);
        }
    }

    /** Five attempts, 2 s to 60 s apart (about two minutes before a delivery is given up). */
    public static DeliveryRetry defaults() {
        return new DeliveryRetry(5, Duration.ofSeconds(2), Duration.ofSeconds(60));
    }
}

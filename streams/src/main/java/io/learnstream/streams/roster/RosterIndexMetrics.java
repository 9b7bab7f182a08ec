package io.learnstream.streams.roster;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** The roster index's meters. */
public final class RosterIndexMetrics {
    private final Counter ambiguous;

    public RosterIndexMetrics(MeterRegistry registry) {
        ambiguous = Counter.builder("learnstream.roster.identity.ambiguous")
                .description("times an identifier (e-mail address, SIS id, username) came to be held by two or more roster users"
                        + " of a district: it then links no one")
                .register(registry);
    }

    void ambiguous() {
        ambiguous.increment();
    }

    public long ambiguousCount() {
        return (long) ambiguous.count();
    }
}

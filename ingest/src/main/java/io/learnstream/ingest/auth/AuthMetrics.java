package io.learnstream.ingest.auth;

import io.learnstream.ingest.auth.AuthenticationException.Reason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;

/**
 * The authenticator's meters: {@code learnstream.auth.attempts} by {@code outcome} ({@code success} or the
 * {@link Reason#tag() reason}) and {@code learnstream.auth.secret.checks} (slow PBKDF2 checks) by {@code result}.
 */
final class AuthMetrics {
    static final String ATTEMPTS = "learnstream.auth.attempts";
    static final String SECRET_CHECKS = "learnstream.auth.secret.checks";

    private final Counter successes;
    private final Map<Reason, Counter> failures = new EnumMap<>(Reason.class);
    private final Counter checksMatched;
    private final Counter checksMismatched;

    AuthMetrics(MeterRegistry meters) {
        successes = Counter.builder(ATTEMPTS).tag("outcome", "success")
                .description("requests authenticated, by outcome").register(meters);
        for (Reason reason : Reason.values()) {
            failures.put(reason, Counter.builder(ATTEMPTS).tag("outcome", reason.tag())
                    .description("requests authenticated, by outcome").register(meters));
        }
        checksMatched = Counter.builder(SECRET_CHECKS).tag("result", "match")
                .description("slow PBKDF2 secret checks (the first request of a credential and secret)").register(meters);
        checksMismatched = Counter.builder(SECRET_CHECKS).tag("result", "mismatch")
                .description("slow PBKDF2 secret checks (the first request of a credential and secret)").register(meters);
    }

    void succeeded() {
        successes.increment();
    }

    void failed(Reason reason) {
        failures.get(reason).increment();
    }

    void secretChecked(boolean matched) {
        (matched ? checksMatched : checksMismatched).increment();
    }
}

package io.learnstream.app.simulate;

import java.time.Duration;

/**
 * How the sender retries. An unreachable server (connection refused) and an overloaded one (503, 429) are
 * retried for as long as the simulator runs, waiting as {@code Retry-After} says (at most {@code maxRetryAfter})
 * or with exponential backoff from {@code initialBackoff} to {@code maxBackoff}; other 5xx answers and I/O errors
 * are retried up to {@code maxAttempts} attempts in all.
 */
record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {

    static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofMillis(250), Duration.ofSeconds(10), Duration.ofSeconds(60));

    RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
        }
        if (!initialBackoff.isPositive() || maxBackoff.compareTo(initialBackoff) < 0 || !maxRetryAfter.isPositive()) {
            throw new IllegalArgumentException("backoffs must be positive with initialBackoff <= maxBackoff, was "
                    + initialBackoff + ", " + maxBackoff + ", " + maxRetryAfter);
        }
    }

    Duration nextBackoff(Duration backoff) {
        Duration doubled = backoff.multipliedBy(2);
        return doubled.compareTo(maxBackoff) > 0 ? maxBackoff : doubled;
    }
}

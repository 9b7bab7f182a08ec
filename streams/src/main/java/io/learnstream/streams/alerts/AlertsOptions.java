package io.learnstream.streams.alerts;

import java.time.Duration;

/**
 * How alerts are raised.
 *
 * @param cooldown after an alert for a student, class and factor closed (acknowledged, dismissed or cleared), the same
 *     factor raises no new alert for them before the alert's {@code closedTime} plus this (event time)
 */
public record AlertsOptions(Duration cooldown) {
    public AlertsOptions {
        if (cooldown.isNegative()) throw new IllegalArgumentException("cooldown must not be negative, got " + cooldown);
    }

    /** A week of cooldown: a teacher who answered an alert is not asked about the same reason again within the week. */
    public static AlertsOptions defaults() {
        return new AlertsOptions(Duration.ofDays(7));
    }

    public AlertsOptions withCooldown(Duration cooldown) {
        return new AlertsOptions(cooldown);
    }
}

package io.learnstream.app.delivery;

import io.learnstream.sinks.delivery.DeliveryRetry;
import io.learnstream.sinks.delivery.SmtpSettings;
import io.learnstream.streams.delivery.DeliveryOptions;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Alert delivery's settings.
 *
 * @param schedule how alerts are scheduled (the dashboard's base URL for links, how often what is due goes out, the
 *     default time zone, the wall clock)
 * @param smtp the SMTP server e-mail goes through; empty: e-mail deliveries are dead-lettered saying so
 * @param retry how a failing delivery is retried before it is dead-lettered
 * @param webhookTimeout how long a webhook may take to answer
 */
public record DeliveryConfig(DeliveryOptions schedule, Optional<SmtpSettings> smtp, DeliveryRetry retry, Duration webhookTimeout) {
    public DeliveryConfig {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(smtp, "smtp");
        Objects.requireNonNull(retry, "retry");
        if (webhookTimeout.isNegative() || webhookTimeout.isZero()) {
            throw new IllegalArgumentException("webhook timeout must be positive, got " + webhookTimeout);
        }
    }

    /** The default schedule and retries, no SMTP server, webhooks answering within 10 seconds. */
    public static DeliveryConfig defaults() {
        return new DeliveryConfig(DeliveryOptions.defaults(), Optional.empty(), DeliveryRetry.defaults(), Duration.ofSeconds(10));
    }

    public DeliveryConfig withSchedule(DeliveryOptions options) {
        return new DeliveryConfig(options, smtp, retry, webhookTimeout);
    }

    public DeliveryConfig withSmtp(SmtpSettings settings) {
        return new DeliveryConfig(schedule, Optional.of(settings), retry, webhookTimeout);
    }

    public DeliveryConfig withRetry(DeliveryRetry retries) {
        return new DeliveryConfig(schedule, smtp, retries, webhookTimeout);
    }
}

package io.learnstream.streams.delivery;

import io.learnstream.schemas.avro.TeacherDeliveryPreference;
import java.net.URI;
import java.time.LocalTime;
import java.util.Optional;

/**
 * A teacher's delivery preference, checked: the channel, the daily digest's time (empty: each alert as raised) and
 * the quiet hours (empty: none). What the CLI validates before writing and the topology reads.
 */
public record DeliveryRules(DeliveryChannel channel, Optional<LocalTime> digestAt, Optional<QuietHours> quiet) {
    /** Where no preference is written: the dashboard's inbox only. */
    public static final DeliveryRules DEFAULT = new DeliveryRules(DeliveryChannel.INBOX, Optional.empty(), Optional.empty());
    private static final String DAILY = "daily@";

    /**
     * @throws IllegalArgumentException naming the field and why, for a preference no delivery can follow
     */
    public static DeliveryRules of(TeacherDeliveryPreference preference) {
        DeliveryChannel channel = DeliveryChannel.of(preference.getChannel());
        Optional<LocalTime> digest = Optional.ofNullable(preference.getDigestTime()).map(time -> TimesOfDay.parse("digest time", time));
        if ((preference.getQuietStart() == null) != (preference.getQuietEnd() == null)) {
            throw new IllegalArgumentException("quiet hours need both a start and an end");
        }
        Optional<QuietHours> quiet = preference.getQuietStart() == null ? Optional.empty()
                : Optional.of(new QuietHours(TimesOfDay.parse("quiet hours start", preference.getQuietStart()),
                        TimesOfDay.parse("quiet hours end", preference.getQuietEnd())));
        if (channel == DeliveryChannel.WEBHOOK) {
            requireWebhookUrl(preference.getWebhookUrl());
            if (preference.getWebhookSecret() == null || preference.getWebhookSecret().isBlank()) {
                throw new IllegalArgumentException("webhook secret is required for the webhook channel (the key its signature is made with)");
            }
        }
        return new DeliveryRules(channel, digest, quiet);
    }

    /**
     * Parses a digest option: {@code off} (each alert as raised) or {@code daily@HH:mm}.
     *
     * @return the digest's time of day, empty for {@code off}
     */
    public static Optional<LocalTime> parseDigest(String text) {
        if ("off".equals(text)) return Optional.empty();
        if (!text.startsWith(DAILY)) throw new IllegalArgumentException("digest must be off or daily@HH:mm, e.g. daily@07:00, was '" + text + "'");
        return Optional.of(TimesOfDay.parse("digest time", text.substring(DAILY.length())));
    }

    /** {@code HH:mm}, as the preference stores a time of day. */
    public static String timeOfDay(LocalTime time) {
        return TimesOfDay.format(time);
    }

    /**
     * @throws IllegalArgumentException unless {@code url} is an absolute http or https URL with a host
     */
    public static URI requireWebhookUrl(String url) {
        if (url == null || url.isBlank()) throw new IllegalArgumentException("webhook URL is required for the webhook channel");
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("webhook URL is not a URL: '" + url + "' (" + e.getMessage() + ")");
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("webhook URL must be an http or https URL with a host, was '" + url + "'");
        }
        return uri;
    }
}

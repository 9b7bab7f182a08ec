package io.learnstream.streams.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.learnstream.schemas.avro.TeacherDeliveryPreference;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a preference may say, and when it makes an alert due. */
class DeliveryRulesTest {
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    @Test
    void shouldReadDigestsAsOffOrADailyTime() {
        assertThat(DeliveryRules.parseDigest("off")).isEmpty();
        assertThat(DeliveryRules.parseDigest("daily@07:00")).contains(LocalTime.of(7, 0));
        assertThatThrownBy(() -> DeliveryRules.parseDigest("weekly@07:00"))
                .hasMessage("digest must be off or daily@HH:mm, e.g. daily@07:00, was 'weekly@07:00'");
        assertThatThrownBy(() -> DeliveryRules.parseDigest("daily@7am"))
                .hasMessage("digest time must be a time of day HH:mm (00:00 to 23:59), was '7am'");
    }

    @Test
    void shouldReadQuietHoursOvernightAndRefuseAnEmptySpan() {
        QuietHours night = QuietHours.parse("20:00-07:00");
        assertThat(night.contains(LocalTime.of(23, 0))).isTrue();
        assertThat(night.contains(LocalTime.of(6, 59))).isTrue();
        assertThat(night.contains(LocalTime.of(7, 0))).isFalse();
        assertThat(night.contains(LocalTime.of(12, 0))).isFalse();
        assertThat(QuietHours.parse("12:00-13:00").contains(LocalTime.of(12, 30))).isTrue();
        assertThatThrownBy(() -> QuietHours.parse("20:00")).hasMessage("quiet hours must be HH:mm-HH:mm, e.g. 20:00-07:00, was '20:00'");
        assertThatThrownBy(() -> QuietHours.parse("07:00-07:00")).hasMessage("quiet hours must not start and end at the same time (07:00)");
        assertThatThrownBy(() -> QuietHours.parse("25:00-07:00"))
                .hasMessage("quiet hours start must be a time of day HH:mm (00:00 to 23:59), was '25:00'");
    }

    @Test
    void shouldRefuseAWebhookPreferenceWithoutAUsableUrlOrSecret() {
        assertThatThrownBy(() -> DeliveryRules.of(preference("webhook", null, null)))
                .hasMessage("webhook URL is required for the webhook channel");
        assertThatThrownBy(() -> DeliveryRules.of(preference("webhook", "ftp://lms.example.org/hook", "k")))
                .hasMessage("webhook URL must be an http or https URL with a host, was 'ftp://lms.example.org/hook'");
        assertThatThrownBy(() -> DeliveryRules.of(preference("webhook", "https://lms.example.org/hook", " ")))
                .hasMessage("webhook secret is required for the webhook channel (the key its signature is made with)");
        assertThatThrownBy(() -> DeliveryRules.of(preference("sms", null, null)))
                .hasMessage("channel must be one of email, webhook, inbox, was 'sms'");
    }

    @Test
    void shouldMakeADigestDueAtItsTimeInTheZoneAndMoveItOutOfQuietHours() {
        Instant monday14 = at("2026-09-14T14:00");
        DeliveryRules digest = new DeliveryRules(DeliveryChannel.EMAIL, Optional.of(LocalTime.of(7, 0)), Optional.empty());
        assertThat(DeliverySchedule.due(monday14, digest, CHICAGO)).isEqualTo(at("2026-09-15T07:00"));
        assertThat(DeliverySchedule.due(at("2026-09-15T06:00"), digest, CHICAGO)).isEqualTo(at("2026-09-15T07:00"));

        DeliveryRules lateDigest = new DeliveryRules(DeliveryChannel.EMAIL, Optional.of(LocalTime.of(21, 0)),
                Optional.of(QuietHours.parse("20:00-07:00")));
        assertThat(DeliverySchedule.due(monday14, lateDigest, CHICAGO)).isEqualTo(at("2026-09-15T07:00"));

        DeliveryRules immediate = new DeliveryRules(DeliveryChannel.EMAIL, Optional.empty(), Optional.of(QuietHours.parse("20:00-07:00")));
        assertThat(DeliverySchedule.due(monday14, immediate, CHICAGO)).isEqualTo(monday14);
        assertThat(DeliverySchedule.due(at("2026-09-14T23:15"), immediate, CHICAGO)).isEqualTo(at("2026-09-15T07:00"));
        // the night the clocks go back in Chicago: 07:00 local is still 07:00 local
        assertThat(DeliverySchedule.due(at("2026-10-31T22:00"), immediate, CHICAGO)).isEqualTo(at("2026-11-01T07:00"));
    }

    private static Instant at(String localChicago) {
        return LocalDateTime.parse(localChicago).atZone(CHICAGO).toInstant();
    }

    private static TeacherDeliveryPreference preference(String channel, String url, String secret) {
        return TeacherDeliveryPreference.newBuilder().setTenantId("riverside").setTeacherSourcedId("t-rivera").setChannel(channel)
                .setWebhookUrl(url).setWebhookSecret(secret).setUpdatedTime(Instant.EPOCH).build();
    }
}

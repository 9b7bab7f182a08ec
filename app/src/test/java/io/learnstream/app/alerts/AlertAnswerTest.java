package io.learnstream.app.alerts;

import static io.learnstream.app.alerts.AlertRecords.closed;
import static io.learnstream.app.alerts.AlertRecords.open;
import static io.learnstream.app.alerts.AlertRecords.teacher;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.learnstream.schemas.avro.Alert;
import io.learnstream.schemas.avro.AlertFeedback;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A teacher's answer to an alert: only an open alert that exists can be answered, and the record says who, how and when. */
class AlertAnswerTest {
    private static final Instant NOW = Instant.parse("2026-09-20T12:00:00.250Z");
    private final Alert alert = open("riverside", "math-7a", "st-1", 1, 0.8, teacher("t-rivera", true));

    @Test
    void shouldAcknowledgeAnOpenAlertWithARecordKeyedByItsDistrictAndClass() {
        // when
        AlertAnswer answer = AlertAnswer.of(alert.getAlertId(), Optional.of(alert), FeedbackAction.ACKNOWLEDGE, " t-rivera ", NOW);

        // then
        assertThat(answer.key()).isEqualTo("riverside/math-7a");
        assertThat(answer.alert()).isEqualTo(alert);
        assertThat(answer.feedback()).isEqualTo(AlertFeedback.newBuilder().setAlertId(alert.getAlertId()).setTenantId("riverside")
                .setClassId("math-7a").setAction("acknowledge").setBy("t-rivera").setTime(NOW).build());
    }

    @Test
    void shouldDismissAnOpenAlert() {
        // when
        AlertAnswer answer = AlertAnswer.of(alert.getAlertId(), Optional.of(alert), FeedbackAction.DISMISS, "t-rivera", NOW);

        // then
        assertThat(answer.feedback().getAction()).isEqualTo("dismiss");
    }

    @Test
    void shouldRefuseAnUnknownAlertNamingIt() {
        // when / then
        assertThatThrownBy(() -> AlertAnswer.of("riverside/math-7a/st-1/silence/1", Optional.empty(), FeedbackAction.ACKNOWLEDGE,
                "t-rivera", NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("there is no alert 'riverside/math-7a/st-1/silence/1' (learnstream alerts list --status all shows every"
                        + " alert's id)");
    }

    @Test
    void shouldRefuseAClosedAlertSayingItsStatusWhoAndWhen() {
        // given
        Alert dismissed = closed(alert, "dismissed", Instant.parse("2026-09-15T08:00:00.500Z"), "t-okafor");
        Alert cleared = closed(alert, "cleared", Instant.parse("2026-09-16T08:00:00Z"), null);

        // when / then
        assertThatThrownBy(() -> AlertAnswer.of(alert.getAlertId(), Optional.of(dismissed), FeedbackAction.ACKNOWLEDGE, "t-rivera", NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("alert '" + alert.getAlertId() + "' cannot be acknowledged: it is dismissed by t-okafor at"
                        + " 2026-09-15T08:00:00Z, and only an open alert can be answered");
        assertThatThrownBy(() -> AlertAnswer.of(alert.getAlertId(), Optional.of(cleared), FeedbackAction.DISMISS, "t-rivera", NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("alert '" + alert.getAlertId() + "' cannot be dismissed: it is cleared at 2026-09-16T08:00:00Z, and only"
                        + " an open alert can be answered");
    }

    @Test
    void shouldRefuseAnAnswerByNoOne() {
        // when / then
        assertThatThrownBy(() -> AlertAnswer.of(alert.getAlertId(), Optional.of(alert), FeedbackAction.ACKNOWLEDGE, " ", NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--by must name who answers the alert");
    }
}

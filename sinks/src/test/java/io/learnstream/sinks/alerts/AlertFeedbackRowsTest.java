package io.learnstream.sinks.alerts;

import static io.learnstream.sinks.risk.RiskRecords.SINK_CLOCK;
import static io.learnstream.sinks.risk.RiskRecords.alert;
import static io.learnstream.sinks.risk.RiskRecords.at;
import static io.learnstream.sinks.risk.RiskRecords.classKey;
import static io.learnstream.sinks.risk.RiskRecords.feedback;
import static io.learnstream.sinks.risk.RiskRecords.hours;
import static io.learnstream.sinks.risk.RiskRecords.reason;
import static io.learnstream.sinks.risk.RiskRecords.teacher;
import static io.learnstream.sinks.risk.RiskRecords.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.learnstream.schemas.avro.Alert;
import io.learnstream.schemas.avro.AlertFeedback;
import io.learnstream.sinks.clickhouse.chdb.ChdbColumnStore;
import io.learnstream.sinks.schema.ClickHouseSchema;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Teachers' answers to alerts through {@link AlertFeedbackRows} into {@code alert_feedback_versions} of the real
 * embedded ClickHouse (chDB), read back through the view {@code alert_feedback}: every answer kept, once. Each spec
 * writes into a district of its own.
 */
@Timeout(120)
class AlertFeedbackRowsTest {
    @TempDir
    static Path dataDir;
    static ChdbColumnStore store;
    final AlertFeedbackRows rows = new AlertFeedbackRows(SINK_CLOCK);
    String tenant;
    Alert alert;

    @BeforeAll
    static void openStore() {
        store = ChdbColumnStore.open(dataDir);
        ClickHouseSchema.apply(store);
    }

    @AfterAll
    static void closeStore() {
        store.close();
    }

    @BeforeEach
    void newDistrictWithAnAlert() {
        tenant = "district-" + UUID.randomUUID();
        alert = alert(tenant, "math-7a", "st-1", hours(0), 0.82, List.of(reason("silence", "no activity for 9 days", 9, 1.2)),
                List.of(teacher("t-rivera", true), teacher("t-okafor", false)));
    }

    @Test
    void shouldReadBackEveryColumnOfAnAnswerThroughTheView() {
        // given
        AlertFeedback acknowledged = feedback(alert, "acknowledge", "t-rivera", hours(2).plusMillis(7));

        // when
        write(store, rows, at(classKey(tenant, "math-7a"), acknowledged, 4L));

        // then
        assertThat(store.query("SELECT tenant_id, class_id, alert_id, action, answered_by, toString(answered_time),"
                + " toString(updated_at) FROM alert_feedback WHERE tenant_id = '" + tenant + "'").rows())
                .containsExactly(List.of(tenant, "math-7a", alert.getAlertId(), "acknowledge", "t-rivera", "2026-09-14 10:00:00.007",
                        "2026-09-20 12:00:00.250"));
    }

    @Test
    void shouldKeepEveryAnswerToAnAlert() {
        // given one teacher's acknowledgement and, later, a co-teacher's dismissal of the same alert
        AlertFeedback acknowledged = feedback(alert, "acknowledge", "t-rivera", hours(2));
        AlertFeedback dismissed = feedback(alert, "dismiss", "t-okafor", hours(3));

        // when
        write(store, rows, at(classKey(tenant, "math-7a"), acknowledged, 1L), at(classKey(tenant, "math-7a"), dismissed, 2L));

        // then
        assertThat(answers()).containsExactly(List.of("acknowledge", "t-rivera", "2026-09-14 10:00:00.000"),
                List.of("dismiss", "t-okafor", "2026-09-14 11:00:00.000"));
    }

    @Test
    void shouldLeaveTheSameRowsWhenABatchIsWrittenTwice() {
        // given
        AlertFeedback acknowledged = feedback(alert, "acknowledge", "t-rivera", hours(2));
        write(store, rows, at(classKey(tenant, "math-7a"), acknowledged, 5L));
        List<List<String>> before = answers();

        // when
        write(store, rows, at(classKey(tenant, "math-7a"), acknowledged, 5L));

        // then
        assertThat(answers()).isEqualTo(before).hasSize(1);
    }

    private List<List<String>> answers() {
        return store.query("SELECT action, answered_by, toString(answered_time) FROM alert_feedback WHERE tenant_id = '" + tenant
                + "' ORDER BY answered_time").rows();
    }
}

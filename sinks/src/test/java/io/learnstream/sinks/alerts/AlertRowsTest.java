package io.learnstream.sinks.alerts;

import static io.learnstream.sinks.risk.RiskRecords.SINK_CLOCK;
import static io.learnstream.sinks.risk.RiskRecords.alert;
import static io.learnstream.sinks.risk.RiskRecords.at;
import static io.learnstream.sinks.risk.RiskRecords.closed;
import static io.learnstream.sinks.risk.RiskRecords.hours;
import static io.learnstream.sinks.risk.RiskRecords.reason;
import static io.learnstream.sinks.risk.RiskRecords.teacher;
import static io.learnstream.sinks.risk.RiskRecords.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.learnstream.schemas.avro.Alert;
import io.learnstream.schemas.avro.RiskReason;
import io.learnstream.sinks.clickhouse.chdb.ChdbColumnStore;
import io.learnstream.sinks.schema.ClickHouseSchema;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alerts through {@link AlertRows} into {@code alerts_versions} of the real embedded ClickHouse (chDB), read back
 * through the view {@code alerts}: one row per alert, its latest status. Each spec writes into a district of its own.
 */
@Timeout(120)
class AlertRowsTest {
    private static final List<RiskReason> SILENCE = List.of(reason("silence", "no activity for 9 days", 9, 1.2),
            reason("missed", "2 assignments missed", 2, 0.7));

    @TempDir
    static Path dataDir;
    static ChdbColumnStore store;
    final AlertRows rows = new AlertRows(SINK_CLOCK);
    String tenant;

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
    void newDistrict() {
        tenant = "district-" + UUID.randomUUID();
    }

    @Test
    void shouldReadBackEveryColumnOfAnOpenAlertThroughTheView() {
        // given an open alert for the class's primary teacher and a co-teacher
        Alert alert = alert(tenant, "math-7a", "st-1", hours(0).plusMillis(5), 0.82, SILENCE,
                List.of(teacher("t-rivera", true), teacher("t-okafor", false)));

        // when
        write(store, rows, at(alert.getAlertId(), alert, 3L));

        // then
        assertThat(store.query("SELECT alert_id, tenant_id, class_id, student_key, factor, text, toString(reasons), probability,"
                + " toString(teacher_ids), toString(teacher_primary), status, toString(raised_time), closed_time, closed_by,"
                + " toString(updated_at) FROM alerts WHERE tenant_id = '" + tenant + "'").rows())
                .containsExactly(Arrays.asList(tenant + "/math-7a/st-1/silence/" + hours(0).plusMillis(5).toEpochMilli(), tenant,
                        "math-7a", "st-1", "silence", "82% risk: no activity for 9 days",
                        "[('silence','no activity for 9 days',9,1.2),('missed','2 assignments missed',2,0.7)]", "0.82",
                        "['t-rivera','t-okafor']", "[1,0]", "open", "2026-09-14 08:00:00.005", null, null,
                        "2026-09-20 12:00:00.250"));
        assertThat(store.query("SELECT version FROM alerts_versions WHERE tenant_id = '" + tenant + "'").singleLong())
                .as("the Kafka offset").isEqualTo(3);
    }

    @Test
    void shouldShowTheLatestStatusOfAnAlert() {
        // given an open alert at offset 3
        Alert open = alert(tenant, "math-7a", "st-1", hours(0), 0.82, SILENCE, List.of(teacher("t-rivera", true)));
        write(store, rows, at(open.getAlertId(), open, 3L));

        // when it is acknowledged (offset 7)
        write(store, rows, at(open.getAlertId(), closed(open, "acknowledged", hours(2), "t-rivera"), 7L));

        // then
        assertThat(alerts()).containsExactly(List.of(open.getAlertId(), "acknowledged", "2026-09-14 10:00:00.000", "t-rivera"));
        store.execute("OPTIMIZE TABLE alerts_versions FINAL");
        assertThat(store.query("SELECT status FROM alerts_versions WHERE tenant_id = '" + tenant + "'").singleValue())
                .as("the row kept once merged").isEqualTo("acknowledged");
    }

    @Test
    void shouldKeepOneRowPerAlert() {
        // given two alerts of one student (raised at different times) and one of another class
        Alert first = alert(tenant, "math-7a", "st-1", hours(0), 0.82, SILENCE, List.of(teacher("t-rivera", true)));
        Alert cleared = closed(first, "cleared", hours(20), null);
        Alert second = alert(tenant, "math-7a", "st-1", hours(50), 0.75, SILENCE, List.of(teacher("t-rivera", true)));
        Alert art = alert(tenant, "art-2", "st-1", hours(1), 0.7, SILENCE, List.of(teacher("t-chen", true)));

        // when
        write(store, rows, at(first.getAlertId(), first, 1L), at(art.getAlertId(), art, 1L), at(first.getAlertId(), cleared, 2L),
                at(second.getAlertId(), second, 3L));

        // then
        assertThat(alerts()).containsExactly(
                Arrays.asList(art.getAlertId(), "open", null, null),
                Arrays.asList(first.getAlertId(), "cleared", "2026-09-15 04:00:00.000", null),
                Arrays.asList(second.getAlertId(), "open", null, null));
    }

    @Test
    void shouldLeaveTheSameRowsWhenABatchIsWrittenTwice() {
        // given
        Alert open = alert(tenant, "math-7a", "st-1", hours(0), 0.82, SILENCE, List.of(teacher("t-rivera", true)));
        Alert dismissed = closed(open, "dismissed", hours(3), "t-rivera");
        write(store, rows, at(open.getAlertId(), open, 10L), at(open.getAlertId(), dismissed, 11L));
        List<List<String>> before = alerts();

        // when
        write(store, rows, at(open.getAlertId(), open, 10L), at(open.getAlertId(), dismissed, 11L));

        // then
        assertThat(alerts()).isEqualTo(before).containsExactly(List.of(open.getAlertId(), "dismissed", "2026-09-14 11:00:00.000", "t-rivera"));
    }

    private List<List<String>> alerts() {
        return store.query("SELECT alert_id, status, toString(closed_time), closed_by FROM alerts WHERE tenant_id = '" + tenant
                + "' ORDER BY class_id, raised_time").rows();
    }
}

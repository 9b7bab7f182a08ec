package io.learnstream.sinks.risk;

import static io.learnstream.sinks.risk.RiskRecords.SINK_CLOCK;
import static io.learnstream.sinks.risk.RiskRecords.at;
import static io.learnstream.sinks.risk.RiskRecords.classKey;
import static io.learnstream.sinks.risk.RiskRecords.hours;
import static io.learnstream.sinks.risk.RiskRecords.reason;
import static io.learnstream.sinks.risk.RiskRecords.score;
import static io.learnstream.sinks.risk.RiskRecords.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.learnstream.schemas.avro.RiskScore;
import io.learnstream.sinks.clickhouse.chdb.ChdbColumnStore;
import io.learnstream.sinks.schema.ClickHouseSchema;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Risk scores through {@link RiskScoreRows#history} into {@code risk_history_versions} of the real embedded ClickHouse
 * (chDB), read back through the view {@code risk_history}: one row per student, class, moment and trigger. Each spec
 * writes into a district of its own.
 */
@Timeout(120)
class RiskHistoryRowsTest {
    @TempDir
    static Path dataDir;
    static ChdbColumnStore store;
    final RiskScoreRows rows = RiskScoreRows.history(SINK_CLOCK);
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
    void shouldReadBackEveryColumnOfAScoreThroughTheView() {
        // given a flagged score with two reasons and two features
        Map<String, Double> features = new LinkedHashMap<>();
        features.put("silence_days", 9.0);
        features.put("missed", 2.0);
        RiskScore score = score(tenant, "math-7a", "st-1", hours(0).plusMillis(5), 12, 0.82, true, "event",
                List.of(reason("silence", "no activity for 9 days", 9, 1.2), reason("missed", "2 assignments missed", 2, 0.7)),
                features);

        // when
        write(store, rows, at(classKey(tenant, "math-7a"), score, 4L));

        // then
        assertThat(store.query("SELECT tenant_id, class_id, student_key, toString(as_of), day_of_class, probability, flagged,"
                + " withdrawn, toString(reasons), toString(mapSort(features)), trigger, model_version, toString(updated_at)"
                + " FROM risk_history WHERE tenant_id = '" + tenant + "'").rows())
                .containsExactly(List.of(tenant, "math-7a", "st-1", "2026-09-14 08:00:00.005", "12", "0.82", "1", "0",
                        "[('silence','no activity for 9 days',9,1.2),('missed','2 assignments missed',2,0.7)]",
                        "{'missed':2,'silence_days':9}", "event", "2", "2026-09-20 12:00:00.250"));
        assertThat(store.query("SELECT reasons.text[2] AS second FROM risk_history WHERE tenant_id = '" + tenant + "'").singleValue())
                .isEqualTo("2 assignments missed");
        assertThat(store.query("SELECT version FROM risk_history_versions WHERE tenant_id = '" + tenant + "'").singleLong())
                .as("the Kafka offset").isEqualTo(4);
    }

    @Test
    void shouldKeepEveryScoreOneRowPerMomentAndTrigger() {
        // given a student's scores: an event, a tick, and a weekly record at the same moment as an event
        RiskScore event = score(tenant, "math-7a", "st-1", hours(1), 0.3, false, "event");
        RiskScore tick = score(tenant, "math-7a", "st-1", hours(30), 0.5, false, "tick");
        RiskScore week = score(tenant, "math-7a", "st-1", hours(48), 0.7, true, "week");
        RiskScore eventAtTheWeek = score(tenant, "math-7a", "st-1", hours(48), 0.72, true, "event");
        RiskScore otherClass = score(tenant, "art-2", "st-1", hours(48), 0.1, false, "week");

        // when
        write(store, rows, at(classKey(tenant, "math-7a"), event, 1L), at(classKey(tenant, "math-7a"), tick, 2L),
                at(classKey(tenant, "math-7a"), week, 3L), at(classKey(tenant, "math-7a"), eventAtTheWeek, 4L),
                at(classKey(tenant, "art-2"), otherClass, 1L));

        // then
        assertThat(history()).containsExactly(
                List.of("art-2", "2026-09-16 08:00:00.000", "week", "0.1"),
                List.of("math-7a", "2026-09-14 09:00:00.000", "event", "0.3"),
                List.of("math-7a", "2026-09-15 14:00:00.000", "tick", "0.5"),
                List.of("math-7a", "2026-09-16 08:00:00.000", "event", "0.72"),
                List.of("math-7a", "2026-09-16 08:00:00.000", "week", "0.7"));
    }

    @Test
    void shouldKeepTheLatestReSendOfAScoreOfTheSameMomentAndTrigger() {
        // given a score, then one of the same moment and trigger written later
        RiskScore first = score(tenant, "math-7a", "st-1", hours(1), 0.3, false, "event");
        RiskScore resent = score(tenant, "math-7a", "st-1", hours(1), 0.35, false, "event");
        write(store, rows, at(classKey(tenant, "math-7a"), first, 10L));

        // when
        write(store, rows, at(classKey(tenant, "math-7a"), resent, 11L));

        // then
        assertThat(history()).containsExactly(List.of("math-7a", "2026-09-14 09:00:00.000", "event", "0.35"));
        store.execute("OPTIMIZE TABLE risk_history_versions FINAL");
        assertThat(store.query("SELECT probability FROM risk_history_versions WHERE tenant_id = '" + tenant + "'").singleValue())
                .as("the row kept once merged").isEqualTo("0.35");
    }

    @Test
    void shouldLeaveTheSameRowsWhenABatchIsWrittenTwice() {
        // given
        RiskScore first = score(tenant, "math-7a", "st-1", hours(1), 0.3, false, "event");
        RiskScore second = score(tenant, "math-7a", "st-2", hours(2), 0.6, true, "event");
        write(store, rows, at(classKey(tenant, "math-7a"), first, 20L), at(classKey(tenant, "math-7a"), second, 21L));
        List<List<String>> before = history();

        // when
        write(store, rows, at(classKey(tenant, "math-7a"), first, 20L), at(classKey(tenant, "math-7a"), second, 21L));

        // then
        assertThat(history()).isEqualTo(before).hasSize(2);
        assertThat(store.query("SELECT count() FROM risk_history_versions FINAL WHERE tenant_id = '" + tenant + "'").singleLong())
                .isEqualTo(2);
    }

    private List<List<String>> history() {
        return store.query("SELECT class_id, toString(as_of), trigger, toString(probability) FROM risk_history"
                + " WHERE tenant_id = '" + tenant + "' ORDER BY class_id, as_of, trigger").rows();
    }
}

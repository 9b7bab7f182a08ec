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
import java.math.BigInteger;
import java.nio.file.Path;
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
 * Risk scores through {@link RiskScoreRows#current} into {@code risk_current_versions} of the real embedded ClickHouse
 * (chDB), read back through the view {@code risk_current}: one row per student and class, the score of the newest
 * {@code as_of} whatever order the scores arrive in. Each spec writes into a district of its own.
 */
@Timeout(120)
class RiskCurrentRowsTest {
    @TempDir
    static Path dataDir;
    static ChdbColumnStore store;
    final RiskScoreRows rows = RiskScoreRows.current(SINK_CLOCK);
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
    void shouldReadBackEveryColumnOfTheCurrentRiskThroughTheView() {
        // given
        RiskScore score = score(tenant, "math-7a", "st-1", hours(0).plusMillis(5), 12, 0.82, true, "tick",
                List.of(reason("silence", "no activity for 9 days", 9, 1.2)), Map.of("silence_days", 9.0));

        // when
        write(store, rows, at(classKey(tenant, "math-7a"), score, 5L));

        // then
        assertThat(store.query("SELECT tenant_id, class_id, student_key, toString(as_of), day_of_class, probability, flagged,"
                + " withdrawn, toString(reasons), toString(features), trigger, model_version, toString(updated_at)"
                + " FROM risk_current WHERE tenant_id = '" + tenant + "'").rows())
                .containsExactly(List.of(tenant, "math-7a", "st-1", "2026-09-14 08:00:00.005", "12", "0.82", "1", "0",
                        "[('silence','no activity for 9 days',9,1.2)]", "{'silence_days':9}", "tick", "2",
                        "2026-09-20 12:00:00.250"));
        assertThat(store.query("SELECT toString(version) FROM risk_current_versions WHERE tenant_id = '" + tenant + "'")
                .singleValue()).as("as_of in ms * 2^64 + offset")
                .isEqualTo(BigInteger.valueOf(hours(0).plusMillis(5).toEpochMilli()).shiftLeft(64).add(BigInteger.valueOf(5)).toString());
    }

    @Test
    void shouldKeepTheNewestScoreWhenAnOlderOneArrivesLater() {
        // given the score as of hour 48 at offset 10, then scores of earlier moments at higher offsets (late events)
        RiskScore newest = score(tenant, "math-7a", "st-1", hours(48), 0.7, true, "week");
        RiskScore older = score(tenant, "math-7a", "st-1", hours(30), 0.5, false, "event");
        RiskScore oldest = score(tenant, "math-7a", "st-1", hours(1), 0.2, false, "event");
        write(store, rows, at(classKey(tenant, "math-7a"), newest, 10L));

        // when
        write(store, rows, at(classKey(tenant, "math-7a"), older, 11L), at(classKey(tenant, "math-7a"), oldest, 12L));

        // then
        assertThat(current()).containsExactly(List.of("math-7a", "st-1", "2026-09-16 08:00:00.000", "week", "0.7"));
        store.execute("OPTIMIZE TABLE risk_current_versions FINAL");
        assertThat(store.query("SELECT trigger FROM risk_current_versions WHERE tenant_id = '" + tenant + "'").singleValue())
                .as("the row kept once merged").isEqualTo("week");
    }

    @Test
    void shouldTakeTheScoreOfTheSameMomentWrittenLast() {
        // given the weekly score, then an event of the same moment written after it
        RiskScore week = score(tenant, "math-7a", "st-1", hours(48), 0.7, true, "week");
        RiskScore event = score(tenant, "math-7a", "st-1", hours(48), 0.72, true, "event");
        write(store, rows, at(classKey(tenant, "math-7a"), week, 20L));

        // when
        write(store, rows, at(classKey(tenant, "math-7a"), event, 21L));

        // then
        assertThat(current()).containsExactly(List.of("math-7a", "st-1", "2026-09-16 08:00:00.000", "event", "0.72"));
    }

    @Test
    void shouldKeepOneRowPerStudentAndClass() {
        // given
        RiskScore first = score(tenant, "math-7a", "st-1", hours(1), 0.3, false, "event");
        RiskScore later = score(tenant, "math-7a", "st-1", hours(2), 0.4, false, "event");
        RiskScore otherClass = score(tenant, "art-2", "st-1", hours(1), 0.1, false, "event");
        RiskScore otherStudent = score(tenant, "math-7a", "st-2", hours(1), 0.9, true, "event");

        // when
        write(store, rows, at(classKey(tenant, "math-7a"), first, 1L), at(classKey(tenant, "math-7a"), later, 2L),
                at(classKey(tenant, "art-2"), otherClass, 1L), at(classKey(tenant, "math-7a"), otherStudent, 3L));

        // then
        assertThat(current()).containsExactly(
                List.of("art-2", "st-1", "2026-09-14 09:00:00.000", "event", "0.1"),
                List.of("math-7a", "st-1", "2026-09-14 10:00:00.000", "event", "0.4"),
                List.of("math-7a", "st-2", "2026-09-14 09:00:00.000", "event", "0.9"));
    }

    @Test
    void shouldLeaveTheSameRowsWhenABatchIsWrittenTwice() {
        // given
        RiskScore first = score(tenant, "math-7a", "st-1", hours(1), 0.3, false, "event");
        RiskScore second = score(tenant, "math-7a", "st-1", hours(2), 0.6, true, "event");
        write(store, rows, at(classKey(tenant, "math-7a"), first, 30L), at(classKey(tenant, "math-7a"), second, 31L));
        List<List<String>> before = current();

        // when
        write(store, rows, at(classKey(tenant, "math-7a"), first, 30L), at(classKey(tenant, "math-7a"), second, 31L));

        // then
        assertThat(current()).isEqualTo(before).containsExactly(List.of("math-7a", "st-1", "2026-09-14 10:00:00.000", "event", "0.6"));
    }

    private List<List<String>> current() {
        return store.query("SELECT class_id, student_key, toString(as_of), trigger, toString(probability) FROM risk_current"
                + " WHERE tenant_id = '" + tenant + "' ORDER BY class_id, student_key").rows();
    }
}

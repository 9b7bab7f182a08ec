package io.learnstream.sinks.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnstream.schemas.avro.EngagementDaily;
import io.learnstream.sinks.clickhouse.chdb.FreshChdbStore;
import io.learnstream.sinks.schema.ClickHouseSchema;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code engagement_current}: the AggregatingMergeTree the materialized view feeds from {@code engagement_daily_versions},
 * on chDB, written through {@link EngagementDailyRows} as the engagement sink writes.
 */
@Timeout(120)
class EngagementCurrentTest extends FreshChdbStore {
    private static final Clock SINK_CLOCK = Clock.fixed(Instant.parse("2026-09-20T12:00:00.250Z"), ZoneOffset.UTC);
    private static final String COLUMNS = "tenant_id, course_id, student_key, active_days, first_active_day, last_active_day,"
            + " events, sessions, active_minutes";
    private static final LocalDate MONDAY = LocalDate.parse("2026-09-14");

    final EngagementDailyRows rows = new EngagementDailyRows(SINK_CLOCK);

    @BeforeEach
    void applyTheSchema() {
        ClickHouseSchema.apply(store);
    }

    @Test
    void shouldSumTheLatestVersionOfEachDayOnly() {
        write(day("district-7", "st-1f3a", MONDAY, 3, 1, 10.0), 1);
        write(day("district-7", "st-1f3a", MONDAY, 7, 2, 25.5), 5);
        write(day("district-7", "st-1f3a", MONDAY.plusDays(2), 4, 1, 8.0), 3);

        assertThat(current()).containsExactly(
                List.of("district-7", "math-7a", "st-1f3a", "2", "2026-09-14", "2026-09-16", "11", "3", "33.5"));
    }

    @Test
    void shouldCountABatchWrittenTwiceOnce() {
        EngagementDaily monday = day("district-7", "st-1f3a", MONDAY, 7, 2, 25.5);
        write(monday, 5);
        write(monday, 5);
        store.execute("OPTIMIZE TABLE engagement_current_state FINAL");
        write(monday, 5);

        assertThat(current()).containsExactly(
                List.of("district-7", "math-7a", "st-1f3a", "1", "2026-09-14", "2026-09-14", "7", "2", "25.5"));
    }

    @Test
    void shouldKeepTheNewestVersionOfADayWhateverOrderTheyArriveIn() {
        write(day("district-7", "st-1f3a", MONDAY, 9, 3, 40.0), 8);
        write(day("district-7", "st-1f3a", MONDAY, 2, 1, 5.0), 2); // an older version written again (a replay of an earlier batch)

        assertThat(current()).extracting(row -> row.subList(6, 9)).containsExactly(List.of("9", "3", "40"));
    }

    @Test
    void shouldStopCountingADayWhoseSessionsMovedToAnother() {
        write(day("district-7", "st-1f3a", MONDAY, 4, 1, 12.0), 1);
        write(day("district-7", "st-1f3a", MONDAY.plusDays(1), 3, 1, 6.0), 2);
        // a late event joined Tuesday's session to Monday's: Tuesday falls to nothing
        write(day("district-7", "st-1f3a", MONDAY, 7, 1, 30.0), 3);
        write(day("district-7", "st-1f3a", MONDAY.plusDays(1), 0, 0, 0.0), 4);

        assertThat(current()).containsExactly(
                List.of("district-7", "math-7a", "st-1f3a", "1", "2026-09-14", "2026-09-14", "7", "1", "30"));
    }

    @Test
    void shouldKeepEachDistrictsStudentsApart() {
        write(day("district-7", "st-1f3a", MONDAY, 4, 1, 12.0), 1);
        write(day("district-8", "st-1f3a", MONDAY, 6, 2, 20.0), 1);

        assertThat(current()).extracting(row -> row.get(0) + ":" + row.get(6)).containsExactly("district-7:4", "district-8:6");
    }

    private List<List<String>> current() {
        return store.query("SELECT " + COLUMNS + " FROM engagement_current ORDER BY tenant_id, course_id, student_key").rows();
    }

    private void write(EngagementDaily value, long offset) {
        store.insert(rows.table(), rows.columns(), List.of(rows.row(null, value, offset)));
    }

    private static EngagementDaily day(String tenant, String student, LocalDate day, long events, int sessions, double minutes) {
        return EngagementDaily.newBuilder().setTenantId(tenant).setStudentKey(student).setCourseId("math-7a").setDay(day)
                .setEvents(events).setSessions(sessions).setActiveMinutes(minutes).build();
    }
}

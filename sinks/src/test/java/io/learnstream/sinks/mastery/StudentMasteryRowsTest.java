package io.learnstream.sinks.mastery;

import static io.learnstream.sinks.mastery.MasteryRecords.SINK_CLOCK;
import static io.learnstream.sinks.mastery.MasteryRecords.at;
import static io.learnstream.sinks.mastery.MasteryRecords.item;
import static io.learnstream.sinks.mastery.MasteryRecords.level;
import static io.learnstream.sinks.mastery.MasteryRecords.summary;
import static io.learnstream.sinks.mastery.MasteryRecords.summaryKey;
import static io.learnstream.sinks.mastery.MasteryRecords.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.learnstream.schemas.avro.StudentMastery;
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
 * Student summaries through {@link StudentMasteryRows} into {@code student_mastery_versions} of the real embedded
 * ClickHouse (chDB), read back through the view {@code student_mastery}. Each spec writes into a district of its own.
 */
@Timeout(120)
class StudentMasteryRowsTest {
    @TempDir
    static Path dataDir;
    static ChdbColumnStore store;
    final StudentMasteryRows rows = new StudentMasteryRows(SINK_CLOCK);
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
    void shouldReadBackStrengthsWeaknessesAndPracticeThroughTheView() {
        // given
        StudentMastery summary = summary(tenant, "st-1", at(90),
                List.of(level("ratios", 0.97, 6, 5), level("decimals", 0.95, 4, 4)),
                List.of(level("fractions", 0.25, 3, 1)),
                List.of(item("fractions", "q-7", 0.62), item("fractions", "q-9", 0.58)));

        // when
        write(store, rows, at(summaryKey(summary), summary, 3L));

        // then
        assertThat(store.query("SELECT tenant_id, student_key, toString(strengths), toString(weaknesses), toString(practice),"
                + " toString(updated_time), toString(updated_at), weaknesses[1].skill_id FROM student_mastery"
                + " WHERE tenant_id = '" + tenant + "'").rows())
                .containsExactly(List.of(tenant, "st-1", "[('ratios',0.97,6,5),('decimals',0.95,4,4)]", "[('fractions',0.25,3,1)]",
                        "[('fractions','q-7',0.62),('fractions','q-9',0.58)]", "2026-09-14 08:01:30.000",
                        "2026-09-14 12:00:00.250", "fractions"));
    }

    @Test
    void shouldKeepTheNewestAnswersSummaryWhenAnOlderSummaryArrivesLater() {
        // given the summary as of the answer at 120 s, then one as of an answer at 60 s written after it
        StudentMastery newest = summary(tenant, "st-1", at(120), List.of(level("ratios", 0.97, 6, 5)), List.of(), List.of());
        StudentMastery older = summary(tenant, "st-1", at(60), List.of(), List.of(level("ratios", 0.5, 5, 4)),
                List.of(item("ratios", "q-3", 0.6)));
        write(store, rows, at(summaryKey(newest), newest, 40L));

        // when
        write(store, rows, at(summaryKey(older), older, 41L));

        // then
        assertThat(summaries()).containsExactly(List.of("st-1", "['ratios']", "[]", "2026-09-14 08:02:00.000"));
    }

    @Test
    void shouldTakeTheLastSummaryWrittenForTheSameNewestAnswer() {
        // given a summary, then a late earlier answer changed it: re-sent as of the same newest answer, at a higher offset
        StudentMastery first = summary(tenant, "st-1", at(120), List.of(level("ratios", 0.97, 6, 5)), List.of(), List.of());
        StudentMastery resent = summary(tenant, "st-1", at(120), List.of(), List.of(level("ratios", 0.9, 7, 5)), List.of());
        write(store, rows, at(summaryKey(first), first, 50L));

        // when
        write(store, rows, at(summaryKey(resent), resent, 51L));

        // then
        assertThat(summaries()).containsExactly(List.of("st-1", "[]", "['ratios']", "2026-09-14 08:02:00.000"));
    }

    @Test
    void shouldLeaveTheSameRowsWhenABatchIsWrittenTwice() {
        // given
        StudentMastery one = summary(tenant, "st-1", at(120), List.of(level("ratios", 0.97, 6, 5)), List.of(), List.of());
        StudentMastery two = summary(tenant, "st-2", at(30), List.of(), List.of(level("ratios", 0.2, 1, 0)), List.of());
        write(store, rows, at(summaryKey(one), one, 60L), at(summaryKey(two), two, 61L));
        List<List<String>> before = summaries();

        // when
        write(store, rows, at(summaryKey(one), one, 60L), at(summaryKey(two), two, 61L));

        // then
        assertThat(summaries()).isEqualTo(before).hasSize(2);
    }

    private List<List<String>> summaries() {
        return store.query("SELECT student_key, toString(arrayMap(s -> s.skill_id, strengths)),"
                + " toString(arrayMap(w -> w.skill_id, weaknesses)), toString(updated_time) FROM student_mastery"
                + " WHERE tenant_id = '" + tenant + "' ORDER BY student_key").rows();
    }
}

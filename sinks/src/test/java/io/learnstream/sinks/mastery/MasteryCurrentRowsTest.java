package io.learnstream.sinks.mastery;

import static io.learnstream.sinks.mastery.MasteryRecords.SINK_CLOCK;
import static io.learnstream.sinks.mastery.MasteryRecords.at;
import static io.learnstream.sinks.mastery.MasteryRecords.item;
import static io.learnstream.sinks.mastery.MasteryRecords.key;
import static io.learnstream.sinks.mastery.MasteryRecords.update;
import static io.learnstream.sinks.mastery.MasteryRecords.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.learnstream.schemas.avro.SkillMastery;
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
 * Skill mastery updates through {@link MasteryCurrentRows} into {@code mastery_current_versions} of the real embedded
 * ClickHouse (chDB), read back through the view {@code mastery_current}: the newest answer's update wins, whatever the
 * order the updates arrive in. Each spec writes into a district of its own.
 */
@Timeout(120)
class MasteryCurrentRowsTest {
    @TempDir
    static Path dataDir;
    static ChdbColumnStore store;
    final MasteryCurrentRows rows = new MasteryCurrentRows(SINK_CLOCK);
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
    void shouldReadBackEveryColumnOfTheCurrentMasteryThroughTheView() {
        // given
        SkillMastery update = update(tenant, "st-1", "fractions", "math-7a", "ev-1", at(0).plusMillis(5), 0.3, 1, 0,
                item("fractions", "q-7", 0.62));

        // when
        write(store, rows, at(key(update), update, 5L));

        // then
        assertThat(store.query("SELECT tenant_id, student_key, skill_id, course_id, event_id, p_mastery, attempts, correct,"
                + " toString(last_answer_time), mastered, toString(practice), toString(updated_at) FROM mastery_current"
                + " WHERE tenant_id = '" + tenant + "'").rows())
                .containsExactly(List.of(tenant, "st-1", "fractions", "math-7a", "ev-1", "0.3", "1", "0",
                        "2026-09-14 08:00:00.005", "0", "[('q-7',0.62)]", "2026-09-14 12:00:00.250"));
        assertThat(store.query("SELECT toString(version) FROM mastery_current_versions WHERE tenant_id = '" + tenant + "'")
                .singleValue()).as("answer time in ms * 2^64 + offset")
                .isEqualTo(java.math.BigInteger.valueOf(at(0).plusMillis(5).toEpochMilli()).shiftLeft(64)
                        .add(java.math.BigInteger.valueOf(5)).toString());
    }

    @Test
    void shouldKeepTheNewestAnswersMasteryWhenAnOlderUpdateArrivesLater() {
        // given the update of the newest answer (ev-3, at 120 s) at offset 10, then updates of older answers re-sent
        // at higher offsets, as when a late answer re-sequences the student's answers
        SkillMastery newest = update(tenant, "st-1", "fractions", "math-7a", "ev-3", at(120), 0.8, 3, 3);
        SkillMastery older = update(tenant, "st-1", "fractions", "math-7a", "ev-2", at(60), 0.5, 2, 2);
        SkillMastery oldest = update(tenant, "st-1", "fractions", "math-7a", "ev-1", at(30), 0.2, 1, 1);
        write(store, rows, at(key(newest), newest, 10L));

        // when
        write(store, rows, at(key(older), older, 11L), at(key(oldest), oldest, 12L));

        // then
        assertThat(current()).containsExactly(List.of("fractions", "ev-3", "0.8", "3"));
        store.execute("OPTIMIZE TABLE mastery_current_versions FINAL");
        assertThat(store.query("SELECT event_id FROM mastery_current_versions WHERE tenant_id = '" + tenant + "'").singleValue())
                .as("the row kept once merged").isEqualTo("ev-3");
    }

    @Test
    void shouldTakeTheNewestAnswersUpdateReSentLast() {
        // given the newest answer's update, then a late earlier answer and the newest answer's update re-sent after it
        SkillMastery newest = update(tenant, "st-1", "fractions", "math-7a", "ev-2", at(60), 0.6, 1, 1);
        SkillMastery late = update(tenant, "st-1", "fractions", "math-7a", "ev-1", at(30), 0.3, 1, 0);
        SkillMastery newestAgain = update(tenant, "st-1", "fractions", "math-7a", "ev-2", at(60), 0.45, 2, 1);
        write(store, rows, at(key(newest), newest, 20L));

        // when
        write(store, rows, at(key(late), late, 21L), at(key(newestAgain), newestAgain, 22L));

        // then
        assertThat(current()).containsExactly(List.of("fractions", "ev-2", "0.45", "2"));
    }

    @Test
    void shouldKeepOneRowPerStudentAndSkill() {
        // given
        SkillMastery fractions = update(tenant, "st-1", "fractions", "math-7a", "ev-1", at(0), 0.3, 1, 0);
        SkillMastery ratios = update(tenant, "st-1", "ratios", "math-7a", "ev-1", at(0), 0.4, 1, 0);
        SkillMastery fractionsLater = update(tenant, "st-1", "fractions", "math-7a", "ev-2", at(60), 0.5, 2, 1);
        SkillMastery otherStudent = update(tenant, "st-2", "fractions", "math-7a", "ev-9", at(10), 0.7, 1, 1);

        // when
        write(store, rows, at(key(fractions), fractions, 1L), at(key(ratios), ratios, 2L),
                at(key(fractionsLater), fractionsLater, 3L), at(key(otherStudent), otherStudent, 4L));

        // then
        assertThat(store.query("SELECT student_key, skill_id, event_id FROM mastery_current WHERE tenant_id = '" + tenant
                + "' ORDER BY student_key, skill_id").rows())
                .containsExactly(List.of("st-1", "fractions", "ev-2"), List.of("st-1", "ratios", "ev-1"),
                        List.of("st-2", "fractions", "ev-9"));
    }

    @Test
    void shouldLeaveTheSameRowsWhenABatchIsWrittenTwice() {
        // given
        SkillMastery first = update(tenant, "st-1", "fractions", "math-7a", "ev-1", at(0), 0.3, 1, 0);
        SkillMastery second = update(tenant, "st-1", "fractions", "math-7a", "ev-2", at(60), 0.5, 2, 1);
        write(store, rows, at(key(first), first, 30L), at(key(second), second, 31L));
        List<List<String>> before = current();

        // when
        write(store, rows, at(key(first), first, 30L), at(key(second), second, 31L));

        // then
        assertThat(current()).isEqualTo(before).containsExactly(List.of("fractions", "ev-2", "0.5", "2"));
    }

    private List<List<String>> current() {
        return store.query("SELECT skill_id, event_id, toString(p_mastery), toString(attempts) FROM mastery_current"
                + " WHERE tenant_id = '" + tenant + "' ORDER BY student_key, skill_id").rows();
    }
}

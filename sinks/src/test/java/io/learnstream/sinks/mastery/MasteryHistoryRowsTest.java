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
 * Skill mastery updates through {@link MasteryHistoryRows} into {@code mastery_history_versions} of the real embedded
 * ClickHouse (chDB), read back through the view {@code mastery_history}. Each spec writes into a district of its own.
 */
@Timeout(120)
class MasteryHistoryRowsTest {
    @TempDir
    static Path dataDir;
    static ChdbColumnStore store;
    final MasteryHistoryRows rows = new MasteryHistoryRows(SINK_CLOCK);
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
    void shouldKeepOneRowPerAnswerWithItsPracticeItems() {
        // given two answers on one skill
        SkillMastery first = update(tenant, "st-1", "fractions", "math-7a", "ev-1", at(0), 0.3, 1, 0,
                item("fractions", "q-7", 0.62), item("fractions", "q-9", 0.58));
        SkillMastery second = update(tenant, "st-1", "fractions", "math-7b", "ev-2", at(60), 0.96, 2, 2);

        // when
        write(store, rows, at(key(first), first, 5L), at(key(second), second, 6L));

        // then
        assertThat(store.query("SELECT tenant_id, student_key, skill_id, event_id, course_id, p_mastery, attempts, correct,"
                + " toString(last_answer_time), mastered, toString(practice), toString(updated_at) FROM mastery_history"
                + " WHERE tenant_id = '" + tenant + "' ORDER BY last_answer_time").rows())
                .containsExactly(
                        List.of(tenant, "st-1", "fractions", "ev-1", "math-7a", "0.3", "1", "0", "2026-09-14 08:00:00.000", "0",
                                "[('q-7',0.62),('q-9',0.58)]", "2026-09-14 12:00:00.250"),
                        List.of(tenant, "st-1", "fractions", "ev-2", "math-7b", "0.96", "2", "2", "2026-09-14 08:01:00.000", "1",
                                "[]", "2026-09-14 12:00:00.250"));
        assertThat(store.query("SELECT practice.item_id[2] AS item FROM mastery_history WHERE tenant_id = '" + tenant
                + "' AND event_id = 'ev-1'").singleValue()).isEqualTo("q-9");
    }

    @Test
    void shouldLeaveTheSameRowsWhenABatchIsWrittenTwice() {
        // given
        SkillMastery fractions = update(tenant, "st-1", "fractions", "math-7a", "ev-1", at(0), 0.3, 1, 0);
        SkillMastery ratios = update(tenant, "st-1", "ratios", "math-7a", "ev-1", at(0), 0.4, 1, 0);
        write(store, rows, at(key(fractions), fractions, 5L), at(key(ratios), ratios, 6L));
        List<List<String>> before = history();

        // when
        write(store, rows, at(key(fractions), fractions, 5L), at(key(ratios), ratios, 6L));

        // then
        assertThat(history()).isEqualTo(before).hasSize(2);
    }

    @Test
    void shouldReplaceAnUpdateReSentForTheSameAnswer() {
        // given ev-2's update, then a late ev-1 (earlier) and ev-2's update re-sent after it
        SkillMastery second = update(tenant, "st-1", "fractions", "math-7a", "ev-2", at(60), 0.4, 1, 1);
        SkillMastery lateFirst = update(tenant, "st-1", "fractions", "math-7a", "ev-1", at(30), 0.2, 1, 0);
        SkillMastery secondAgain = update(tenant, "st-1", "fractions", "math-7a", "ev-2", at(60), 0.35, 2, 1);
        write(store, rows, at(key(second), second, 8L));
        write(store, rows, at(key(lateFirst), lateFirst, 9L),
                at(key(secondAgain), secondAgain, 10L));

        // then
        assertThat(history()).containsExactly(List.of("ev-1", "0.2", "1"), List.of("ev-2", "0.35", "2"));
    }

    private List<List<String>> history() {
        return store.query("SELECT event_id, toString(p_mastery), toString(attempts) FROM mastery_history WHERE tenant_id = '"
                + tenant + "' ORDER BY skill_id, last_answer_time").rows();
    }
}

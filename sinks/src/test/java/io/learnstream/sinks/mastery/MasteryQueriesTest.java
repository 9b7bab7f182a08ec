package io.learnstream.sinks.mastery;

import static io.learnstream.sinks.mastery.MasteryRecords.SINK_CLOCK;
import static io.learnstream.sinks.mastery.MasteryRecords.at;
import static io.learnstream.sinks.mastery.MasteryRecords.item;
import static io.learnstream.sinks.mastery.MasteryRecords.key;
import static io.learnstream.sinks.mastery.MasteryRecords.level;
import static io.learnstream.sinks.mastery.MasteryRecords.prediction;
import static io.learnstream.sinks.mastery.MasteryRecords.summary;
import static io.learnstream.sinks.mastery.MasteryRecords.summaryKey;
import static io.learnstream.sinks.mastery.MasteryRecords.update;
import static io.learnstream.sinks.mastery.MasteryRecords.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.learnstream.schemas.avro.MasteryPrediction;
import io.learnstream.schemas.avro.SkillMastery;
import io.learnstream.schemas.avro.StudentMastery;
import io.learnstream.sinks.ReadmeQueries;
import io.learnstream.sinks.clickhouse.chdb.ChdbColumnStore;
import io.learnstream.sinks.schema.ClickHouseSchema;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example queries of the module's README.md, run as written on the real embedded ClickHouse (chDB) over rows the
 * four mastery mappers wrote: district {@code district-7}, class {@code math-7a}, student {@code st-1f3a}. Each query
 * is the {@code sql} block of the README's Mastery section whose first line is {@code -- <name>}.
 */
@Timeout(120)
class MasteryQueriesTest {
    private static final String DISTRICT = "district-7";
    private static final String CLASS = "math-7a";
    private static final String STUDENT = "st-1f3a";

    @TempDir
    static Path dataDir;
    static ChdbColumnStore store;
    static Map<String, String> queries;

    @BeforeAll
    static void openStoreAndWriteTheClass() throws IOException {
        queries = ReadmeQueries.of(Path.of("README.md"), "Mastery");
        store = ChdbColumnStore.open(dataDir);
        ClickHouseSchema.apply(store);

        // current mastery: two students of math-7a, a third whose latest fractions answer was in math-8, another district
        MasteryCurrentRows current = new MasteryCurrentRows(SINK_CLOCK);
        List<SkillMastery> updates = List.of(
                update(DISTRICT, STUDENT, "fractions", CLASS, "ev-4", at(180), 0.25, 4, 1, item("fractions", "q-7", 0.62)),
                update(DISTRICT, STUDENT, "ratios", CLASS, "ev-6", at(300), 0.97, 6, 5),
                update(DISTRICT, "st-2b4c", "fractions", CLASS, "ev-5", at(200), 0.45, 3, 2),
                update(DISTRICT, "st-2b4c", "ratios", CLASS, "ev-8", at(400), 0.85, 2, 2),
                update(DISTRICT, "st-3d5e", "fractions", "math-8", "ev-9", at(500), 0.1, 2, 0),
                update("district-8", STUDENT, "fractions", CLASS, "ev-1", at(10), 0.99, 9, 9));
        long offset = 0;
        for (SkillMastery update : updates) write(store, current, MasteryRecords.at(key(update), update, offset++));

        // the student's fractions history, ev-2's update re-sent after a late answer
        MasteryHistoryRows history = new MasteryHistoryRows(SINK_CLOCK);
        List<SkillMastery> answers = List.of(
                update(DISTRICT, STUDENT, "fractions", CLASS, "ev-1", at(0), 0.2, 1, 0),
                update(DISTRICT, STUDENT, "fractions", CLASS, "ev-2", at(60), 0.4, 2, 1),
                update(DISTRICT, STUDENT, "fractions", CLASS, "ev-3", at(120), 0.3, 3, 1),
                update(DISTRICT, STUDENT, "fractions", CLASS, "ev-2", at(60), 0.35, 2, 1),
                update(DISTRICT, STUDENT, "fractions", CLASS, "ev-4", at(180), 0.25, 4, 1));
        offset = 0;
        for (SkillMastery update : answers) write(store, history, MasteryRecords.at(key(update), update, offset++));

        // the student's summary
        StudentMastery summary = summary(DISTRICT, STUDENT, at(300), List.of(level("ratios", 0.97, 6, 5)),
                List.of(level("fractions", 0.25, 4, 1)), List.of(item("fractions", "q-7", 0.62), item("fractions", "q-9", 0.58)));
        write(store, new StudentMasteryRows(SINK_CLOCK), MasteryRecords.at(summaryKey(summary), summary, 0L));

        // predictions of the last day, and one of a month ago
        Instant yesterday = Instant.now().minus(Duration.ofDays(1));
        MasteryPredictionRows predictions = new MasteryPredictionRows(SINK_CLOCK);
        List<MasteryPrediction> made = List.of(
                prediction(DISTRICT, STUDENT, "ev-1", CLASS, "q-1", yesterday, false, models(0.7, 0.4)),
                prediction(DISTRICT, STUDENT, "ev-2", CLASS, "q-2", yesterday.plusSeconds(60), true, models(0.6, 0.55)),
                prediction(DISTRICT, "st-2b4c", "ev-5", CLASS, "q-1", yesterday, false, models(0.3, 0.6)),
                prediction(DISTRICT, "st-3d5e", "ev-7", CLASS, "q-3", yesterday, true, models(0.45, 0.9)),
                prediction(DISTRICT, "st-3d5e", "ev-0", CLASS, "q-3", yesterday.minus(Duration.ofDays(30)), false, models(0.9, 0.9)));
        offset = 0;
        for (MasteryPrediction prediction : made) {
            write(store, predictions, MasteryRecords.at(prediction.getStudentKey(), prediction, offset++));
        }
    }

    @AfterAll
    static void closeStore() {
        if (store != null) store.close();
    }

    @Test
    void shouldListAClassesWeakestSkillsFirst() {
        assertThat(run("weakest skills of a class")).containsExactly(
                List.of("fractions", "0.35", "2", "0", "7", "0.429"),
                List.of("ratios", "0.91", "2", "1", "8", "0.875"));
    }

    @Test
    void shouldCountEveryStudentWhoAnsweredInTheClassInItsWeakestSkills() {
        assertThat(run("weakest skills of the students who answered in a class")).containsExactly(
                List.of("fractions", "0.267", "3", "9"),
                List.of("ratios", "0.91", "2", "8"));
    }

    @Test
    void shouldShowAStudentsStrengthsAndWeaknesses() {
        assertThat(run("strengths and weaknesses of a student")).containsExactlyInAnyOrder(
                List.of("strength", "ratios", "0.97", "6", "5"),
                List.of("weakness", "fractions", "0.25", "4", "1"));
    }

    @Test
    void shouldShowAStudentsPracticeItems() {
        assertThat(run("practice items of a student")).containsExactly(
                List.of("fractions", "q-7", "0.62"),
                List.of("fractions", "q-9", "0.58"));
    }

    @Test
    void shouldShowEverySkillOfAStudentWeakestFirst() {
        assertThat(run("every skill of a student")).containsExactly(
                List.of("fractions", "0.25", "4", "1", "0", "2026-09-14 08:03:00.000"),
                List.of("ratios", "0.97", "6", "5", "1", "2026-09-14 08:05:00.000"));
    }

    @Test
    void shouldShowTheMasteryOfASkillAnswerByAnswerWithReSentUpdatesOnce() {
        assertThat(run("mastery of a skill answer by answer")).containsExactly(
                List.of("2026-09-14 08:00:00.000", "ev-1", "0.2", "1", "0", "0"),
                List.of("2026-09-14 08:01:00.000", "ev-2", "0.35", "2", "1", "0"),
                List.of("2026-09-14 08:02:00.000", "ev-3", "0.3", "3", "1", "0"),
                List.of("2026-09-14 08:03:00.000", "ev-4", "0.25", "4", "1", "0"));
    }

    @Test
    void shouldScoreEachModelsPredictionsOfTheLastSevenDays() {
        // bkt right on ev-2 and ev-5 of four; logistic right on ev-1, ev-2 and ev-7; the month-old ev-0 left out
        assertThat(run("accuracy of each model over the last 7 days")).containsExactly(
                List.of("bkt", "4", "0.5", "0.261"),
                List.of("logistic", "4", "0.75", "0.183"));
    }

    @Test
    void theReadmeHoldsNoUntestedQuery() {
        assertThat(queries.keySet()).containsExactlyInAnyOrder("weakest skills of a class",
                "weakest skills of the students who answered in a class", "strengths and weaknesses of a student",
                "practice items of a student", "every skill of a student", "mastery of a skill answer by answer",
                "accuracy of each model over the last 7 days");
    }

    private static List<List<String>> run(String name) {
        assertThat(queries).containsKey(name);
        return store.query(queries.get(name)).rows();
    }

    private static Map<String, Double> models(double bkt, double logistic) {
        return Map.of("bkt", bkt, "logistic", logistic);
    }
}

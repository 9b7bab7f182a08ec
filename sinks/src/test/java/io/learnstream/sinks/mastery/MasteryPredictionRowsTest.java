package io.learnstream.sinks.mastery;

import static io.learnstream.sinks.mastery.MasteryRecords.SINK_CLOCK;
import static io.learnstream.sinks.mastery.MasteryRecords.at;
import static io.learnstream.sinks.mastery.MasteryRecords.prediction;
import static io.learnstream.sinks.mastery.MasteryRecords.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.learnstream.schemas.avro.MasteryPrediction;
import io.learnstream.sinks.clickhouse.chdb.ChdbColumnStore;
import io.learnstream.sinks.schema.ClickHouseSchema;
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
 * Predictions through {@link MasteryPredictionRows} into {@code mastery_predictions_versions} of the real embedded
 * ClickHouse (chDB), read back through the view {@code mastery_predictions}. Each spec writes into a district of its own.
 */
@Timeout(120)
class MasteryPredictionRowsTest {
    @TempDir
    static Path dataDir;
    static ChdbColumnStore store;
    final MasteryPredictionRows rows = new MasteryPredictionRows(SINK_CLOCK);
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
    void shouldReadBackEveryColumnOfAPredictionThroughTheView() {
        // given
        MasteryPrediction prediction = prediction(tenant, "st-1", "ev-1", "math-7a", "q-12", at(30).plusMillis(125), true,
                Map.of("bkt", 0.625, "logistic", 0.5));

        // when
        write(store, rows, at("st-1", prediction, 41L));

        // then
        assertThat(store.query("SELECT tenant_id, student_key, event_id, course_id, item_id, toString(skills),"
                + " toString(event_time), correct, toString(mapSort(predictions)), predictions['bkt'], parameters_version,"
                + " toString(updated_at) FROM mastery_predictions WHERE tenant_id = '" + tenant + "'").rows())
                .containsExactly(List.of(tenant, "st-1", "ev-1", "math-7a", "q-12", "['fractions','ratios']",
                        "2026-09-14 08:00:30.125", "1", "{'bkt':0.625,'logistic':0.5}", "0.625", "3", "2026-09-14 12:00:00.250"));
        assertThat(store.query("SELECT version FROM mastery_predictions_versions WHERE tenant_id = '" + tenant + "'")
                .singleLong()).isEqualTo(41);
    }

    @Test
    void shouldLeaveTheSameRowsWhenABatchIsWrittenTwice() {
        // given a batch written, then written again after a sink restart (same records, same offsets)
        var first = at("st-1", prediction(tenant, "st-1", "ev-1", "math-7a", "q-1", at(0), true, Map.of("bkt", 0.4)), 10L);
        var second = at("st-1", prediction(tenant, "st-1", "ev-2", "math-7a", "q-2", at(60), false, Map.of("bkt", 0.55)), 11L);
        var other = at("st-2", prediction(tenant, "st-2", "ev-3", "math-7a", "q-1", at(90), true, Map.of("bkt", 0.3)), 12L);
        write(store, rows, first, second, other);
        String before = predictions();

        // when
        write(store, rows, first, second, other);

        // then
        assertThat(predictions()).isEqualTo(before);
        assertThat(store.query("SELECT count() FROM mastery_predictions WHERE tenant_id = '" + tenant + "'").singleLong())
                .isEqualTo(3);
    }

    @Test
    void shouldReplaceAPredictionReSentForTheSameAnswer() {
        // given the answer's prediction, then a late earlier answer that re-sequenced it: re-sent with the same event id
        write(store, rows, at("st-1", prediction(tenant, "st-1", "ev-2", "math-7a", "q-2", at(60), true,
                Map.of("bkt", 0.4, "logistic", 0.45)), 20L));
        write(store, rows, at("st-1", prediction(tenant, "st-1", "ev-1", "math-7a", "q-1", at(30), true,
                Map.of("bkt", 0.3, "logistic", 0.35)), 21L), at("st-1", prediction(tenant, "st-1", "ev-2", "math-7a", "q-2",
                at(60), true, Map.of("bkt", 0.6, "logistic", 0.55)), 22L));

        // then
        assertThat(predictions()).isEqualTo("ev-1 0.3 0.35 | ev-2 0.6 0.55");
        store.execute("OPTIMIZE TABLE mastery_predictions_versions FINAL");
        assertThat(store.query("SELECT count() FROM mastery_predictions_versions WHERE tenant_id = '" + tenant + "'")
                .singleLong()).as("rows once merged").isEqualTo(2);
    }

    private String predictions() {
        return String.join(" | ", store.query("SELECT concat(event_id, ' ', toString(predictions['bkt']), ' ',"
                + " toString(predictions['logistic'])) AS p FROM mastery_predictions WHERE tenant_id = '" + tenant + "'"
                + " ORDER BY student_key, event_id").column("p"));
    }
}

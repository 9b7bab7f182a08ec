package io.learnstream.app.replay.assistments;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnstream.app.replay.ReplayDistrict;
import io.learnstream.app.stack.EmbeddedStack;
import io.learnstream.app.stack.EmbeddedStackConfig;
import io.learnstream.sinks.spi.QueryResult;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mastery predictions of a replay do not depend on how fast it is sent. */
class ReplaySpeedsIT {
    private static final int USERS = 25;
    private static final int ANSWERS = 30;

    @Test
    void shouldPredictTheSameForEveryAnswerWhetherReplayedFlatOutOrThrottled(@TempDir Path dir) throws Exception {
        List<AssistmentsRow> rows = rows(new Random(42));
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        try (EmbeddedStack stack = EmbeddedStack.start(new EmbeddedStackConfig(dir, 0, 0, 0, 3, Optional.empty()), new SimpleMeterRegistry())) {
            // given the same answers replayed into two districts: as fast as the LRS takes them, and at 150 statements/s
            AssistmentsReplay.Outcome fast = new AssistmentsReplay(stack.pipeline(), "fast",
                    ReplayDistrict.ensure(stack.pipeline().directory(), "fast", "Flat out"), Optional.empty(), quiet).replay("test", rows);
            AssistmentsReplay.Outcome slow = new AssistmentsReplay(stack.pipeline(), "slow",
                    ReplayDistrict.ensure(stack.pipeline().directory(), "slow", "Throttled"), Optional.of(150.0), quiet).replay("test", rows);

            // then every answer was predicted in both, and each prediction is the same in both
            assertThat(fast.caughtUp()).isTrue();
            assertThat(slow.caughtUp()).isTrue();
            assertThat(slow.sendSeconds()).isGreaterThan(fast.sendSeconds());
            List<List<String>> fastPredictions = predictions(stack, "fast");
            List<List<String>> slowPredictions = predictions(stack, "slow");
            assertThat(fastPredictions).hasSize(USERS * ANSWERS);
            assertThat(slowPredictions).isEqualTo(fastPredictions);
            // (and they are not all alike: each student's history moves them)
            assertThat(fastPredictions.stream().map(row -> row.get(3)).distinct().count()).isGreaterThan(USERS);
        }
    }

    /** Each answer's event id (the statement's, the same in both replays), outcome and each model's prediction. */
    private static List<List<String>> predictions(EmbeddedStack stack, String tenant) {
        QueryResult result = stack.store().query("SELECT event_id, correct, predictions['bkt'] AS bkt, predictions['logistic'] AS logistic"
                + " FROM mastery_predictions WHERE tenant_id = '" + tenant + "' ORDER BY event_id");
        return result.rows();
    }

    /** Users answering items of four skills, each user's answers in order. */
    private static List<AssistmentsRow> rows(Random random) {
        List<AssistmentsRow> rows = new ArrayList<>();
        long line = 2;
        for (int u = 0; u < USERS; u++) {
            for (int k = 0; k < ANSWERS; k++) {
                int item = random.nextInt(20);
                rows.add(new AssistmentsRow(line++, "u" + u, "q" + item, random.nextDouble() < 0.6, "s" + item % 4));
            }
        }
        return rows;
    }
}

package io.learnstream.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnstream.app.stack.EmbeddedStack;
import io.learnstream.app.stack.EmbeddedStackConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code learnstream bench streams} on a small scale: its figures come from events really processed, by every part. */
class StreamsBenchmarkIT {
    @TempDir
    Path dataDir;

    @Test
    void shouldRunThePassThroughEachPartAndTheFullAnalyticsOverEveryEventAndReportTheirRatios() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        StreamsBenchmark.Result result;
        long predictions;
        long passedThrough;
        long alerts;
        try (EmbeddedStack stack = EmbeddedStack.start(new EmbeddedStackConfig(dataDir, 0, 0, 0, 2, Optional.empty()).frontDoorOnly(),
                new SimpleMeterRegistry())) {
            // 60 students in 2 classes answering 40 items each over the term (6 of them only in the first week), one round
            result = new StreamsBenchmark(60, 40, 300, 20, 1).run(stack, 2, new PrintStream(log, true, StandardCharsets.UTF_8));
            predictions = committedRecords(stack, stack.pipeline().topics().masteryPredictions().name());
            passedThrough = committedRecords(stack, PassThroughTopology.OUTPUT);
            alerts = committedRecords(stack, stack.pipeline().topics().alerts().name());
        }
        String printed = log.toString(StandardCharsets.UTF_8);
        System.out.print(printed + StreamsBenchmark.report(result));

        // 54 students answering 40 times, 6 answering in the first week only (answers 1.05 days apart: 7 of them)
        assertThat(result.events()).isEqualTo(54 * 40 + 6 * 7);
        assertThat(result.classes()).isEqualTo(2);
        assertThat(result.runs()).extracting(StreamsBenchmark.Run::name).as(printed)
                .containsExactly("pass-through", "mastery", "engagement", "risk", "alerts", "full analytics");
        assertThat(result.runs()).allSatisfy(run -> {
            assertThat(run.events()).isEqualTo(result.events());
            assertThat(run.eventsPerSecond()).isPositive();
        });
        // every part did its work, alone and in the full analytics: none of them passes by processing nothing
        StreamsBenchmark.Run passThrough = result.runsOf("pass-through").getFirst();
        assertThat(passThrough.count("bench.pass-through")).isEqualTo(result.events());
        for (String name : List.of("mastery", "full analytics")) {
            assertThat(result.runsOf(name).getFirst().count("mastery-predictions")).as(name).isEqualTo(result.events());
        }
        for (String name : List.of("engagement", "full analytics")) {
            assertThat(result.runsOf(name).getFirst().count("engagement-daily")).as(name).isPositive();
        }
        for (String name : List.of("risk", "full analytics")) {
            StreamsBenchmark.Run run = result.runsOf(name).getFirst();
            // every student scored at least once, and the silent ones flagged as the assignments fell due
            assertThat(run.count("risk-scores")).as(name).isGreaterThanOrEqualTo(60);
            assertThat(run.count(StreamsBenchmark.FLAGS_RAISED)).as(name).isGreaterThanOrEqualTo(6);
            // every event applied: a class's events are in one partition, none beyond the grace period
            assertThat(run.count(StreamsBenchmark.RISK_APPLIED)).as(name).isEqualTo(result.events());
            assertThat(run.count(StreamsBenchmark.RISK_LATE)).as(name).isZero();
        }
        for (String name : List.of("alerts", "full analytics")) {
            StreamsBenchmark.Run run = result.runsOf(name).getFirst();
            assertThat(run.count(StreamsBenchmark.ALERTS_RAISED)).as(name).isGreaterThanOrEqualTo(6);
            assertThat(run.count("alerts")).as(name).isGreaterThanOrEqualTo(run.count(StreamsBenchmark.ALERTS_RAISED));
        }
        // the same work alone and in the full analytics (a class's events reach risk in order either way)
        assertThat(result.runsOf("full analytics").getFirst().count("risk-scores")).isEqualTo(result.runsOf("risk").getFirst().count("risk-scores"));
        assertThat(result.runsOf("full analytics").getFirst().count("alerts")).isEqualTo(result.runsOf("alerts").getFirst().count("alerts"));
        // and what they wrote is committed: each mastery run predicted every answer once (in order: nothing re-sequenced)
        assertThat(predictions).isEqualTo(2L * result.events());
        assertThat(passedThrough).isEqualTo(result.events());
        // (and alerts alone read only the scores of the risk run before it: all the alerts are those two runs')
        assertThat(alerts).isEqualTo(result.runsOf("alerts").getFirst().count("alerts") + result.runsOf("full analytics").getFirst().count("alerts"));

        assertThat(result.ratio()).isEqualTo(result.masteryPerSecond() / result.passThroughPerSecond());
        assertThat(result.fullRatio()).isEqualTo(result.fullPerSecond() / result.passThroughPerSecond());
        assertThat(StreamsBenchmark.PARTS).contains(result.costliestPart());
        assertThat(StreamsBenchmark.report(result)).contains("mastery topology:").contains("pass-through topology:").contains("ratio:")
                .contains("engagement:").contains("risk:").contains("alerts:").contains("full analytics:").contains("full ratio:")
                .contains("costliest part alone:");
    }

    private static long committedRecords(EmbeddedStack stack, String topic) {
        return StreamsBenchmark.committedRecords(stack.kafkaBootstrapServers(), topic, Map.of());
    }
}

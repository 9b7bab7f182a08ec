package io.learnstream.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnstream.app.simulate.Credentials;
import io.learnstream.app.stack.DemoDistrict;
import io.learnstream.app.stack.EmbeddedStack;
import io.learnstream.app.stack.EmbeddedStackConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code learnstream bench ingest} on a small scale: its figures come from statements really stored. */
class IngestBenchmarkIT {
    @TempDir
    Path dataDir;

    @Test
    void shouldStoreEveryWarmUpAndMeasuredStatementAndMeasureTheRawProducerAndTheHttpFloorOnTheSameRecords() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        IngestBenchmark.Result result;
        try (EmbeddedStack stack = EmbeddedStack.start(new EmbeddedStackConfig(dataDir, 0, 0, 0, 2, Optional.empty()).frontDoorOnly(),
                new SimpleMeterRegistry())) {
            Credentials credential = DemoDistrict.ensure(stack.pipeline().directory(), dataDir.resolve("secrets"));

            // reading back fails unless all 1,000 warm-up and 2,000 measured statements were stored: none is a duplicate
            result = new IngestBenchmark(2_000, 1_000, java.time.Duration.ZERO, 100, 2).run(stack, credential, new PrintStream(log, true, StandardCharsets.UTF_8));
        }

        assertThat(result.statements()).isEqualTo(2_000);
        assertThat(result.httpPerSecond()).isPositive();
        assertThat(result.p50Millis()).isPositive().isLessThanOrEqualTo(result.p99Millis());
        assertThat(result.rawRuns()).hasSize(IngestBenchmark.RAW_RUNS);
        assertThat(Arrays.stream(result.rawRuns()).min().orElseThrow()).as("the slowest raw run").isPositive();
        double[] sorted = result.rawRuns().clone();
        Arrays.sort(sorted);
        assertThat(result.rawPerSecond()).as("the median raw run").isEqualTo(sorted[1]);
        assertThat(result.averageRecordBytes()).as("simulated statements of about 2 KB, as stored").isBetween(1_000.0, 4_000.0);
        assertThat(result.ratio()).isEqualTo(result.httpPerSecond() / result.rawPerSecond());
        assertThat(result.frontDoorWorkMicrosPerStatement()).as("parsing, validating and hashing 2 KB takes some microseconds").isGreaterThan(1);
        assertThat(result.ceiling()).isStrictlyBetween(0.0, 1.0);
        assertThat(result.floorRuns()).hasSize(IngestBenchmark.FLOOR_RUNS);
        assertThat(Arrays.stream(result.floorRuns()).min().orElseThrow()).as("the slowest floor run").isPositive();
        assertThat(result.floorRatio()).isEqualTo(result.floorPerSecond() / result.rawPerSecond());
        assertThat(result.floorCpuMicrosPerStatement()).isPositive();
        assertThat(result.leastWorkMicrosPerStatement()).as("reading 2 KB of JSON and hashing it").isPositive()
                .isLessThan(result.frontDoorWorkMicrosPerStatement());
        assertThat(result.leastWorkRatio()).isStrictlyBetween(0.0, result.floorRatio());
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("warm-up round 1, 10 batches").contains("2 HTTP clients posting 2,000 statements");
    }
}

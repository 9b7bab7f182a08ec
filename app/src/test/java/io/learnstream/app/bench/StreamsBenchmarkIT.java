package io.learnstream.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnstream.app.stack.EmbeddedStack;
import io.learnstream.app.stack.EmbeddedStackConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code learnstream bench streams} on a small scale: its figures come from answers really processed. */
class StreamsBenchmarkIT {
    @TempDir
    Path dataDir;

    @Test
    void shouldRunBothTopologiesOverEveryAnswerAndReportTheirRatio() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        StreamsBenchmark.Result result;
        long predictions;
        long passedThrough;
        try (EmbeddedStack stack = EmbeddedStack.start(new EmbeddedStackConfig(dataDir, 0, 0, 0, 2, Optional.empty()).frontDoorOnly(),
                new SimpleMeterRegistry())) {
            // 200 students answering 10 items each, every topology twice
            result = new StreamsBenchmark(200, 10, 300, 20, 2).run(stack, 2, new PrintStream(log, true, StandardCharsets.UTF_8));
            predictions = committedRecords(stack, stack.pipeline().topics().masteryPredictions().name());
            passedThrough = committedRecords(stack, PassThroughTopology.OUTPUT);
        }

        assertThat(result.answers()).isEqualTo(2_000);
        assertThat(result.runs()).extracting(StreamsBenchmark.Run::topology)
                .containsExactly("pass-through", "mastery", "pass-through", "mastery");
        assertThat(result.runs()).allSatisfy(run -> {
            assertThat(run.answers()).isEqualTo(2_000);
            assertThat(run.answersPerSecond()).isPositive();
        });
        // each mastery run predicted every answer once (they came in order: nothing re-sequenced), each pass-through copied it
        assertThat(predictions).isEqualTo(2 * 2_000);
        assertThat(passedThrough).isEqualTo(2 * 2_000);
        assertThat(result.ratio()).isEqualTo(result.masteryPerSecond() / result.passThroughPerSecond());
        assertThat(StreamsBenchmark.report(result)).contains("mastery topology:").contains("pass-through topology:").contains("ratio:");
    }

    /** The records of a topic a transactional reader sees: read from the start up to the last stable offsets. */
    private static long committedRecords(EmbeddedStack stack, String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long count = 0;
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p)) && System.nanoTime() < deadline) {
                count += consumer.poll(Duration.ofMillis(200)).count();
            }
            return count;
        }
    }
}

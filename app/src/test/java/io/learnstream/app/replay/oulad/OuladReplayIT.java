package io.learnstream.app.replay.oulad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.learnstream.app.Main;
import io.learnstream.app.replay.ReplayDistrict;
import io.learnstream.app.stack.EmbeddedStack;
import io.learnstream.app.stack.EmbeddedStackConfig;
import io.learnstream.schemas.avro.RosterClass;
import io.learnstream.schemas.avro.RosterEnrollment;
import io.learnstream.schemas.avro.RosterImport;
import io.learnstream.schemas.avro.RosterImportFile;
import io.learnstream.schemas.avro.RosterLineItem;
import io.learnstream.schemas.topic.Topic;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code replay oulad} on the embedded stack: the fixture's roster in the roster topics, its statements through the LRS and the pipeline. */
class OuladReplayIT {
    private static final Duration BOUND = Duration.ofMinutes(2);
    private static final String DISTRICT = "oulad";

    @TempDir
    Path dataDir;

    @TempDir
    Path rosterDir;

    @Test
    void shouldImportTheRosterThenReplayEveryStatementThroughThePipelineAndStoreEachOnceWhenReplayedAgain() throws Exception {
        OuladData data = OuladFixture.read();
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        // two partitions, everything sent at once (no steps): the fixture spans 17 months in 15 statements, and the intake
        // may write one partition's statements, months ahead, before another's; none of it may be taken for late
        try (EmbeddedStack stack = EmbeddedStack.start(new EmbeddedStackConfig(dataDir, 0, 0, 0, 2, Optional.empty()), new SimpleMeterRegistry())) {
            // given the district and its replay credential
            OuladReplay replay = new OuladReplay(stack, DISTRICT, ReplayDistrict.ensure(stack.pipeline().directory(), DISTRICT, "OULAD replay"),
                    Optional.empty(), Duration.ZERO, quiet);

            // when the fixture's roster is imported and its statements replayed
            RosterImport marker = replay.importRoster(data, rosterDir);
            OuladReplay.Outcome first = replay.replay(data);

            // then the roster topics hold the classes, the line items with their due dates and each class's two teachers
            assertThat(marker.getFiles()).extracting(RosterImportFile::getKind)
                    .containsExactly("orgs", "academicSessions", "courses", "classes", "users", "enrollments", "lineItems");
            Map<String, RosterClass> classes = latest(stack, stack.pipeline().topics().rosterClasses());
            assertThat(classes.keySet()).containsExactlyInAnyOrder("oulad/AAA-2013J", "oulad/BBB-2014B");
            Map<String, RosterLineItem> lineItems = latest(stack, stack.pipeline().topics().rosterLineItems());
            assertThat(lineItems).hasSize(4);
            assertThat(lineItems.get("oulad/1752").getDueDate()).isEqualTo(Instant.parse("2013-10-20T23:59:59Z"));
            assertThat(lineItems.get("oulad/15014").getDueDate()).isEqualTo(Instant.parse("2014-09-23T23:59:59Z")); // BBB-2014B's last day
            Map<String, RosterEnrollment> enrollments = latest(stack, stack.pipeline().topics().rosterEnrollments());
            assertThat(enrollments.values().stream().filter(e -> e.getRole().equals("teacher") && e.getClassSourcedId().equals("AAA-2013J")))
                    .extracting(RosterEnrollment::getUserSourcedId, RosterEnrollment::getPrimary)
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("teacher-AAA-2013J-1", true),
                            org.assertj.core.groups.Tuple.tuple("teacher-AAA-2013J-2", false));
            assertThat(latest(stack, stack.pipeline().topics().rosterUsers())).hasSize(8);

            // and every statement was accepted, is in the LRS once, and went through the pipeline, none of it late
            assertThat(first.caughtUp()).isTrue();
            assertThat(first.statements()).isEqualTo(OuladFixture.STATEMENTS);
            assertThat(first.archived()).isEqualTo(OuladFixture.STATEMENTS);
            assertThat(countByVerb(stack)).containsExactlyInAnyOrderEntriesOf(Map.of(
                    OuladVocabulary.REGISTERED, 4L, OuladVocabulary.UNREGISTERED, 1L, OuladVocabulary.INTERACTED, 5L, OuladVocabulary.SUBMIT, 5L));
            await().atMost(BOUND).untilAsserted(() -> assertThat(stack.store()
                    .query("SELECT sum(events) FROM engagement_daily WHERE tenant_id = 'oulad'").singleLong()).isEqualTo(OuladFixture.STATEMENTS));
            // the scored submissions (all but the exam without a score) are answers the mastery topology predicted
            assertThat(stack.store().query("SELECT count() FROM mastery_predictions WHERE tenant_id = 'oulad'").singleLong()).isEqualTo(4);

            // when it is replayed again, then the LRS still holds each statement once
            OuladReplay.Outcome again = replay.replay(data);
            assertThat(again.statements()).isEqualTo(OuladFixture.STATEMENTS);
            assertThat(again.archived()).isEqualTo(OuladFixture.STATEMENTS);
            assertThat(stack.store().query("SELECT count() FROM xapi_statements FINAL WHERE tenant_id = 'oulad'").singleLong())
                    .isEqualTo(OuladFixture.STATEMENTS);
        }
    }

    @Test
    void shouldReplayTheChosenPresentationsFromTheCommandLineWithTheRosterInTheDataDirectory() {
        // when one presentation of the fixture is replayed by the command
        int exitCode = Main.commandLine().execute("replay", "oulad", "--data", OuladFixture.dir().toString(), "--data-dir", dataDir.toString(),
                "--port", "0", "--presentations", OuladFixture.BBB, "--district", "open-u");

        // then it caught up with all of it in the LRS (else 1), after writing the roster export under the data directory
        assertThat(exitCode).isZero();
        assertThat(dataDir.resolve("replay/open-u-roster/classes.csv")).content().contains("BBB-2014B").doesNotContain("AAA-2013J");
        assertThat(Files.exists(dataDir.resolve("replay/open-u-roster/manifest.csv"))).isTrue();
    }

    private static Map<String, Long> countByVerb(EmbeddedStack stack) {
        Map<String, Long> counts = new HashMap<>();
        for (List<String> row : stack.store().query("SELECT verb_id, uniqExact(statement_id) FROM xapi_statements WHERE tenant_id = 'oulad'"
                + " GROUP BY verb_id").rows()) {
            counts.put(row.get(0), Long.parseLong(row.get(1)));
        }
        return counts;
    }

    /** The latest value of each key of a topic, read from its beginning to its end (a tombstone removes the key). */
    private static <V> Map<String, V> latest(EmbeddedStack stack, Topic<String, V> topic) {
        Map<String, V> latest = new HashMap<>();
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name(), Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic.name(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (ends.entrySet().stream().anyMatch(end -> consumer.position(end.getKey()) < end.getValue())) {
                for (ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() == null) latest.remove(record.key());
                    else latest.put(record.key(), record.value());
                }
            }
        }
        return latest;
    }
}

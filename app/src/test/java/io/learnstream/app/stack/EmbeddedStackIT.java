package io.learnstream.app.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.learnstream.schemas.avro.DeadLetter;
import io.learnstream.sinks.spi.QueryResult;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole pipeline on the embedded stack: statements over HTTP in, engagement in ClickHouse out. */
class EmbeddedStackIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALGEBRA = "https://sis.example.org/classes/algebra-1";
    private static final Duration BOUND = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    @Test
    void shouldTurnStatementsPostedOverHttpIntoEngagementInClickHouse() throws Exception {
        try (RunningStack running = RunningStack.start(dataDir)) {
            EmbeddedStack stack = running.stack;
            // given Ann works 09:00-09:25 (3 statements), Bob at 09:00 and again at 10:00 (two sessions)
            HttpResponse<String> accepted = running.post("["
                    + statement("ann", "2026-09-07T09:00:00Z") + "," + statement("ann", "2026-09-07T09:10:00Z") + ","
                    + statement("ann", "2026-09-07T09:25:00Z") + "," + statement("bob", "2026-09-07T09:00:00Z") + ","
                    + statement("bob", "2026-09-07T10:00:00Z") + "]");
            assertThat(accepted.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(accepted.body())).hasSize(5);

            // then ClickHouse shows each student's day with the events, sessions and active minutes
            String ann = studentKey(stack, "ann");
            String bob = studentKey(stack, "bob");
            await().atMost(BOUND).untilAsserted(() -> {
                QueryResult days = stack.store().query("SELECT student_key, toString(day) AS day, events, sessions, active_minutes"
                        + " FROM engagement_daily WHERE course_id = '" + ALGEBRA + "' ORDER BY student_key");
                assertThat(days.rows()).containsExactlyInAnyOrder(
                        List.of(ann, "2026-09-07", "3", "1", "25"),
                        List.of(bob, "2026-09-07", "2", "2", "0"));
            });
            // and no one's name or address reached the column store
            assertThat(stack.store().query("SELECT count() FROM engagement_daily WHERE student_key LIKE '%example%'").singleLong()).isZero();
        }
    }

    @Test
    void shouldSayCaughtUpOnlyOnceEveryAcceptedStatementIsCountedInClickHouse() throws Exception {
        try (RunningStack running = RunningStack.start(dataDir)) {
            EmbeddedStack stack = running.stack;
            // given 60 statements of 20 students (spread over the partitions), posted in three requests
            for (int request = 0; request < 3; request++) {
                StringBuilder batch = new StringBuilder("[");
                for (int i = 0; i < 20; i++) {
                    batch.append(i == 0 ? "" : ",").append(statement("student-" + i, "2026-09-07T09:%02d:00Z".formatted(10 * request + 1)));
                }
                assertThat(running.post(batch.append("]").toString()).statusCode()).isEqualTo(200);
            }

            // when the pipeline says it caught up, then ClickHouse counts all of them at once, with no further waiting
            assertThat(stack.pipeline().awaitCaughtUp(BOUND)).isTrue();
            assertThat(stack.store().query("SELECT sum(events) FROM engagement_daily").singleLong()).isEqualTo(60);
        }
    }

    @Test
    void shouldAnswerMalformedStatementWith400AndKeepRunning() throws Exception {
        try (RunningStack running = RunningStack.start(dataDir)) {
            EmbeddedStack stack = running.stack;
            HttpResponse<String> malformed = running.post("{\"actor\": {\"mbox\": \"ann@example.org\"}, \"verb\": ");
            assertThat(malformed.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(malformed.body()).get("message").asText()).contains("not valid JSON");

            HttpResponse<String> invalid = running.post(statement("ann", "2026-09-07T09:00:00Z").replace("mailto:ann@", "ann@"));
            assertThat(invalid.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(invalid.body()).get("path").asText()).isEqualTo("actor.mbox");

            assertThat(running.post(statement("ann", "2026-09-07T09:00:00Z")).statusCode()).isEqualTo(200);
            await().atMost(BOUND).until(() -> stack.store().query("SELECT sum(events) FROM engagement_daily").singleLong() == 1);
        }
    }

    @Test
    void shouldKeepDataAcrossARestartWithoutDuplicates() throws Exception {
        try (RunningStack running = RunningStack.start(dataDir)) {
            EmbeddedStack stack = running.stack;
            assertThat(running.post("[" + statement("ann", "2026-09-07T09:00:00Z") + "," + statement("bob", "2026-09-07T09:05:00Z") + "]")
                    .statusCode()).isEqualTo(200);
            await().atMost(BOUND).until(() -> stack.store().query("SELECT sum(events) FROM engagement_daily").singleLong() == 2);
        }

        // when the stack restarts on the same data directory and more statements come
        try (RunningStack running = RunningStack.start(dataDir)) {
            EmbeddedStack stack = running.stack;
            assertThat(running.post("[" + statement("ann", "2026-09-08T09:00:00Z") + "," + statement("cleo", "2026-09-08T09:05:00Z") + "]")
                    .statusCode()).isEqualTo(200);

            // then the earlier rows are still there, the new ones are added, the same students keep their keys
            await().atMost(BOUND).untilAsserted(() -> {
                QueryResult totals = stack.store().query("SELECT count() AS rows, sum(events) AS events,"
                        + " uniqExact(tenant_id, course_id, student_key, day) AS distinct_days, uniqExact(student_key) AS students"
                        + " FROM engagement_daily");
                assertThat(totals.rows()).containsExactly(List.of("4", "4", "4", "3"));
            });
        }
    }

    @Test
    void shouldSendAnUnreadableRecordToDeadLettersAndGoOn() throws Exception {
        try (RunningStack running = RunningStack.start(dataDir)) {
            EmbeddedStack stack = running.stack;
            String topic = stack.pipeline().topics().learningEvents().name();
            try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", stack.kafkaBootstrapServers()),
                    new ByteArraySerializer(), new ByteArraySerializer())) {
                producer.send(new ProducerRecord<>(topic, "x".getBytes(), "not avro at all".getBytes())).get();
            }
            assertThat(running.post(statement("ann", "2026-09-07T09:00:00Z")).statusCode()).isEqualTo(200);

            await().atMost(BOUND).until(() -> stack.store().query("SELECT sum(events) FROM engagement_daily").singleLong() == 1);
            List<DeadLetter> letters = awaitDeadLetters(stack, letter -> letter.getReason().contains(topic));
            assertThat(letters.getFirst().getReason()).contains(topic).contains("could not be read");
            assertThat(letters.getFirst().getPayload()).startsWith("base64:");
        }
    }

    @Test
    void shouldDeadLetterAnUnreadableEngagementUpdateAndCommitPastIt() throws Exception {
        try (RunningStack running = RunningStack.start(dataDir)) {
            EmbeddedStack stack = running.stack;
            String topic = stack.pipeline().topics().engagementDaily().name();
            long offset;
            try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", stack.kafkaBootstrapServers()),
                    new ByteArraySerializer(), new ByteArraySerializer())) {
                offset = producer.send(new ProducerRecord<>(topic, 0, "k".getBytes(), "garbage".getBytes())).get().offset();
            }

            // the sink commits past it although nothing follows it on the topic
            try (var admin = org.apache.kafka.clients.admin.Admin.create(Map.of("bootstrap.servers", stack.kafkaBootstrapServers()))) {
                await().atMost(BOUND).until(() -> {
                    var committed = admin.listConsumerGroupOffsets(io.learnstream.app.pipeline.Pipeline.ENGAGEMENT_SINK_GROUP)
                            .partitionsToOffsetAndMetadata().get().get(new org.apache.kafka.common.TopicPartition(topic, 0));
                    return committed != null && committed.offset() > offset;
                });
            }
            assertThat(awaitDeadLetters(stack, letter -> letter.getSource().startsWith("sink."))).isNotEmpty();
        }
    }

    @Test
    void shouldServeTheSchemasOverTheConfluentRestApi() throws Exception {
        try (RunningStack running = RunningStack.start(dataDir)) {
            EmbeddedStack stack = running.stack;
            assertThat(running.post(statement("ann", "2026-09-07T09:00:00Z")).statusCode()).isEqualTo(200);

            await().atMost(BOUND).untilAsserted(() -> {
                JsonNode subjects = JSON.readTree(http.send(HttpRequest.newBuilder(stack.registryUrl().resolve("/subjects")).build(),
                        HttpResponse.BodyHandlers.ofString()).body());
                assertThat(subjects.toString()).contains("learnstream.xapi-statements-value", "learnstream.learning-events-value");
            });
        }
    }

    /** Reads the dead-letter topic from the start until a letter matches; returns the matching letters. */
    private static List<DeadLetter> awaitDeadLetters(EmbeddedStack stack, java.util.function.Predicate<DeadLetter> wanted) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dead-letter-reader-" + java.util.UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), stack.pipeline().topics().deadLetters().valueSerde().deserializer())) {
            consumer.subscribe(List.of(stack.pipeline().topics().deadLetters().name()));
            List<DeadLetter> letters = new java.util.ArrayList<>();
            await().atMost(BOUND).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (wanted.test(r.value())) letters.add(r.value());
                });
                return !letters.isEmpty();
            });
            return letters;
        }
    }

    private String studentKey(EmbeddedStack stack, String name) {
        return stack.pipeline().directory().districts().pseudonymKey(DemoDistrict.TENANT).orElseThrow()
                .studentKey("mbox:mailto:" + name + "@example.org");
    }

    private static String statement(String student, String timestamp) {
        return "{\"actor\":{\"mbox\":\"mailto:" + student + "@example.org\",\"name\":\"" + student + "\"},"
                + "\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/experienced\"},"
                + "\"object\":{\"id\":\"https://lms.example.org/pages/7\"},"
                + "\"context\":{\"contextActivities\":{\"grouping\":[{\"id\":\"" + ALGEBRA + "\","
                + "\"definition\":{\"type\":\"http://adlnet.gov/expapi/activities/course\"}}]}},"
                + "\"timestamp\":\"" + timestamp + "\"}";
    }
}

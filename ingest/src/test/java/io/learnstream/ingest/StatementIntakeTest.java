package io.learnstream.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.learnstream.ingest.http.JsonBodies;
import io.learnstream.ingest.xapi.XapiVersion;
import io.learnstream.schemas.avro.XapiStatementRecord;
import io.learnstream.schemas.registry.InMemorySchemaRegistryClient;
import io.learnstream.schemas.serde.AvroSerdes;
import io.learnstream.schemas.testing.SharedDatasets;
import io.learnstream.schemas.topic.TopicPublisher;
import io.learnstream.schemas.topic.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How the LRS stores the statements of a request: as the text the tool sent with what the LRS sets appended when it
 * only adds properties, otherwise as written from the statement's tree; the same statement either way.
 */
class StatementIntakeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Submitter QUIZ = new Submitter("riverside", "Quiz Pro", "ls_quiz");
    private static final String ACTOR = "\"actor\":{\"mbox\":\"mailto:ana@riverside.example.org\"}";
    private static final String VERB = "\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/answered\",\"display\":{\"en-US\":\"answered\"}}";
    private static final String OBJECT = "\"object\":{\"id\":\"http://quiz.example.org/q/1\"}";
    private static final String ID = "\"id\":\"3f1c0a6e-7d2b-4c55-9a1e-2b8f5c1d9e77\"";

    private final JsonBodies bodies = new JsonBodies(32, 1000);

    @Test
    void shouldStoreACompactStatementAsItsTextWithWhatTheLrsSetsAppendedByteForByteAsItsTree() {
        String body = "[{\"id\":\"3f1c0a6e-7d2b-4c55-9a1e-2b8f5c1d9e77\"," + ACTOR + "," + VERB + "," + OBJECT
                + ",\"timestamp\":\"2026-11-20T09:15:00.000Z\"}]";

        String stored = storedAsText(body).getFirst();

        assertThat(stored).isEqualTo(storedFromTree(body).getFirst())
                .startsWith(body.substring(1, body.length() - 2) + ",\"stored\":\"2026-11-22T08:00:00Z\",\"version\":\"1.0.0\",\"authority\":");
    }

    @Test
    void shouldStoreAPrettyPrintedStatementAsSentWithWhatTheLrsSetsAppended() throws Exception {
        String statement = "{\n  " + ACTOR + ",\n  " + VERB + ",\n  " + OBJECT + "\n}";
        String stored = storedAsText(statement).getFirst();

        assertThat(stored).startsWith(statement.substring(0, statement.length() - 1) + ",\"id\":\"");
        assertThat(JSON.readTree(stored).path("authority").path("account").path("name").asText()).isEqualTo("ls_quiz");
    }

    @Test
    void shouldStoreAPrettyPrintedStatementAsTheSameStatementAsItsTree() throws Exception {
        String statement = "{\n  " + ID + ",\n  " + ACTOR + ",\n  " + VERB + ",\n  " + OBJECT + "\n}";

        String stored = storedAsText(statement).getFirst();

        assertThat(stored).startsWith(statement.substring(0, statement.length() - 1) + ",\"timestamp\":\"");
        assertThat(JSON.readTree(stored)).isEqualTo(JSON.readTree(storedFromTree(statement).getFirst()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            ",\"authority\":{\"mbox\":\"mailto:tool@example.org\"}",
            ",\"stored\":\"2020-01-01T00:00:00Z\"",
            ",\"id\":\"3F1C0A6E-7D2B-4C55-9A1E-2B8F5C1D9E77\"",
            ",\"context\":{\"contextActivities\":{\"parent\":{\"id\":\"http://quiz.example.org/q\"}}}"})
    void shouldStoreFromTheTreeWhatTheLrsSetsInPlaceOfWhatTheToolSent(String replaced) throws Exception {
        String statement = "{" + (replaced.startsWith(",\"id\"") ? "" : ID + ",") + ACTOR + "," + VERB + "," + OBJECT + replaced + "}";

        String stored = storedAsText(statement).getFirst();

        assertThat(stored).as("written from the tree, as without the text").isEqualTo(storedFromTree(statement).getFirst());
        JsonNode tree = JSON.readTree(stored);
        assertThat(tree.path("authority").path("account").path("name").asText()).isEqualTo("ls_quiz");
        assertThat(tree.path("stored").asText()).isEqualTo("2026-11-22T08:00:00Z");
        assertThat(tree.path("id").asText()).isEqualTo(tree.path("id").asText().toLowerCase(java.util.Locale.ROOT));
        assertThat(tree.path("context").path("contextActivities").path("parent").isMissingNode()
                || tree.path("context").path("contextActivities").path("parent").isArray()).isTrue();
    }

    @Test
    void shouldStoreEveryRalphVideoStatementAsTheSameStatementWithOrWithoutItsText() throws Exception {
        List<String> lines = SharedDatasets.gzipLines("xapi/ralph-video-statements.json.gz");
        int kept = 0;
        for (int from = 0; from < lines.size(); from += 500) {
            String body = "[" + String.join(",", lines.subList(from, Math.min(lines.size(), from + 500))) + "]";
            List<String> asText = storedAsText(body);
            List<String> fromTree = storedFromTree(body);
            for (int i = 0; i < asText.size(); i++) {
                assertThat(JSON.readTree(asText.get(i))).isEqualTo(JSON.readTree(fromTree.get(i)));
                if (!asText.get(i).equals(fromTree.get(i))) kept++;
            }
        }
        assertThat(kept).as("statements stored as their own text (Ralph's have spaces after colons and commas)").isPositive();
    }

    @Test
    void shouldKnowWhenItLastStoredForADistrictOnlyOnceKafkaAcknowledged() {
        var producer = new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer());
        Instant now = Instant.parse("2026-11-22T08:00:00Z");
        StatementIntake intake = new StatementIntake(Topics.create(AvroSerdes.create(new InMemorySchemaRegistryClient())),
                new TopicPublisher(producer), KnownStatements.NONE, Clock.fixed(now, ZoneOffset.UTC),
                new IngestMetrics(new SimpleMeterRegistry()), "https://lrs.riverside.example.org/credentials");
        JsonNode statements = bodies.parse(("[{" + ACTOR + "," + VERB + "," + OBJECT + "},{" + ACTOR + "," + VERB + "," + OBJECT + "}]")
                .getBytes(StandardCharsets.UTF_8));

        var acknowledged = intake.store(QUIZ, XapiVersion.V1_0_3, intake.prepare(statements, XapiVersion.V1_0_3));
        assertThat(intake.latestStored(QUIZ.tenantId())).as("before Kafka acknowledged").isEmpty();
        while (producer.completeNext()) { }
        acknowledged.join();

        assertThat(intake.latestStored(QUIZ.tenantId())).hasValue(now);
        assertThat(intake.latestStored("another-district")).isEmpty();
    }

    @Test
    void shouldKnowEachOfItsLatestWritesBeforeTheArchiveHasThemEvenWhenFull() {
        // given an intake that remembers its last 1,000 writes, and an archive that has none of them yet
        var producer = new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
        StatementIntake intake = new StatementIntake(Topics.create(AvroSerdes.create(new InMemorySchemaRegistryClient())),
                new TopicPublisher(producer), KnownStatements.NONE, Clock.fixed(Instant.parse("2026-11-22T08:00:00Z"), ZoneOffset.UTC),
                new IngestMetrics(new SimpleMeterRegistry()), "https://lrs.riverside.example.org/credentials", 1_000);
        List<String> ids = new ArrayList<>();
        for (int request = 0; request < 30; request++) {
            StringBuilder body = new StringBuilder("[");
            for (int i = 0; i < 100; i++) {
                String id = java.util.UUID.randomUUID().toString();
                ids.add(id);
                body.append(i == 0 ? "" : ",").append("{\"id\":\"").append(id).append("\",").append(ACTOR).append(',').append(VERB)
                        .append(',').append(OBJECT).append('}');
            }
            intake.store(QUIZ, XapiVersion.V1_0_3, intake.prepare(bodies.parse(body.append(']').toString().getBytes(StandardCharsets.UTF_8)),
                    XapiVersion.V1_0_3)).join();
        }
        String within = ids.get(ids.size() - 990); // written 990 statements ago: among the last 1,000
        int records = producer.history().size();

        // when it is sent again with the same content, then it is accepted without a second record
        intake.store(QUIZ, XapiVersion.V1_0_3, intake.prepare(statementWithId(within, OBJECT), XapiVersion.V1_0_3)).join();
        assertThat(producer.history()).hasSize(records);
        // and with other content it is a conflict
        assertThatThrownBy(() -> intake.store(QUIZ, XapiVersion.V1_0_3,
                intake.prepare(statementWithId(within, "\"object\":{\"id\":\"http://quiz.example.org/q/2\"}"), XapiVersion.V1_0_3)))
                .isInstanceOf(StatementConflictException.class);
        assertThat(intake.storedHere(QUIZ.tenantId(), within)).isTrue();
        assertThat(intake.storedHere(QUIZ.tenantId(), ids.get(ids.size() - 1_001))).as("written 1,001 statements ago").isFalse();
    }

    @Test
    void shouldTellDuplicatesFromConflictsByWhatItStoredLatelyAndWhatTheArchiveHas() {
        String archived = "0b6f3a5e-1c2d-4e8f-9a7b-6c5d4e3f2a10";
        String storedHere = "7d2e4c6a-8b1f-4a3c-9e5d-2f1a0b9c8d76";
        String fresh = "c4a1e7b2-5d3f-4b6e-8a9c-1e2d3f4a5b6c";
        String archivedHash = new StatementIntake(Topics.create(AvroSerdes.create(new InMemorySchemaRegistryClient())), null,
                KnownStatements.NONE, Clock.systemUTC(), new IngestMetrics(new SimpleMeterRegistry()), "https://lrs.example.org")
                .prepare(statementWithId(archived, OBJECT), XapiVersion.V1_0_3).getFirst().contentHash();
        // given an archive that has one statement, and an intake that stored another one itself a moment ago
        List<List<String>> asked = new ArrayList<>();
        KnownStatements archive = (tenantId, ids) -> {
            asked.add(List.copyOf(ids));
            return ids.contains(archived) ? java.util.Map.of(archived, archivedHash) : java.util.Map.of();
        };
        var producer = new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
        StatementIntake intake = new StatementIntake(Topics.create(AvroSerdes.create(new InMemorySchemaRegistryClient())),
                new TopicPublisher(producer), archive, Clock.fixed(Instant.parse("2026-11-22T08:00:00Z"), ZoneOffset.UTC),
                new IngestMetrics(new SimpleMeterRegistry()), "https://lrs.riverside.example.org/credentials");
        intake.store(QUIZ, XapiVersion.V1_0_3, intake.prepare(statementWithId(storedHere, OBJECT), XapiVersion.V1_0_3)).join();
        asked.clear();

        // when both come again with the same content, along with a new one
        JsonNode batch = bodies.parse(("[" + statementWithId(archived, OBJECT) + "," + statementWithId(storedHere, OBJECT) + ","
                + statementWithId(fresh, OBJECT) + "]").getBytes(StandardCharsets.UTF_8));
        var ids = intake.store(QUIZ, XapiVersion.V1_0_3, intake.prepare(batch, XapiVersion.V1_0_3)).join();

        // then all three are answered, only the new one is written, and the archive is asked only about the ids not stored here
        assertThat(ids).extracting(Object::toString).containsExactly(archived, storedHere, fresh);
        assertThat(producer.history()).hasSize(2);
        assertThat(asked).containsExactly(List.of(archived, fresh));
        // and either one with other content is a conflict
        String other = "\"object\":{\"id\":\"http://quiz.example.org/q/2\"}";
        for (String id : List.of(archived, storedHere)) {
            assertThatThrownBy(() -> intake.store(QUIZ, XapiVersion.V1_0_3, intake.prepare(statementWithId(id, other), XapiVersion.V1_0_3)))
                    .isInstanceOf(StatementConflictException.class).hasMessageContaining(id);
        }
    }

    private JsonNode statementWithId(String id, String object) {
        return bodies.parse(("{\"id\":\"" + id + "\"," + ACTOR + "," + VERB + "," + object + "}").getBytes(StandardCharsets.UTF_8));
    }

    /** The statements of {@code body} as stored, each kept as the text sent where it can be. */
    private List<String> storedAsText(String body) {
        JsonBodies.Statements statements = bodies.parseStatements(body.getBytes(StandardCharsets.UTF_8));
        return stored(intake -> intake.prepare(statements.json(), statements.received(), XapiVersion.V1_0_3));
    }

    /** The statements of {@code body} as stored, each written from its tree. */
    private List<String> storedFromTree(String body) {
        JsonNode json = bodies.parse(body.getBytes(StandardCharsets.UTF_8));
        return stored(intake -> intake.prepare(json, XapiVersion.V1_0_3));
    }

    private static List<String> stored(java.util.function.Function<StatementIntake, List<io.learnstream.ingest.xapi.Statement>> prepare) {
        var producer = new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
        Topics topics = Topics.create(AvroSerdes.create(new InMemorySchemaRegistryClient()));
        StatementIntake intake = new StatementIntake(topics, new TopicPublisher(producer), KnownStatements.NONE,
                Clock.fixed(Instant.parse("2026-11-22T08:00:00Z"), ZoneOffset.UTC), new IngestMetrics(new SimpleMeterRegistry()),
                "https://lrs.riverside.example.org/credentials");
        intake.store(QUIZ, XapiVersion.V1_0_3, prepare.apply(intake)).join();
        List<String> stored = new ArrayList<>();
        for (var record : producer.history()) {
            XapiStatementRecord value = topics.xapiStatements().valueSerde().deserializer().deserialize(record.topic(), record.value());
            stored.add(value.getStatement());
        }
        return stored;
    }
}

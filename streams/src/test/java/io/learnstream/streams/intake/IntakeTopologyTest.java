package io.learnstream.streams.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.learnstream.schemas.avro.CaliperEventRecord;
import io.learnstream.schemas.avro.DeadLetter;
import io.learnstream.schemas.avro.District;
import io.learnstream.schemas.avro.LearningEvent;
import io.learnstream.schemas.avro.XapiStatementRecord;
import io.learnstream.schemas.registry.InMemorySchemaRegistryClient;
import io.learnstream.schemas.serde.AvroSerdes;
import io.learnstream.schemas.testing.SharedDatasets;
import io.learnstream.schemas.topic.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IntakeTopologyTest {
    private static final String DISTRICT = "district-7";
    private static final Instant STORED = Instant.parse("2026-09-07T10:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private TopologyTestDriver driver;
    private TestInputTopic<String, District> districts;
    private TestInputTopic<String, XapiStatementRecord> statements;
    private TestInputTopic<String, CaliperEventRecord> caliper;
    private TestOutputTopic<String, LearningEvent> events;
    private TestOutputTopic<String, DeadLetter> deadLetters;

    @BeforeEach
    void start() {
        AvroSerdes serdes = AvroSerdes.create(new InMemorySchemaRegistryClient());
        Topics topics = Topics.create(serdes);
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "intake-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(IntakeTopology.build(topics, serdes, new IntakeMetrics(new SimpleMeterRegistry())), config);
        districts = driver.createInputTopic(topics.districts().name(), topics.districts().keySerde().serializer(),
                topics.districts().valueSerde().serializer());
        statements = driver.createInputTopic(topics.xapiStatements().name(), topics.xapiStatements().keySerde().serializer(),
                topics.xapiStatements().valueSerde().serializer());
        caliper = driver.createInputTopic(topics.caliperEvents().name(), topics.caliperEvents().keySerde().serializer(),
                topics.caliperEvents().valueSerde().serializer());
        events = driver.createOutputTopic(topics.learningEvents().name(), topics.learningEvents().keySerde().deserializer(),
                topics.learningEvents().valueSerde().deserializer());
        deadLetters = driver.createOutputTopic(topics.deadLetters().name(), topics.deadLetters().keySerde().deserializer(),
                topics.deadLetters().valueSerde().deserializer());
        districts.pipeInput(DISTRICT, district(DISTRICT, 7));
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void shouldTurnAStoredStatementIntoAPseudonymousLearningEventKeyedByStudent() {
        String id = store(DISTRICT, statement(null, "mailto:ann@example.org", "2026-09-07T10:30:00+02:00"), "hash-1");

        List<KeyValue<String, LearningEvent>> out = events.readKeyValuesToList();
        assertThat(out).hasSize(1);
        LearningEvent event = out.getFirst().value;
        assertThat(out.getFirst().key).isEqualTo(event.getStudentKey());
        assertThat(event.getStudentKey()).hasSize(32).doesNotContain("ann");
        assertThat(event.toString()).doesNotContain("ann@example.org");
        assertThat(event.getEventId()).isEqualTo(id);
        assertThat(event.getTenantId()).isEqualTo(DISTRICT);
        assertThat(event.getCourseId()).isEqualTo("https://sis.example.org/classes/algebra-1");
        assertThat(event.getEventTime()).isEqualTo(Instant.parse("2026-09-07T08:30:00Z"));
        assertThat(event.getStoredTime()).isEqualTo(STORED);
        assertThat(event.getScoreScaled()).isEqualTo(0.8);
        assertThat(event.getTool()).isEqualTo("quiz-app");
    }

    @Test
    void shouldGiveTheSameLearnerTheSameKeyAndOtherDistrictsOtherKeys() {
        districts.pipeInput("district-9", district("district-9", 9));
        store(DISTRICT, statement(null, "mailto:ann@example.org", "2026-09-07T10:30:00Z"), "a");
        store(DISTRICT, statement(null, "mailto:ann@example.org", "2026-09-07T10:31:00Z"), "b");
        store("district-9", statement(null, "mailto:ann@example.org", "2026-09-07T10:32:00Z"), "c");

        List<String> keys = events.readValuesToList().stream().map(LearningEvent::getStudentKey).toList();
        assertThat(keys.get(0)).isEqualTo(keys.get(1));
        assertThat(keys.get(2)).isNotEqualTo(keys.get(0));
    }

    @Test
    void shouldCountEveryStatementOfALearnerThoughTheyShareTheirKey() {
        // given Ann's three statements, keyed alike by the LRS (by her identifier)
        for (int i = 0; i < 3; i++) store(DISTRICT, statement(null, "mailto:ann@example.org", "2026-09-07T09:3" + i + ":00Z"), "hash-" + i);

        // then each is a learning event, in the order stored
        assertThat(events.readValuesToList()).extracting(event -> event.getEventTime().toString())
                .containsExactly("2026-09-07T09:30:00Z", "2026-09-07T09:31:00Z", "2026-09-07T09:32:00Z");
    }

    @Test
    void shouldCountAStatementIdOnlyOnceWhenStoredTwiceWithTheSameContent() {
        String id = UUID.randomUUID().toString();
        store(DISTRICT, statement(id, "mailto:ann@example.org", "2026-09-07T10:30:00Z"), "same");
        store(DISTRICT, statement(id, "mailto:ann@example.org", "2026-09-07T10:30:00Z"), "same");

        assertThat(events.readValuesToList()).hasSize(1);
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void shouldDeadLetterASecondStatementWithAKnownIdAndOtherContent() {
        String id = UUID.randomUUID().toString();
        store(DISTRICT, statement(id, "mailto:ann@example.org", "2026-09-07T10:30:00Z"), "first");
        store(DISTRICT, statement(id, "mailto:bob@example.org", "2026-09-07T10:30:00Z"), "second");

        assertThat(events.readValuesToList()).hasSize(1);
        DeadLetter letter = deadLetters.readValue();
        assertThat(letter.getReason()).contains(id).contains("other content");
        assertThat(letter.getPayload()).contains("bob@example.org");
    }

    @Test
    void shouldKeepStatementIdsOfDistrictsApart() {
        districts.pipeInput("district-9", district("district-9", 9));
        String id = UUID.randomUUID().toString();
        store(DISTRICT, statement(id, "mailto:ann@example.org", "2026-09-07T10:30:00Z"), "x");
        store("district-9", statement(id, "mailto:zoe@example.org", "2026-09-07T10:30:00Z"), "y");

        assertThat(events.readValuesToList()).hasSize(2);
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void shouldNotCountVoidingStatementsAsLearning() {
        String voiding = "{\"id\":\"" + UUID.randomUUID() + "\",\"actor\":{\"mbox\":\"mailto:teacher@example.org\"},"
                + "\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/voided\"},"
                + "\"object\":{\"objectType\":\"StatementRef\",\"id\":\"" + UUID.randomUUID() + "\"},"
                + "\"timestamp\":\"2026-09-07T10:30:00Z\"}";
        store(DISTRICT, voiding, "v");

        assertThat(events.isEmpty()).isTrue();
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void shouldCountAStatementFromAClockAheadWhenItWasReceived() {
        // stored at 10:00; the device claims next year
        store(DISTRICT, statement(null, "mailto:ann@example.org", "2027-09-07T10:30:00Z"), "ahead");

        assertThat(events.readValue().getEventTime()).isEqualTo(STORED);
    }

    @Test
    void shouldDeadLetterAStatementFromBefore1970() {
        store(DISTRICT, statement(null, "mailto:ann@example.org", "1969-12-31T23:00:00Z"), "unset-clock");

        assertThat(events.isEmpty()).isTrue();
        assertThat(deadLetters.readValue().getReason()).contains("before 1970");
    }

    @Test
    void shouldCountAStatementOfADistrictCreatedAfterItWasFirstSent() {
        String id = UUID.randomUUID().toString();
        String statement = statement(id, "mailto:ann@example.org", "2026-09-07T09:30:00Z");
        store("late-district", statement, "h");
        assertThat(deadLetters.readValue().getReason()).contains("unknown");

        districts.pipeInput("late-district", district("late-district", 3));
        store("late-district", statement, "h");

        assertThat(events.readValuesToList()).hasSize(1);
    }

    @Test
    void shouldDeadLetterStatementsOfAnUnknownDistrict() {
        store("nowhere", statement(null, "mailto:ann@example.org", "2026-09-07T10:30:00Z"), "h");

        assertThat(events.isEmpty()).isTrue();
        assertThat(deadLetters.readValue().getReason()).contains("nowhere").contains("unknown");
    }

    @Test
    void shouldDeadLetterAnAnonymousGroupWithTheReason() {
        String group = statement(null, "mailto:ann@example.org", "2026-09-07T10:30:00Z").replace(
                "\"actor\":{\"mbox\":\"mailto:ann@example.org\"}",
                "\"actor\":{\"objectType\":\"Group\",\"member\":[{\"mbox\":\"mailto:ann@example.org\"}]}");
        store(DISTRICT, group, "g");

        assertThat(events.isEmpty()).isTrue();
        DeadLetter letter = deadLetters.readValue();
        assertThat(letter.getReason()).contains("anonymous Group");
        assertThat(letter.getSource()).isEqualTo("streams.intake.xapi");
    }

    /**
     * The first 1,000 real Ralph video statements (the driver commits after every record, which makes all 22,000
     * slow here; the whole file goes through the running pipeline in the app's RalphVideoStatementsIT).
     */
    @Test
    void shouldTurnRealVideoStatementsIntoOneEventEachWithOneKeyPerActor() throws Exception {
        java.util.Set<String> actors = new java.util.HashSet<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                Files.newInputStream(SharedDatasets.path("xapi/ralph-video-statements.json.gz"))), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null && statementsSent < 1_000; line = lines.readLine()) {
                actors.add(JSON.readTree(line).get("actor").toString());
                store(DISTRICT, line, Integer.toHexString(line.hashCode()));
            }
        }

        List<LearningEvent> out = events.readValuesToList();
        assertThat(out).hasSize(1_000);
        assertThat(out.stream().map(LearningEvent::getStudentKey).distinct().count()).isEqualTo(actors.size());
        assertThat(out).extracting(LearningEvent::getCourseId).doesNotContain("unknown");
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void shouldTurnACaliperEventIntoALearningEventOnce() {
        String eventId = "urn:uuid:" + UUID.randomUUID();
        String viewed = "{\"@context\":\"http://purl.imsglobal.org/ctx/caliper/v1p2\",\"id\":\"" + eventId + "\","
                + "\"type\":\"ViewEvent\",\"actor\":{\"id\":\"https://example.edu/users/554433\",\"type\":\"Person\"},"
                + "\"action\":\"Viewed\",\"object\":{\"id\":\"https://example.edu/etexts/201\",\"type\":\"Document\"},"
                + "\"eventTime\":\"2026-09-07T09:15:00.000Z\","
                + "\"group\":{\"id\":\"https://example.edu/terms/201801/courses/7/sections/1\",\"type\":\"CourseSection\"}}";
        CaliperEventRecord record = CaliperEventRecord.newBuilder().setTenantId(DISTRICT).setEventId(eventId).setReceived(STORED)
                .setSensor("https://example.edu/sensors/1").setDataVersion("http://purl.imsglobal.org/ctx/caliper/v1p2")
                .setTool("canvas").setEvent(viewed).build();

        caliper.pipeInput(Topics.tenantScopedKey(DISTRICT, eventId), record, STORED);
        caliper.pipeInput(Topics.tenantScopedKey(DISTRICT, eventId), record, STORED);

        List<LearningEvent> out = events.readValuesToList();
        assertThat(out).hasSize(1);
        assertThat(out.getFirst().getSourceFormat()).isEqualTo("caliper");
        assertThat(out.getFirst().getCourseId()).isEqualTo("https://example.edu/terms/201801/courses/7/sections/1");
        assertThat(out.getFirst().getEventTime()).isEqualTo(Instant.parse("2026-09-07T09:15:00Z"));
        assertThat(out.getFirst().getStudentKey()).hasSize(32).doesNotContain("554433");
    }

    private int statementsSent;

    private String store(String district, String statement, String hash) {
        statementsSent++;
        String id;
        String key;
        try {
            var json = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(statement);
            if (!json.hasNonNull("id")) json.put("id", UUID.randomUUID().toString());
            id = json.get("id").asText();
            statement = json.toString();
            // keyed as the LRS keys it: by the learner
            key = io.learnstream.ingest.StatementKeys.of(district, new io.learnstream.ingest.xapi.Statement(UUID.fromString(id), json, STORED, STORED, hash));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        statements.pipeInput(key, XapiStatementRecord.newBuilder()
                .setTenantId(district).setStatementId(id).setStored(STORED).setXapiVersion("1.0.3")
                .setTool("quiz-app").setCredentialKey("ls_test").setContentHash(hash).setStatement(statement).build(), STORED);
        return id;
    }

    private static District district(String id, int seed) {
        byte[] secret = new byte[32];
        java.util.Arrays.fill(secret, (byte) seed);
        return new District(id, id, ByteBuffer.wrap(secret), Instant.EPOCH);
    }

    private static String statement(String id, String mbox, String timestamp) {
        return "{" + (id == null ? "" : "\"id\":\"" + id + "\",")
                + "\"actor\":{\"mbox\":\"" + mbox + "\"},"
                + "\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/answered\"},"
                + "\"object\":{\"id\":\"https://quiz.example.org/questions/17\"},"
                + "\"result\":{\"success\":true,\"score\":{\"scaled\":0.8}},"
                + "\"context\":{\"contextActivities\":{\"grouping\":[{\"id\":\"https://sis.example.org/classes/algebra-1\","
                + "\"definition\":{\"type\":\"http://adlnet.gov/expapi/activities/course\"}}]}},"
                + "\"timestamp\":\"" + timestamp + "\"}";
    }
}

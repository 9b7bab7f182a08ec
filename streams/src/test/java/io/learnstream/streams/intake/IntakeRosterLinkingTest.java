package io.learnstream.streams.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.learnstream.ingest.identity.PseudonymKey;
import io.learnstream.schemas.avro.CaliperEventRecord;
import io.learnstream.schemas.avro.District;
import io.learnstream.schemas.avro.LearningEvent;
import io.learnstream.schemas.avro.RosterClass;
import io.learnstream.schemas.avro.RosterIdentity;
import io.learnstream.schemas.avro.XapiStatementRecord;
import io.learnstream.schemas.registry.InMemorySchemaRegistryClient;
import io.learnstream.schemas.serde.AvroSerdes;
import io.learnstream.schemas.topic.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The intake's identity linking and class finding through the district's roster (the indexes RosterIndexTopology derives). */
class IntakeRosterLinkingTest {
    private static final String DISTRICT = "riverside";
    private static final byte[] SECRET = secret();
    private static final Instant STORED = Instant.parse("2025-09-08T15:00:00Z");
    private static final String SIS = "https://sis.riverside.example.org";
    private static final String CLASS_IRI = SIS + "/classes/northside-math-6-1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private TopologyTestDriver driver;
    private IntakeMetrics metrics;
    private TestInputTopic<String, RosterIdentity> identities;
    private TestInputTopic<String, RosterClass> classes;
    private TestInputTopic<String, XapiStatementRecord> statements;
    private TestInputTopic<String, CaliperEventRecord> caliper;
    private TestOutputTopic<String, LearningEvent> events;

    @BeforeEach
    void start() {
        AvroSerdes serdes = AvroSerdes.create(new InMemorySchemaRegistryClient());
        Topics topics = Topics.create(serdes);
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "intake-roster-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        metrics = new IntakeMetrics(new SimpleMeterRegistry());
        driver = new TopologyTestDriver(IntakeTopology.build(topics, serdes, metrics), config);
        driver.createInputTopic(topics.districts().name(), topics.districts().keySerde().serializer(), topics.districts().valueSerde().serializer())
                .pipeInput(DISTRICT, new District(DISTRICT, DISTRICT, ByteBuffer.wrap(SECRET), Instant.EPOCH));
        identities = driver.createInputTopic(topics.rosterIdentities().name(), topics.rosterIdentities().keySerde().serializer(),
                topics.rosterIdentities().valueSerde().serializer());
        classes = driver.createInputTopic(topics.rosterClasses().name(), topics.rosterClasses().keySerde().serializer(),
                topics.rosterClasses().valueSerde().serializer());
        statements = driver.createInputTopic(topics.xapiStatements().name(), topics.xapiStatements().keySerde().serializer(),
                topics.xapiStatements().valueSerde().serializer());
        caliper = driver.createInputTopic(topics.caliperEvents().name(), topics.caliperEvents().keySerde().serializer(),
                topics.caliperEvents().valueSerde().serializer());
        events = driver.createOutputTopic(topics.learningEvents().name(), topics.learningEvents().keySerde().deserializer(),
                topics.learningEvents().valueSerde().deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void shouldGiveOneStudentKeyToTwoToolsIdentifiersOfOneRosterUser() {
        // given roster user 100001 known by the SIS id and the address the roster index derived
        givenIdentity("id:100001", "100001");
        givenIdentity("email:carlos.kim@students.example.org", "100001");

        // when the quiz app names Carlos by his address (as he typed it) and the LMS by his SIS account
        store(statement(mbox("Carlos.Kim@Students.example.org"), grouping(CLASS_IRI)), "quiz-app");
        store(statement(account(SIS, "100001"), grouping(CLASS_IRI)), "lms");

        // then both events carry the one key of the roster user, and neither identifier
        List<LearningEvent> out = events.readValuesToList();
        assertThat(out).extracting(LearningEvent::getStudentKey).containsExactly(rosterKey("100001"), rosterKey("100001"));
        assertThat(out).extracting(LearningEvent::getTool).containsExactly("quiz-app", "lms");
        assertThat(out.toString()).doesNotContain("carlos").doesNotContain("Carlos").doesNotContain("100001");
        assertThat(metrics.linked()).isEqualTo(2);
    }

    @Test
    void shouldLetAnActorTheRosterDoesNotKnowKeepTheKeyOfItsOwnIdentifier() {
        givenIdentity("id:100001", "100001");

        store(statement(mbox("visitor@example.org"), grouping(CLASS_IRI)), "quiz-app");
        store(statement(account("https://other-sis.example.org", "100002"), grouping(CLASS_IRI)), "lms");

        assertThat(events.readValuesToList()).extracting(LearningEvent::getStudentKey).containsExactly(
                new PseudonymKey(SECRET).studentKey("mbox:mailto:visitor@example.org"),
                new PseudonymKey(SECRET).studentKey("account:https://other-sis.example.org|100002"));
        assertThat(metrics.unlinked()).isEqualTo(2);
        assertThat(metrics.linked()).isZero();
    }

    @Test
    void shouldFindTheClassByTheLastSegmentOfAContextActivitysIri() {
        givenClass("northside-math-6-1");

        store(statement(mbox("ann@example.org"), grouping(CLASS_IRI)), "lms");

        LearningEvent event = events.readValue();
        assertThat(event.getClassId()).isEqualTo("northside-math-6-1");
        assertThat(event.getCourseId()).isEqualTo("northside-math-6-1");
    }

    @Test
    void shouldFindTheClassByItsSourcedIdInAnyKindOfContextActivity() {
        givenClass("northside-math-6-1");
        ObjectNode statement = statement(mbox("ann@example.org"), grouping("https://lms.example.org/courses/77"));
        ((ObjectNode) statement.path("context").path("contextActivities")).putArray("other").addObject().put("id", "northside-math-6-1");

        store(statement, "lms");

        LearningEvent event = events.readValue();
        assertThat(event.getClassId()).isEqualTo("northside-math-6-1");
        assertThat(event.getCourseId()).isEqualTo("northside-math-6-1");
    }

    @Test
    void shouldFindTheClassByTheLtiContextInTheContextsExtensions() {
        givenClass("northside-math-6-1");
        givenClass("lakeview-art-7-2");
        ObjectNode byContext = statement(mbox("ann@example.org"), grouping("https://video.example.org/channels/9"));
        ((ObjectNode) byContext.get("context")).putObject("extensions").putObject(ClassSources.LTI_CONTEXT_CLAIM)
                .put("id", "northside-math-6-1").put("title", "Mathematics 6");
        ObjectNode byLis = statement(mbox("ann@example.org"), grouping("https://video.example.org/channels/9"));
        ((ObjectNode) byLis.get("context")).putObject("extensions").putObject(ClassSources.LTI_LIS_CLAIM)
                .put("course_section_sourcedid", "lakeview-art-7-2");

        store(byContext, "video");
        store(byLis, "video");

        assertThat(events.readValuesToList()).extracting(LearningEvent::getClassId).containsExactly("northside-math-6-1", "lakeview-art-7-2");
    }

    @Test
    void shouldLeaveTheClassEmptyAndTheCourseAsNamedWhenNoRosterClassMatchesAndCountIt() {
        givenClass("northside-math-6-1");

        store(statement(mbox("ann@example.org"), grouping("https://lms.example.org/courses/77")), "lms");

        LearningEvent event = events.readValue();
        assertThat(event.getClassId()).isNull();
        assertThat(event.getCourseId()).isEqualTo("https://lms.example.org/courses/77");
        assertThat(metrics.classesUnmatched()).isEqualTo(1);
    }

    @Test
    void shouldTakeARosterChangeWithoutARestart() {
        // given a statement before the roster knows the student or the class
        store(statement(account(SIS, "100001"), grouping(CLASS_IRI)), "lms");
        LearningEvent before = events.readValue();
        assertThat(before.getClassId()).isNull();
        assertThat(before.getStudentKey()).isNotEqualTo(rosterKey("100001"));

        // when the roster index publishes them, the next statement is linked and classed
        givenIdentity("id:100001", "100001");
        givenClass("northside-math-6-1");
        store(statement(account(SIS, "100001"), grouping(CLASS_IRI)), "lms");
        LearningEvent linked = events.readValue();
        assertThat(linked.getStudentKey()).isEqualTo(rosterKey("100001"));
        assertThat(linked.getClassId()).isEqualTo("northside-math-6-1");

        // and when the roster removes them, the one after is neither
        identities.pipeInput(Topics.tenantScopedKey(DISTRICT, "id:100001"), null);
        classes.pipeInput(Topics.tenantScopedKey(DISTRICT, "northside-math-6-1"), null);
        store(statement(account(SIS, "100001"), grouping(CLASS_IRI)), "lms");
        LearningEvent after = events.readValue();
        assertThat(after.getStudentKey()).isEqualTo(before.getStudentKey());
        assertThat(after.getClassId()).isNull();
    }

    @Test
    void shouldKeepTheRostersOfDistrictsApart() {
        // the class and the identity are another district's
        identities.pipeInput(Topics.tenantScopedKey("lakeside", "id:100001"), new RosterIdentity("lakeside", "100001"));
        classes.pipeInput(Topics.tenantScopedKey("lakeside", "northside-math-6-1"), rosterClass("lakeside", "northside-math-6-1"));

        store(statement(account(SIS, "100001"), grouping(CLASS_IRI)), "lms");

        LearningEvent event = events.readValue();
        assertThat(event.getStudentKey()).isNotEqualTo(rosterKey("100001"));
        assertThat(event.getClassId()).isNull();
    }

    @Test
    void shouldLinkACaliperLearnerAndFindTheClassOfItsGroup() {
        givenIdentity("id:https://lms.example.org/users/554433", "100001");
        givenClass("northside-math-6-1");
        String eventId = "urn:uuid:" + UUID.randomUUID();
        String viewed = "{\"@context\":\"http://purl.imsglobal.org/ctx/caliper/v1p2\",\"id\":\"" + eventId + "\","
                + "\"type\":\"ViewEvent\",\"actor\":{\"id\":\"https://lms.example.org/users/554433\",\"type\":\"Person\"},"
                + "\"action\":\"Viewed\",\"object\":{\"id\":\"https://lms.example.org/etexts/201\",\"type\":\"Document\"},"
                + "\"eventTime\":\"2025-09-08T14:15:00.000Z\","
                + "\"group\":{\"id\":\"" + CLASS_IRI + "\",\"type\":\"CourseSection\"}}";

        caliper.pipeInput(Topics.tenantScopedKey(DISTRICT, eventId), CaliperEventRecord.newBuilder().setTenantId(DISTRICT).setEventId(eventId)
                .setReceived(STORED).setSensor("https://lms.example.org/sensors/1").setDataVersion("http://purl.imsglobal.org/ctx/caliper/v1p2")
                .setTool("lms").setEvent(viewed).build(), STORED);

        LearningEvent event = events.readValue();
        assertThat(event.getStudentKey()).isEqualTo(rosterKey("100001"));
        assertThat(event.getClassId()).isEqualTo("northside-math-6-1");
        assertThat(event.getCourseId()).isEqualTo("northside-math-6-1");
    }

    @Test
    void shouldTakeTheLastSegmentOfAnIrisPathOnly() {
        assertThat(DistrictRoster.lastPathSegment("https://sis.example.org/classes/math-6-1")).contains("math-6-1");
        assertThat(DistrictRoster.lastPathSegment("https://sis.example.org/classes/math-6-1/?tab=2#top")).contains("math-6-1");
        assertThat(DistrictRoster.lastPathSegment("https://sis.example.org/classes/math%206%2B1")).contains("math 6+1");
        assertThat(DistrictRoster.lastPathSegment("https://sis.example.org")).isEmpty();
        assertThat(DistrictRoster.lastPathSegment("https://sis.example.org/")).isEmpty();
        assertThat(DistrictRoster.lastPathSegment("urn:sis:class:math-6-1")).isEmpty();
    }

    private void givenIdentity(String token, String userSourcedId) {
        identities.pipeInput(Topics.tenantScopedKey(DISTRICT, token), new RosterIdentity(DISTRICT, userSourcedId));
    }

    private void givenClass(String sourcedId) {
        classes.pipeInput(Topics.tenantScopedKey(DISTRICT, sourcedId), rosterClass(DISTRICT, sourcedId));
    }

    private static RosterClass rosterClass(String district, String sourcedId) {
        return new RosterClass(district, sourcedId, sourcedId, null, "math-6", "northside", List.of("fall"), List.of("06"), Instant.EPOCH);
    }

    private static String rosterKey(String userSourcedId) {
        return new PseudonymKey(SECRET).studentKey("roster:" + userSourcedId);
    }

    private void store(ObjectNode statement, String tool) {
        String id = UUID.randomUUID().toString();
        statement.put("id", id);
        statements.pipeInput(Topics.tenantScopedKey(DISTRICT, "actor-x"), XapiStatementRecord.newBuilder()
                .setTenantId(DISTRICT).setStatementId(id).setStored(STORED).setXapiVersion("1.0.3")
                .setTool(tool).setCredentialKey("ls_test").setContentHash(id).setStatement(statement.toString()).build(), STORED);
    }

    private static ObjectNode statement(ObjectNode actor, ObjectNode grouping) {
        ObjectNode statement = JSON.createObjectNode();
        statement.set("actor", actor);
        statement.putObject("verb").put("id", "http://adlnet.gov/expapi/verbs/experienced");
        statement.putObject("object").put("id", "https://lms.example.org/pages/7");
        statement.putObject("context").putObject("contextActivities").putArray("grouping").add(grouping);
        statement.put("timestamp", "2025-09-08T14:00:00Z");
        return statement;
    }

    private static ObjectNode mbox(String address) {
        return JSON.createObjectNode().put("mbox", "mailto:" + address);
    }

    private static ObjectNode account(String homePage, String name) {
        ObjectNode agent = JSON.createObjectNode();
        agent.putObject("account").put("homePage", homePage).put("name", name);
        return agent;
    }

    private static ObjectNode grouping(String id) {
        ObjectNode activity = JSON.createObjectNode().put("id", id);
        activity.putObject("definition").put("type", "http://adlnet.gov/expapi/activities/course");
        return activity;
    }

    private static byte[] secret() {
        byte[] secret = new byte[32];
        Arrays.fill(secret, (byte) 5);
        return secret;
    }
}

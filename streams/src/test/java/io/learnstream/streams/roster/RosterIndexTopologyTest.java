package io.learnstream.streams.roster;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnstream.schemas.avro.ClassLineItem;
import io.learnstream.schemas.avro.ClassLineItems;
import io.learnstream.schemas.avro.ClassTeacher;
import io.learnstream.schemas.avro.ClassTeachers;
import io.learnstream.schemas.avro.RosterAcademicSession;
import io.learnstream.schemas.avro.RosterClass;
import io.learnstream.schemas.avro.RosterEnrollment;
import io.learnstream.schemas.avro.RosterIdentity;
import io.learnstream.schemas.avro.RosterLineItem;
import io.learnstream.schemas.avro.RosterUser;
import io.learnstream.schemas.avro.RosterUserId;
import io.learnstream.schemas.registry.InMemorySchemaRegistryClient;
import io.learnstream.schemas.serde.AvroSerdes;
import io.learnstream.schemas.topic.Topic;
import io.learnstream.schemas.topic.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RosterIndexTopologyTest {
    private static final String DISTRICT = "riverside";
    private static final Instant IMPORTED = Instant.parse("2025-08-20T12:00:00Z");

    private TopologyTestDriver driver;
    private RosterIndexMetrics metrics;
    private TestInputTopic<String, RosterUser> users;
    private TestInputTopic<String, RosterEnrollment> enrollments;
    private TestInputTopic<String, RosterClass> classes;
    private TestInputTopic<String, RosterAcademicSession> sessions;
    private TestInputTopic<String, RosterLineItem> lineItems;
    private TestOutputTopic<String, RosterIdentity> identities;
    private TestOutputTopic<String, ClassTeachers> teachers;
    private TestOutputTopic<String, ClassLineItems> classLineItems;
    /** Everything each output topic held so far, latest per key, a tombstone removing the key (as compaction keeps it). */
    private final Map<String, RosterIdentity> identitiesHeld = new LinkedHashMap<>();
    private final Map<String, ClassTeachers> teachersHeld = new LinkedHashMap<>();
    private final Map<String, ClassLineItems> lineItemsHeld = new LinkedHashMap<>();

    @BeforeEach
    void start() {
        AvroSerdes serdes = AvroSerdes.create(new InMemorySchemaRegistryClient());
        Topics topics = Topics.create(serdes);
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "roster-index-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        metrics = new RosterIndexMetrics(new SimpleMeterRegistry());
        driver = new TopologyTestDriver(RosterIndexTopology.build(topics, serdes, metrics), config);
        users = input(topics.rosterUsers());
        enrollments = input(topics.rosterEnrollments());
        classes = input(topics.rosterClasses());
        sessions = input(topics.rosterAcademicSessions());
        lineItems = input(topics.rosterLineItems());
        identities = output(topics.rosterIdentities());
        teachers = output(topics.classTeachers());
        classLineItems = output(topics.classLineItems());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    // roster-users → roster-identities

    @Test
    void shouldPublishEveryIdentifierOfARosterUserAsAnIdentityOfIt() {
        // given a student with an e-mail address, a SIS id, a username and an LDAP id
        users.pipeInput(key("100001"), user("100001", "100001", "carlos.kim", "Carlos.Kim@Students.example.org", "LDAP", "ckim"));

        // then each names the student, the address lower-cased
        assertThat(identities()).containsOnlyKeys(key("email:carlos.kim@students.example.org"), key("id:100001"), key("id:carlos.kim"),
                key("id:ckim"));
        assertThat(identities().values()).containsOnly(new RosterIdentity(DISTRICT, "100001"));
    }

    @Test
    void shouldTombstoneTheIdentifiersAChangedUserNoLongerHas() {
        users.pipeInput(key("100001"), user("100001", "100001", "carlos.kim", "carlos@example.org"));

        // when the user's address and username change
        users.pipeInput(key("100001"), user("100001", "100001", "c.kim", "c.kim@example.org"));

        // then the old ones link no one, the new ones link the user
        assertThat(identities()).containsOnlyKeys(key("email:c.kim@example.org"), key("id:100001"), key("id:c.kim"));
    }

    @Test
    void shouldTombstoneEveryIdentifierOfARemovedUser() {
        users.pipeInput(key("100001"), user("100001", "100001", "carlos.kim", "carlos@example.org"));

        users.pipeInput(key("100001"), null);

        assertThat(identities()).isEmpty();
    }

    @Test
    void shouldSendNothingWhenAUserIsImportedAgainUnchanged() {
        users.pipeInput(key("100001"), user("100001", "100001", "carlos.kim", "carlos@example.org"));
        identities.readKeyValuesToList();

        users.pipeInput(key("100001"), user("100001", "100001", "carlos.kim", "carlos@example.org"));

        assertThat(identities.isEmpty()).isTrue();
    }

    @Test
    void shouldLinkNoOneByAnIdentifierTwoUsersShareUntilOneNoLongerHasIt() {
        // given two siblings given the family's address
        users.pipeInput(key("100001"), user("100001", "100001", "ann.lee", "lee.family@example.org"));
        users.pipeInput(key("100002"), user("100002", "100002", "ben.lee", "lee.family@example.org"));

        // then the shared address links neither, their own identifiers each link them
        assertThat(identities()).doesNotContainKey(key("email:lee.family@example.org"))
                .containsEntry(key("id:100001"), new RosterIdentity(DISTRICT, "100001"))
                .containsEntry(key("id:100002"), new RosterIdentity(DISTRICT, "100002"));
        assertThat(metrics.ambiguousCount()).isEqualTo(1);

        // when one of them gets an address of their own, the family's links the other
        users.pipeInput(key("100002"), user("100002", "100002", "ben.lee", "ben.lee@example.org"));
        assertThat(identities()).containsEntry(key("email:lee.family@example.org"), new RosterIdentity(DISTRICT, "100001"))
                .containsEntry(key("email:ben.lee@example.org"), new RosterIdentity(DISTRICT, "100002"));
    }

    @Test
    void shouldKeepTheIdentitiesOfDistrictsApart() {
        users.pipeInput(key("100001"), user("100001", "100001", "ann", "ann@example.org"));
        RosterUser other = user("100001", "100001", "ann", "ann@example.org");
        other.setTenantId("lakeside");
        users.pipeInput("lakeside/100001", other);

        assertThat(identities()).containsEntry(key("id:ann"), new RosterIdentity(DISTRICT, "100001"))
                .containsEntry("lakeside/id:ann", new RosterIdentity("lakeside", "100001"));
    }

    // roster-enrollments → class-teachers

    @Test
    void shouldListAClassesTeachersPrimaryFirstThenBySourcedIdAndNoOneElse() {
        enrollments.pipeInput(key("e3"), enrollment("e3", "math-6-1", "T0009", "teacher", false));
        enrollments.pipeInput(key("e2"), enrollment("e2", "math-6-1", "T0005", "teacher", false));
        enrollments.pipeInput(key("e1"), enrollment("e1", "math-6-1", "T0007", "teacher", true));
        enrollments.pipeInput(key("e4"), enrollment("e4", "math-6-1", "100001", "student", false));
        enrollments.pipeInput(key("e5"), enrollment("e5", "math-6-1", "A0001", "administrator", false));

        assertThat(teachers()).containsOnlyKeys(key("math-6-1"));
        assertThat(teachers().get(key("math-6-1"))).isEqualTo(new ClassTeachers(DISTRICT, "math-6-1", List.of(
                new ClassTeacher("T0007", true), new ClassTeacher("T0005", false), new ClassTeacher("T0009", false))));
    }

    @Test
    void shouldTakeATeacherOffAClassWhenTheEnrollmentIsRemovedOrNoLongerATeachers() {
        enrollments.pipeInput(key("e1"), enrollment("e1", "math-6-1", "T0007", "teacher", true));
        enrollments.pipeInput(key("e2"), enrollment("e2", "math-6-1", "T0005", "teacher", false));

        // when one enrollment is removed and the other becomes a proctor's
        enrollments.pipeInput(key("e1"), null);
        assertThat(teachers().get(key("math-6-1")).getTeachers()).containsExactly(new ClassTeacher("T0005", false));
        enrollments.pipeInput(key("e2"), enrollment("e2", "math-6-1", "T0005", "proctor", false));

        // then the class has no teachers: a tombstone
        assertThat(teachers()).isEmpty();
    }

    @Test
    void shouldMoveATeacherWhoseEnrollmentMovesToAnotherClass() {
        enrollments.pipeInput(key("e1"), enrollment("e1", "math-6-1", "T0007", "teacher", true));

        enrollments.pipeInput(key("e1"), enrollment("e1", "math-6-2", "T0007", "teacher", true));

        assertThat(teachers()).containsOnlyKeys(key("math-6-2"));
    }

    @Test
    void shouldKeepATeacherEnrolledTwiceInAClassWhenOneEnrollmentIsRemoved() {
        enrollments.pipeInput(key("e1"), enrollment("e1", "math-6-1", "T0007", "teacher", true));
        enrollments.pipeInput(key("e1b"), enrollment("e1b", "math-6-1", "T0007", "teacher", false));
        assertThat(teachers().get(key("math-6-1")).getTeachers()).containsExactly(new ClassTeacher("T0007", true));

        enrollments.pipeInput(key("e1"), null);

        assertThat(teachers().get(key("math-6-1")).getTeachers()).containsExactly(new ClassTeacher("T0007", false));
    }

    // roster-line-items + roster-classes + roster-academic-sessions → class-line-items

    @Test
    void shouldListAClassesLineItemsByDueDateWithTheDaysItsTermsSpan() {
        // given a class in two terms, and its three line items
        sessions.pipeInput(key("fall"), session("fall", "2025-08-25", "2025-12-14"));
        sessions.pipeInput(key("spring"), session("spring", "2026-01-05", "2026-05-22"));
        classes.pipeInput(key("math-6-1"), klass("math-6-1", "spring", "fall"));
        lineItems.pipeInput(key("quiz-2"), lineItem("quiz-2", "math-6-1", "2025-10-24T23:59:00Z"));
        lineItems.pipeInput(key("quiz-1"), lineItem("quiz-1", "math-6-1", "2025-09-26T23:59:00Z"));
        lineItems.pipeInput(key("essay"), lineItem("essay", "math-6-1", "2025-09-26T23:59:00Z"));

        // then its record lists them by due date (then sourcedId), from the first day of fall to the end of the last of spring
        ClassLineItems held = lineItems().get(key("math-6-1"));
        assertThat(held.getLineItems()).extracting(ClassLineItem::getSourcedId).containsExactly("essay", "quiz-1", "quiz-2");
        assertThat(held.getClassStart()).isEqualTo(Instant.parse("2025-08-25T00:00:00Z"));
        assertThat(held.getClassEnd()).isEqualTo(Instant.parse("2026-05-23T00:00:00Z"));
        assertThat(held.getTenantId()).isEqualTo(DISTRICT);
        assertThat(held.getClassSourcedId()).isEqualTo("math-6-1");
        assertThat(held.getLineItems().getFirst().getTitle()).isEqualTo("essay title");
    }

    @Test
    void shouldGiveEveryClassOfATermItsNewDatesWhenTheTermChanges() {
        sessions.pipeInput(key("fall"), session("fall", "2025-08-25", "2025-12-14"));
        classes.pipeInput(key("math-6-1"), klass("math-6-1", "fall"));
        classes.pipeInput(key("math-6-2"), klass("math-6-2", "fall"));
        classes.pipeInput(key("art-6-1"), klass("art-6-1", "winter"));

        sessions.pipeInput(key("fall"), session("fall", "2025-09-01", "2025-12-19"));

        assertThat(lineItems().get(key("math-6-1")).getClassStart()).isEqualTo(Instant.parse("2025-09-01T00:00:00Z"));
        assertThat(lineItems().get(key("math-6-2")).getClassEnd()).isEqualTo(Instant.parse("2025-12-20T00:00:00Z"));
        assertThat(lineItems().get(key("art-6-1")).getClassStart()).isNull();

        // and a removed term leaves its classes without dates
        sessions.pipeInput(key("fall"), null);
        assertThat(lineItems().get(key("math-6-1")).getClassStart()).isNull();
        assertThat(lineItems().get(key("math-6-1")).getClassEnd()).isNull();
    }

    @Test
    void shouldMoveALineItemToItsNewClassAndDropARemovedOne() {
        classes.pipeInput(key("math-6-1"), klass("math-6-1", "fall"));
        classes.pipeInput(key("math-6-2"), klass("math-6-2", "fall"));
        lineItems.pipeInput(key("quiz-1"), lineItem("quiz-1", "math-6-1", "2025-09-26T23:59:00Z"));
        lineItems.pipeInput(key("quiz-2"), lineItem("quiz-2", "math-6-1", "2025-10-24T23:59:00Z"));

        lineItems.pipeInput(key("quiz-2"), lineItem("quiz-2", "math-6-2", "2025-10-24T23:59:00Z"));
        lineItems.pipeInput(key("quiz-1"), null);

        assertThat(lineItems().get(key("math-6-1")).getLineItems()).isEmpty();
        assertThat(lineItems().get(key("math-6-2")).getLineItems()).extracting(ClassLineItem::getSourcedId).containsExactly("quiz-2");
    }

    @Test
    void shouldPublishTheLineItemsOfAClassBeforeTheClassArrivesAndTombstoneAClassRemovedWithAllItsItems() {
        // given line items whose class and term come later (the topics are read side by side)
        lineItems.pipeInput(key("quiz-1"), lineItem("quiz-1", "math-6-1", "2025-09-26T23:59:00Z"));
        assertThat(lineItems().get(key("math-6-1")).getClassStart()).isNull();
        classes.pipeInput(key("math-6-1"), klass("math-6-1", "fall"));
        sessions.pipeInput(key("fall"), session("fall", "2025-08-25", "2025-12-14"));
        assertThat(lineItems().get(key("math-6-1")).getClassStart()).isEqualTo(Instant.parse("2025-08-25T00:00:00Z"));

        // when the class and its line item are removed
        classes.pipeInput(key("math-6-1"), null);
        lineItems.pipeInput(key("quiz-1"), null);

        // then it has no record
        assertThat(lineItems()).isEmpty();
    }

    @Test
    void shouldSendNothingWhenTheRosterIsImportedAgainUnchanged() {
        sessions.pipeInput(key("fall"), session("fall", "2025-08-25", "2025-12-14"));
        classes.pipeInput(key("math-6-1"), klass("math-6-1", "fall"));
        lineItems.pipeInput(key("quiz-1"), lineItem("quiz-1", "math-6-1", "2025-09-26T23:59:00Z"));
        classLineItems.readKeyValuesToList();

        sessions.pipeInput(key("fall"), session("fall", "2025-08-25", "2025-12-14"));
        classes.pipeInput(key("math-6-1"), klass("math-6-1", "fall"));
        lineItems.pipeInput(key("quiz-1"), lineItem("quiz-1", "math-6-1", "2025-09-26T23:59:00Z"));

        assertThat(classLineItems.isEmpty()).isTrue();
    }

    private Map<String, RosterIdentity> identities() {
        return held(identities, identitiesHeld);
    }

    private Map<String, ClassTeachers> teachers() {
        return held(teachers, teachersHeld);
    }

    private Map<String, ClassLineItems> lineItems() {
        return held(classLineItems, lineItemsHeld);
    }

    private static <V> Map<String, V> held(TestOutputTopic<String, V> topic, Map<String, V> held) {
        for (KeyValue<String, V> record : topic.readKeyValuesToList()) {
            if (record.value == null) held.remove(record.key);
            else held.put(record.key, record.value);
        }
        return held;
    }

    private <V> TestInputTopic<String, V> input(Topic<String, V> topic) {
        return driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
    }

    private <V> TestOutputTopic<String, V> output(Topic<String, V> topic) {
        return driver.createOutputTopic(topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer());
    }

    private static String key(String id) {
        return Topics.tenantScopedKey(DISTRICT, id);
    }

    private static RosterUser user(String sourcedId, String identifier, String username, String email, String... userId) {
        List<RosterUserId> ids = userId.length == 0 ? List.of() : List.of(new RosterUserId(userId[0], userId[1]));
        return RosterUser.newBuilder().setTenantId(DISTRICT).setSourcedId(sourcedId).setEnabledUser(true).setUsername(username)
                .setUserIds(ids).setIdentifier(identifier).setEmail(email).setGivenName("Given").setFamilyName("Family")
                .setRoles(List.of()).setImportedTime(IMPORTED).build();
    }

    private static RosterEnrollment enrollment(String sourcedId, String classId, String userId, String role, boolean primary) {
        return new RosterEnrollment(DISTRICT, sourcedId, classId, userId, "northside", role, primary, null, null, IMPORTED);
    }

    private static RosterAcademicSession session(String sourcedId, String start, String end) {
        return new RosterAcademicSession(DISTRICT, sourcedId, sourcedId, "term", LocalDate.parse(start), LocalDate.parse(end), null, IMPORTED);
    }

    private static RosterClass klass(String sourcedId, String... terms) {
        return new RosterClass(DISTRICT, sourcedId, sourcedId, null, "math-6", "northside", List.of(terms), List.of("06"), IMPORTED);
    }

    private static RosterLineItem lineItem(String sourcedId, String classId, String due) {
        Instant dueDate = Instant.parse(due);
        return new RosterLineItem(DISTRICT, sourcedId, classId, sourcedId + " title", dueDate.minusSeconds(7 * 86_400), dueDate,
                0.0, 100.0, IMPORTED);
    }
}

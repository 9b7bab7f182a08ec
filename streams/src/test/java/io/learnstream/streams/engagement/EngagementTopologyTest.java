package io.learnstream.streams.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnstream.schemas.avro.DeadLetter;
import io.learnstream.schemas.avro.EngagementDaily;
import io.learnstream.schemas.avro.LearningEvent;
import io.learnstream.schemas.avro.StudentCourseDay;
import io.learnstream.schemas.registry.InMemorySchemaRegistryClient;
import io.learnstream.schemas.serde.AvroSerdes;
import io.learnstream.schemas.topic.Topics;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EngagementTopologyTest {
    private static final String TENANT = "district-7";
    private static final String ANN = "student-ann";
    private static final String BOB = "student-bob";
    private static final String ALGEBRA = "https://sis.example.org/classes/algebra-1";
    private static final String BIOLOGY = "https://sis.example.org/classes/biology-2";
    private static final LocalDate MONDAY = LocalDate.parse("2026-09-07");

    private TopologyTestDriver driver;
    private TestInputTopic<String, LearningEvent> events;
    private TestOutputTopic<StudentCourseDay, EngagementDaily> engagement;
    private TestOutputTopic<String, DeadLetter> deadLetters;
    private org.apache.kafka.streams.Topology topology;

    @BeforeEach
    void startTopology() {
        AvroSerdes serdes = AvroSerdes.create(new InMemorySchemaRegistryClient());
        Topics topics = Topics.create(serdes);
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "engagement-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        topology = EngagementTopology.build(topics, serdes, EngagementOptions.defaults());
        driver = new TopologyTestDriver(topology, config);
        events = driver.createInputTopic(topics.learningEvents().name(),
                topics.learningEvents().keySerde().serializer(), topics.learningEvents().valueSerde().serializer());
        engagement = driver.createOutputTopic(topics.engagementDaily().name(),
                topics.engagementDaily().keySerde().deserializer(), topics.engagementDaily().valueSerde().deserializer());
        deadLetters = driver.createOutputTopic(topics.deadLetters().name(),
                topics.deadLetters().keySerde().deserializer(), topics.deadLetters().valueSerde().deserializer());
    }

    @AfterEach
    void stopTopology() {
        driver.close();
    }

    @Test
    void shouldCountEventsAndActiveMinutesOfOneSession() {
        // given Ann works in algebra at 09:00, 09:10 and 09:25
        send(ANN, ALGEBRA, "09:00");
        send(ANN, ALGEBRA, "09:10");
        send(ANN, ALGEBRA, "09:25");

        // then her Monday in algebra is one session of 25 minutes with 3 events
        EngagementDaily day = latest().get(key(ANN, ALGEBRA, MONDAY));
        assertThat(day.getEvents()).isEqualTo(3);
        assertThat(day.getSessions()).isEqualTo(1);
        assertThat(day.getActiveMinutes()).isEqualTo(25.0);
    }

    @Test
    void shouldStartNewSessionAfterThirtyMinutesOfInactivity() {
        // given a 40-minute pause between 09:10 and 09:50
        send(ANN, ALGEBRA, "09:00");
        send(ANN, ALGEBRA, "09:10");
        send(ANN, ALGEBRA, "09:50");
        send(ANN, ALGEBRA, "09:55");

        // then there are two sessions (10 and 5 minutes): the pause is not active time
        EngagementDaily day = latest().get(key(ANN, ALGEBRA, MONDAY));
        assertThat(day.getEvents()).isEqualTo(4);
        assertThat(day.getSessions()).isEqualTo(2);
        assertThat(day.getActiveMinutes()).isEqualTo(15.0);
    }

    @Test
    void shouldMergeSessionsWhenLateEventBridgesTheGap() {
        // given two sessions 50 minutes apart
        send(ANN, ALGEBRA, "09:00");
        send(ANN, ALGEBRA, "09:50");
        assertThat(latest().get(key(ANN, ALGEBRA, MONDAY)).getSessions()).isEqualTo(2);

        // when an event from 09:25 arrives late (a quiz app syncing after being offline)
        send(ANN, ALGEBRA, "09:25");

        // then it joins both into one 50-minute session; nothing is counted twice
        EngagementDaily day = latest().get(key(ANN, ALGEBRA, MONDAY));
        assertThat(day.getEvents()).isEqualTo(3);
        assertThat(day.getSessions()).isEqualTo(1);
        assertThat(day.getActiveMinutes()).isEqualTo(50.0);
    }

    @Test
    void shouldGiveTheSameResultWhateverTheArrivalOrder() {
        // given the same events in another order than they happened
        send(ANN, ALGEBRA, "09:25");
        send(ANN, ALGEBRA, "09:00");
        send(ANN, ALGEBRA, "10:30");
        send(ANN, ALGEBRA, "09:10");

        // then the figures equal those of the ordered stream: event time, not arrival time, decides
        EngagementDaily day = latest().get(key(ANN, ALGEBRA, MONDAY));
        assertThat(day.getEvents()).isEqualTo(4);
        assertThat(day.getSessions()).isEqualTo(2);
        assertThat(day.getActiveMinutes()).isEqualTo(25.0);
    }

    @Test
    void shouldKeepStudentsAndCoursesApart() {
        // given Ann in two courses and Bob in one, interleaved in time
        send(ANN, ALGEBRA, "09:00");
        send(BOB, ALGEBRA, "09:05");
        send(ANN, BIOLOGY, "09:10");
        send(ANN, ALGEBRA, "09:20");
        send(BOB, ALGEBRA, "09:06");

        // then each student and course has its own sessions
        Map<StudentCourseDay, EngagementDaily> days = latest();
        assertThat(days).hasSize(3);
        assertThat(days.get(key(ANN, ALGEBRA, MONDAY)).getActiveMinutes()).isEqualTo(20.0);
        assertThat(days.get(key(ANN, BIOLOGY, MONDAY)).getEvents()).isEqualTo(1);
        assertThat(days.get(key(BOB, ALGEBRA, MONDAY)).getEvents()).isEqualTo(2);
        assertThat(days.get(key(BOB, ALGEBRA, MONDAY)).getActiveMinutes()).isEqualTo(1.0);
    }

    @Test
    void shouldCountSessionOnTheDayItStarted() {
        // given a session from 23:50 on Monday to 00:10 on Tuesday
        send(ANN, ALGEBRA, "23:50");
        sendAt(ANN, ALGEBRA, MONDAY.plusDays(1), "00:10");

        // then Monday holds the whole session, Tuesday has none of it
        Map<StudentCourseDay, EngagementDaily> days = latest();
        assertThat(days.get(key(ANN, ALGEBRA, MONDAY)).getActiveMinutes()).isEqualTo(20.0);
        assertThat(days.get(key(ANN, ALGEBRA, MONDAY)).getEvents()).isEqualTo(2);
        assertThat(days.get(key(ANN, ALGEBRA, MONDAY.plusDays(1)))).isNull();
    }

    @Test
    void shouldEmptyADayWhenItsOnlySessionMovesToThePreviousDay() {
        // given an event at 00:10 Tuesday, then a late one at 23:50 Monday that starts the same session earlier
        sendAt(ANN, ALGEBRA, MONDAY.plusDays(1), "00:10");
        assertThat(latest().get(key(ANN, ALGEBRA, MONDAY.plusDays(1))).getEvents()).isEqualTo(1);
        send(ANN, ALGEBRA, "23:50");

        // then Tuesday's row is updated to nothing and Monday has the merged session
        Map<StudentCourseDay, EngagementDaily> days = latest();
        assertThat(days.get(key(ANN, ALGEBRA, MONDAY.plusDays(1))).getEvents()).isZero();
        assertThat(days.get(key(ANN, ALGEBRA, MONDAY.plusDays(1))).getSessions()).isZero();
        assertThat(days.get(key(ANN, ALGEBRA, MONDAY)).getEvents()).isEqualTo(2);
    }

    @Test
    void shouldSendEventsOlderThanTheGracePeriodBehindTheStudentsNewestEventToDeadLettersWithTheReason() {
        // given Ann's newest event is on the Tuesday of the next week
        sendAt(ANN, ALGEBRA, MONDAY.plusDays(8), "09:00");

        // when an event of hers from Monday arrives, more than the seven-day grace period behind it
        String lateId = sendAt(ANN, BIOLOGY, MONDAY, "09:00");

        // then it does not count, and it is kept on the dead-letter topic saying why
        assertThat(latest()).doesNotContainKey(key(ANN, BIOLOGY, MONDAY));
        var letters = deadLetters.readKeyValuesToList();
        assertThat(letters).hasSize(1);
        assertThat(letters.getFirst().key).isEqualTo(lateId);
        assertThat(letters.getFirst().value.getReason()).contains("grace period").contains("the student's newest event");
        assertThat(letters.getFirst().value.getPayload()).contains(lateId);
    }

    @Test
    void shouldCountEventsWithinTheGracePeriodEvenWhenOutOfOrder() {
        sendAt(ANN, ALGEBRA, MONDAY.plusDays(6), "08:00");

        sendAt(ANN, ALGEBRA, MONDAY, "09:00");

        assertThat(latest().get(key(ANN, ALGEBRA, MONDAY)).getEvents()).isEqualTo(1);
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void shouldCountAStudentsEventsThatArriveAfterAnotherStudentsLaterBacklog() {
        // given Bob's tool synced a month of his work first (the intake read his partition's backlog faster)
        for (int day = 0; day < 30; day++) sendAt(BOB, ALGEBRA, MONDAY.plusDays(day), "10:00");

        // when Ann's first week arrives after it
        for (int day = 0; day < 5; day++) {
            sendAt(ANN, ALGEBRA, MONDAY.plusDays(day), "09:00");
            sendAt(ANN, ALGEBRA, MONDAY.plusDays(day), "09:20");
        }

        // then each of her days counts in full: her events are judged by her own time, not by Bob's
        Map<StudentCourseDay, EngagementDaily> days = latest();
        for (int day = 0; day < 5; day++) {
            EngagementDaily ann = days.get(key(ANN, ALGEBRA, MONDAY.plusDays(day)));
            assertThat(ann.getEvents()).as("day " + day).isEqualTo(2);
            assertThat(ann.getSessions()).isEqualTo(1);
            assertThat(ann.getActiveMinutes()).isEqualTo(20.0);
        }
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void shouldKeepAStudentsSessionOpenHoweverFarAheadAnotherStudentIs() {
        // given Ann's session of Monday 09:00, then Bob's events of two months later on the same partition
        send(ANN, ALGEBRA, "09:00");
        sendAt(BOB, ALGEBRA, MONDAY.plusDays(60), "09:00");

        // when Ann's next event of the same session arrives
        send(ANN, ALGEBRA, "09:10");

        // then it joins her session: one session of 10 minutes, not two
        EngagementDaily day = latest().get(key(ANN, ALGEBRA, MONDAY));
        assertThat(day.getEvents()).isEqualTo(2);
        assertThat(day.getSessions()).isEqualTo(1);
        assertThat(day.getActiveMinutes()).isEqualTo(10.0);
    }

    @Test
    void shouldSessionizeOnTheLearningEventPartitionsWithoutRepartitioning() {
        // the only repartition is of the order-insensitive day sums, after sessionizing
        var description = topology.describe();
        var sourceOfSessionize = description.subtopologies().stream()
                .filter(sub -> sub.nodes().stream().anyMatch(node -> node.name().equals(EngagementTopology.SESSIONIZE)))
                .flatMap(sub -> sub.nodes().stream())
                .filter(node -> node instanceof org.apache.kafka.streams.TopologyDescription.Source)
                .map(node -> ((org.apache.kafka.streams.TopologyDescription.Source) node).topicSet())
                .toList();
        assertThat(sourceOfSessionize).containsExactly(java.util.Set.of(Topics.LEARNING_EVENTS));
        var repartitionTopics = java.util.regex.Pattern.compile("[\\w.-]+-repartition").matcher(description.toString())
                .results().map(java.util.regex.MatchResult::group).collect(java.util.stream.Collectors.toSet());
        assertThat(repartitionTopics).containsExactly(EngagementTopology.BY_DAY + "-repartition");
    }

    private void send(String student, String course, String time) {
        sendAt(student, course, MONDAY, time);
    }

    private String sendAt(String student, String course, LocalDate day, String time) {
        Instant at = Instant.parse(day + "T" + time + ":00Z");
        String id = UUID.randomUUID().toString();
        LearningEvent event = LearningEvent.newBuilder()
                .setEventId(id)
                .setTenantId(TENANT)
                .setStudentKey(student)
                .setCourseId(course)
                .setActivityId(course + "/activities/1")
                .setVerb("http://adlnet.gov/expapi/verbs/experienced")
                .setEventTime(at)
                .setStoredTime(Instant.parse("2026-12-01T00:00:00Z"))
                .setSourceFormat("xapi")
                .build();
        // the record timestamp is the arrival time; only the event's own time may count
        events.pipeInput(student, event, Instant.parse("2026-12-01T00:00:00Z"));
        return id;
    }

    private Map<StudentCourseDay, EngagementDaily> latest() {
        return engagement.readKeyValuesToMap();
    }

    private static StudentCourseDay key(String student, String course, LocalDate day) {
        return new StudentCourseDay(TENANT, student, course, day);
    }
}

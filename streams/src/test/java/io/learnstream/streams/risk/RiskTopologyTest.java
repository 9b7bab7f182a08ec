package io.learnstream.streams.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.learnstream.schemas.avro.ClassLineItem;
import io.learnstream.schemas.avro.ClassLineItems;
import io.learnstream.schemas.avro.DeadLetter;
import io.learnstream.schemas.avro.LearningEvent;
import io.learnstream.schemas.avro.RiskParameter;
import io.learnstream.schemas.avro.RiskReason;
import io.learnstream.schemas.avro.RiskScore;
import io.learnstream.schemas.registry.InMemorySchemaRegistryClient;
import io.learnstream.schemas.serde.AvroSerdes;
import io.learnstream.schemas.topic.Topics;
import io.learnstream.streams.risk.model.ClassContext;
import io.learnstream.streams.risk.model.ClassTimeline;
import io.learnstream.streams.risk.model.Days;
import io.learnstream.streams.risk.model.RiskEvent;
import io.learnstream.streams.risk.model.RiskFeatures;
import io.learnstream.streams.risk.model.RiskModel;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RiskTopologyTest {
    private static final String TENANT = "riverside";
    private static final String MATH = "math-6-2";
    private static final String SCIENCE = "science-6-1";
    private static final String ANN = "student-ann";
    private static final String BOB = "student-bob";
    private static final String CARL = "student-carl";
    /** Day 0 of the classes: a Monday. */
    private static final long START = Instant.parse("2026-09-14T00:00:00Z").toEpochMilli();
    private static final String SUBMIT = "http://activitystrea.ms/schema/1.0/submit";
    private static final String VIEWED = "http://id.tincanapi.com/verb/viewed";

    private TopologyTestDriver driver;
    private TestInputTopic<String, LearningEvent> events;
    private TestInputTopic<String, ClassLineItems> lineItems;
    private TestInputTopic<String, RiskParameter> parameters;
    private TestOutputTopic<String, RiskScore> scores;
    private TestOutputTopic<String, DeadLetter> deadLetters;
    private RiskMetrics metrics;
    private Topology topology;
    private final List<RiskScore> read = new ArrayList<>();

    /** Risk from silence alone: 0.61 after 8 silent days, 0.78 after 9 (the high threshold is 0.7, the low 0.5). */
    private static RiskModel silenceModel(double intercept) {
        return model(intercept, RiskFeatures.SILENCE, 8.0);
    }

    private static RiskModel model(double intercept, int feature, double weight) {
        return model(intercept, feature, weight, 0);
    }

    /** A model on one feature, whose contribution is measured from {@code mean} (the mean student of a fit). */
    private static RiskModel model(double intercept, int feature, double weight, double mean) {
        double[] w = new double[RiskFeatures.NAMES.size()];
        double[] means = new double[RiskFeatures.NAMES.size()];
        w[feature] = weight;
        means[feature] = mean;
        RiskModel.Coefficients c = new RiskModel.Coefficients(intercept, w, means);
        return new RiskModel(1, List.of(0), Map.of(RiskModel.key(RiskModel.WITH_ACTIVITY, 0), c, RiskModel.key(RiskModel.ASSESSMENTS_ONLY, 0), c), 0.7, 0.5);
    }

    private void start(RiskModel defaults, RiskOptions options, Instant wallClock) {
        AvroSerdes serdes = AvroSerdes.create(new InMemorySchemaRegistryClient());
        Topics topics = Topics.create(serdes);
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "risk-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        metrics = new RiskMetrics(new SimpleMeterRegistry());
        topology = RiskTopology.build(topics, serdes, options, metrics, defaults);
        driver = new TopologyTestDriver(topology, config, wallClock);
        events = driver.createInputTopic(topics.learningEvents().name(),
                topics.learningEvents().keySerde().serializer(), topics.learningEvents().valueSerde().serializer());
        lineItems = driver.createInputTopic(topics.classLineItems().name(),
                topics.classLineItems().keySerde().serializer(), topics.classLineItems().valueSerde().serializer());
        parameters = driver.createInputTopic(topics.riskParameters().name(),
                topics.riskParameters().keySerde().serializer(), topics.riskParameters().valueSerde().serializer());
        scores = driver.createOutputTopic(topics.riskScores().name(),
                topics.riskScores().keySerde().deserializer(), topics.riskScores().valueSerde().deserializer());
        deadLetters = driver.createOutputTopic(topics.deadLetters().name(),
                topics.deadLetters().keySerde().deserializer(), topics.deadLetters().valueSerde().deserializer());
    }

    private void start(RiskModel defaults) {
        start(defaults, RiskOptions.defaults().withLiveTick(Duration.ZERO), Instant.parse("2030-01-01T00:00:00Z"));
    }

    @AfterEach
    void stop() {
        if (driver != null) driver.close();
    }

    private static long at(int day, int hour) {
        return START + day * Days.MILLIS + hour * 3_600_000L;
    }

    private static LearningEvent event(String student, String classId, long time, String verb, String activity, Double score) {
        return LearningEvent.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setTenantId(TENANT)
                .setStudentKey(student)
                .setCourseId(classId == null ? "unknown" : classId)
                .setActivityId(activity)
                .setVerb(verb)
                .setEventTime(Instant.ofEpochMilli(time))
                .setStoredTime(Instant.ofEpochMilli(time))
                .setSourceFormat("xapi")
                .setScoreScaled(score)
                .setClassId(classId)
                .build();
    }

    private void active(String student, String classId, int day) {
        send(event(student, classId, at(day, 10), VIEWED, "https://lms.example/pages/" + day, null));
    }

    private void send(LearningEvent event) {
        events.pipeInput(event.getStudentKey(), event, event.getEventTime());
    }

    private void roster(String classId, List<ClassLineItem> items) {
        lineItems.pipeInput(TENANT + "/" + classId, new ClassLineItems(TENANT, classId, Instant.ofEpochMilli(START),
                Instant.ofEpochMilli(START + 120 * Days.MILLIS), items), Instant.ofEpochMilli(START - Days.MILLIS));
    }

    private List<RiskScore> scoresOf(String student) {
        read.addAll(scores.readValuesToList());
        return read.stream().filter(s -> s.getStudentKey().equals(student)).toList();
    }

    private static RiskScore firstFlagged(List<RiskScore> of) {
        return of.stream().filter(RiskScore::getFlagged).findFirst().orElseThrow();
    }

    @Test
    void shouldRaiseRiskOnTheNinthSilentDayInReplay() {
        // given Ann and Bob in math, Bob active on day 0 only, Ann every day
        start(silenceModel(-17.15));
        roster(MATH, List.of());
        active(BOB, MATH, 0);
        // when Ann's events carry the class through day 12
        for (int day = 0; day <= 12; day++) active(ANN, MATH, day);

        // then Bob is flagged by the tick at the midnight starting his ninth silent day, and not before
        RiskScore flagged = firstFlagged(scoresOf(BOB));
        assertThat(flagged.getAsOf()).isEqualTo(Instant.ofEpochMilli(at(9, 0)));
        assertThat(flagged.getTrigger()).isEqualTo("tick");
        assertThat(flagged.getProbability()).isCloseTo(0.78, within(0.01));
        assertThat(flagged.getReasons()).extracting(RiskReason::getText).contains("no activity for 9 days");
        assertThat(scoresOf(BOB)).filteredOn(s -> s.getAsOf().isBefore(flagged.getAsOf())).noneMatch(RiskScore::getFlagged);
        assertThat(scoresOf(ANN)).noneMatch(RiskScore::getFlagged);
    }

    @Test
    void shouldRaiseRiskOnTheNinthDayWhenTheWholeClassIsSilentInReplay() {
        // given Bob alone in math, active on day 0
        start(silenceModel(-17.15));
        roster(MATH, List.of());
        active(BOB, MATH, 0);
        // when only another class of the task sends events, through day 12 (stream time passes, math hears nothing)
        for (int day = 0; day <= 12; day++) active(ANN, SCIENCE, day);

        // then stream-time punctuation has ticked math too: Bob flagged as of the midnight of day 9
        RiskScore flagged = firstFlagged(scoresOf(BOB));
        assertThat(flagged.getAsOf()).isEqualTo(Instant.ofEpochMilli(at(9, 0)));
        assertThat(flagged.getClassId()).isEqualTo(MATH);
    }

    @Test
    void shouldRaiseRiskOnTheNinthSilentDayLiveByTheWallClock() {
        // given a live class: Bob active on day 0 at 10:00, the wall clock at 11:00 that day, nothing else arrives
        start(silenceModel(-17.15), RiskOptions.defaults().withLiveTick(Duration.ofMinutes(1)), Instant.ofEpochMilli(at(0, 11)));
        roster(MATH, List.of());
        active(BOB, MATH, 0);

        // when the wall clock runs to day 8 at 23:00, Bob is not flagged
        driver.advanceWallClockTime(Duration.ofMillis(at(8, 23) - at(0, 11)));
        assertThat(scoresOf(BOB)).noneMatch(RiskScore::getFlagged);
        // and when it passes midnight into day 9, he is
        driver.advanceWallClockTime(Duration.ofHours(2));
        RiskScore flagged = firstFlagged(scoresOf(BOB));
        assertThat(flagged.getAsOf()).isEqualTo(Instant.ofEpochMilli(at(9, 0)));
        assertThat(flagged.getReasons()).extracting(RiskReason::getText).contains("no activity for 9 days");
    }

    @Test
    void shouldNotTickAPastTermByTheWallClock() {
        // given a class of a term that ended years before the wall clock
        start(silenceModel(-17.15), RiskOptions.defaults().withLiveTick(Duration.ofMinutes(1)), Instant.parse("2031-01-01T00:00:00Z"));
        roster(MATH, List.of());
        active(BOB, MATH, 0);
        scoresOf(BOB);
        // when the wall clock runs for two days
        driver.advanceWallClockTime(Duration.ofDays(2));
        // then the replayed class's days do not pass by it: nothing after Bob's own event
        assertThat(scoresOf(BOB)).extracting(RiskScore::getTrigger).containsOnly("event");
    }

    @Test
    void shouldKeepTheFlagBetweenTheThresholdsAndClearItBelowTheLowOne() {
        // given Bob flagged on day 9 (0.78)
        start(silenceModel(-17.15));
        roster(MATH, List.of());
        active(BOB, MATH, 0);
        for (int day = 0; day <= 9; day++) active(ANN, MATH, day);
        assertThat(firstFlagged(scoresOf(BOB)).getAsOf()).isEqualTo(Instant.ofEpochMilli(at(9, 0)));

        // when a model is published that puts his day-10 risk at 0.60, between the thresholds
        publish(silenceModel(0.405 - 8 * Math.log1p(10)), 2);
        active(ANN, MATH, 10);
        RiskScore day10 = last(scoresOf(BOB));
        // then he stays flagged
        assertThat(day10.getAsOf()).isEqualTo(Instant.ofEpochMilli(at(10, 0)));
        assertThat(day10.getProbability()).isCloseTo(0.60, within(0.01));
        assertThat(day10.getFlagged()).isTrue();
        assertThat(day10.getModelVersion()).isEqualTo(2);

        // and when one puts his day-11 risk at 0.45, below the low threshold, the flag is cleared
        publish(silenceModel(Math.log(0.45 / 0.55) - 8 * Math.log1p(11)), 3);
        active(ANN, MATH, 11);
        RiskScore day11 = last(scoresOf(BOB));
        assertThat(day11.getProbability()).isCloseTo(0.45, within(0.01));
        assertThat(day11.getFlagged()).isFalse();
    }

    @Test
    void shouldNotRaiseAFlagBetweenTheThresholds() {
        // given Bob active on day 0 and back on day 8 at 10:00, Ann every day
        start(silenceModel(-17.15));
        roster(MATH, List.of());
        active(BOB, MATH, 0);
        for (int day = 0; day <= 12; day++) {
            active(ANN, MATH, day);
            if (day == 8) active(BOB, MATH, day);
        }
        // then his risk reached 0.60 at the midnight of day 8, between the thresholds, and the flag was never raised
        assertThat(scoresOf(BOB)).anyMatch(s -> s.getProbability() >= 0.59 && s.getAsOf().equals(Instant.ofEpochMilli(at(8, 0))))
                .noneMatch(RiskScore::getFlagged);
    }

    private void publish(RiskModel model, long version) {
        for (RiskParameter p : RiskModelPublication.records(model, version)) parameters.pipeInput(p.getKey(), p, 0L);
    }

    private static RiskScore last(List<RiskScore> of) {
        return of.getLast();
    }

    @Test
    void shouldPublishAWeeklyRecordForEveryStudentAtTheWeekBoundaries() {
        // given Ann, Bob and Carl in math
        start(silenceModel(-17.15));
        roster(MATH, List.of());
        for (String s : List.of(ANN, BOB, CARL)) active(s, MATH, 0);
        // when the class lives through day 15
        for (int day = 1; day <= 15; day++) active(ANN, MATH, day);
        // then each has a week record as of the midnights starting days 7 and 14
        for (String s : List.of(ANN, BOB, CARL)) {
            assertThat(scoresOf(s)).filteredOn(r -> r.getTrigger().equals("week"))
                    .extracting(RiskScore::getAsOf, RiskScore::getDayOfClass)
                    .containsExactly(tuple(Instant.ofEpochMilli(at(7, 0)), 7),
                            tuple(Instant.ofEpochMilli(at(14, 0)), 14));
        }
    }

    @Test
    void shouldCountMissedAndLateAssignmentsOfTheRosterLineItems() {
        // given math's roster with two assignments due on days 3 and 5, and a model on missed assignments
        start(model(-2, RiskFeatures.MISSED_SHARE, 4));
        roster(MATH, List.of(lineItem("quiz-1", 3), lineItem("quiz-2", 5)));
        active(ANN, MATH, 0);
        // when Ann submits quiz-1 on day 6 (late) and never quiz-2, the class living on through day 7
        send(event(ANN, MATH, at(6, 9), SUBMIT, "https://lms.example/lineitems/quiz-1", 0.8));
        active(BOB, MATH, 7);

        // then her week-1 record counts one of two missed and one of two late, and names it in words
        RiskScore week1 = scoresOf(ANN).stream().filter(s -> s.getTrigger().equals("week")).findFirst().orElseThrow();
        assertThat(week1.getFeatures()).containsEntry("missed_share", 0.5).containsEntry("late_share", 0.5);
        assertThat(week1.getReasons()).extracting(RiskReason::getText).contains("1 of 2 assignments missed");
    }

    private static ClassLineItem lineItem(String id, int dueDay) {
        return new ClassLineItem(id, id, Instant.ofEpochMilli(START), Instant.ofEpochMilli(START + dueDay * Days.MILLIS));
    }

    @Test
    void shouldPlaceAStudentInTheBottomOfTheClassByTheirWeeksActivity() {
        // given a model on the class percentile, ten students active every day, Bob once
        start(model(0, RiskFeatures.PERCENTILE_7D, -4, 0.5));
        roster(MATH, List.of());
        active(BOB, MATH, 0);
        for (int day = 0; day <= 8; day++) {
            for (int s = 0; s < 10; s++) active("student-" + s, MATH, day);
        }
        // then at the week-1 boundary Bob stands in the bottom 5% of the class this week
        RiskScore week1 = scoresOf(BOB).stream().filter(s -> s.getTrigger().equals("week")).findFirst().orElseThrow();
        assertThat(week1.getFeatures().get("percentile_7d")).isLessThan(0.1);
        assertThat(week1.getReasons()).extracting(RiskReason::getFactor).contains("activity-percentile");
        assertThat(week1.getReasons()).extracting(RiskReason::getText).anyMatch(t -> t.startsWith("activity in the bottom") && t.endsWith("% of the class this week"));
    }

    @Test
    void shouldScoreAWithdrawnStudentOnceAsWithdrawnAndThenNoMore() {
        // given Bob flagged, then withdrawing on day 10
        start(silenceModel(-17.15));
        roster(MATH, List.of());
        active(BOB, MATH, 0);
        for (int day = 0; day <= 9; day++) active(ANN, MATH, day);
        send(event(BOB, MATH, at(10, 8), "http://id.tincanapi.com/verb/unregistered", "https://lms.example/classes/math", null));
        // when the class goes on through day 20
        for (int day = 10; day <= 20; day++) active(ANN, MATH, day);

        // then his last record is the withdrawal, not flagged, with no reasons
        RiskScore last = last(scoresOf(BOB));
        assertThat(last.getWithdrawn()).isTrue();
        assertThat(last.getFlagged()).isFalse();
        assertThat(last.getReasons()).isEmpty();
        assertThat(last.getAsOf()).isEqualTo(Instant.ofEpochMilli(at(10, 8)));
    }

    @Test
    void shouldSendAnEventBeyondItsClasssGraceToTheDeadLetters() {
        // given math's newest event on day 5
        start(silenceModel(-17.15));
        roster(MATH, List.of());
        active(ANN, MATH, 5);
        // when an event of day 3 arrives (two days behind, the grace is one)
        active(BOB, MATH, 3);
        // then it is a dead letter naming the class and the grace, and scored nowhere
        DeadLetter letter = deadLetters.readValue();
        assertThat(letter.getSource()).isEqualTo("streams.risk-track");
        assertThat(letter.getReason()).contains("grace period of PT24H").contains("class " + MATH);
        assertThat(scoresOf(BOB)).isEmpty();
        // and an event of another class on day 3 is not late: lateness is judged per class
        active(CARL, SCIENCE, 3);
        assertThat(scoresOf(CARL)).isNotEmpty();
    }

    @Test
    void shouldIgnoreEventsNoRosterClassWasFoundFor() {
        start(silenceModel(-17.15));
        active(ANN, null, 0);
        assertThat(scores.isEmpty()).isTrue();
        assertThat(metrics.eventsApplied()).isZero();
    }

    @Test
    void shouldScoreEveryWeekAsTheFittersClassTimelineDoes() {
        // given a model using every feature, a roster with assignments, and a random term of 30 students
        Random random = new Random(42);
        double[] w = new double[RiskFeatures.NAMES.size()];
        for (int i = 0; i < w.length; i++) w[i] = random.nextGaussian();
        RiskModel.Coefficients c = new RiskModel.Coefficients(-0.5, w, new double[w.length]);
        RiskModel model = new RiskModel(1, List.of(0, 3), Map.of(RiskModel.key(RiskModel.WITH_ACTIVITY, 0), c,
                RiskModel.key(RiskModel.WITH_ACTIVITY, 1), c), 0.7, 0.5);
        start(model);
        List<ClassLineItem> items = List.of(lineItem("q1", 6), lineItem("q2", 13), lineItem("q3", 27));
        roster(MATH, items);
        ClassTimeline timeline = new ClassTimeline(START, items.stream().map(i -> new ClassContext.LineItem(i.getSourcedId(), i.getDueDate().toEpochMilli())).toList());
        Map<String, Double> expected = new HashMap<>();
        ClassTimeline.TickListener listener = (asOf, day, scored) -> {
            if (day <= 0 || day % 7 != 0) return;
            for (ClassTimeline.Scored s : scored) {
                if (!s.withdrawn()) expected.put(s.student() + "@" + day, model.score(s.features(), s.withActivityData()).probability());
            }
        };
        List<LearningEvent> term = new ArrayList<>();
        for (int day = 0; day < 30; day++) {
            for (int s = 0; s < 30; s++) {
                if (random.nextDouble() > 0.3 + s / 60.0) continue;
                String student = "student-" + s;
                long time = at(day, 8 + random.nextInt(12));
                if (random.nextDouble() < 0.1) {
                    String item = items.get(random.nextInt(items.size())).getSourcedId();
                    term.add(event(student, MATH, time, SUBMIT, "https://lms.example/lineitems/" + item, random.nextDouble()));
                } else {
                    term.add(event(student, MATH, time, VIEWED, "https://lms.example/pages/" + random.nextInt(40), null));
                }
            }
        }
        term.sort(Comparator.comparing(LearningEvent::getEventTime));
        for (LearningEvent e : term) {
            send(e);
            RiskEvent riskEvent = RiskEvents.of(e, items);
            timeline.apply(e.getStudentKey(), riskEvent, listener);
        }
        timeline.advanceTo(at(29, 0), listener);

        // when and then: every week record holds the probability the fitter's timeline computes for the same moment
        Map<String, Double> actual = new HashMap<>();
        read.addAll(scores.readValuesToList());
        read.stream().filter(s -> s.getTrigger().equals("week")).forEach(s -> actual.put(s.getStudentKey() + "@" + s.getDayOfClass(), s.getProbability()));
        assertThat(actual).hasSameSizeAs(expected).isNotEmpty();
        expected.forEach((key, p) -> assertThat(actual.get(key)).as(key).isCloseTo(p, within(1e-9)));
    }

    @Test
    void shouldNameEveryNodeAndStore() {
        start(silenceModel(-17.15));
        for (TopologyDescription.Subtopology sub : topology.describe().subtopologies()) {
            for (TopologyDescription.Node node : sub.nodes()) {
                assertThat(node.name()).doesNotStartWith("KSTREAM-").doesNotStartWith("KTABLE-");
                if (node instanceof TopologyDescription.Processor p) {
                    assertThat(p.stores()).allSatisfy(store -> assertThat(store).doesNotStartWith("KSTREAM-").doesNotStartWith("KTABLE-"));
                }
            }
        }
        for (TopologyDescription.GlobalStore global : topology.describe().globalStores()) {
            assertThat(global.processor().stores()).allSatisfy(store -> assertThat(store).startsWith("risk-"));
        }
    }
}

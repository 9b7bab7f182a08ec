package io.learnstream.streams.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.learnstream.schemas.avro.Alert;
import io.learnstream.schemas.avro.AlertFeedback;
import io.learnstream.schemas.avro.ClassTeacher;
import io.learnstream.schemas.avro.ClassTeachers;
import io.learnstream.schemas.avro.DeadLetter;
import io.learnstream.schemas.avro.RiskReason;
import io.learnstream.schemas.avro.RiskScore;
import io.learnstream.schemas.registry.InMemorySchemaRegistryClient;
import io.learnstream.schemas.serde.AvroSerdes;
import io.learnstream.schemas.topic.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlertsTopologyTest {
    private static final String TENANT = "riverside";
    private static final String MATH = "northside-math-6-2";
    private static final String SCIENCE = "northside-science-6-1";
    private static final String ANN = "student-ann";
    private static final String BOB = "student-bob";
    private static final Instant MONDAY_8 = Instant.parse("2026-09-14T08:00:00Z");
    private static final RiskReason SILENCE = new RiskReason("silence", "no activity for 9 days", 9.0, 1.2);
    private static final RiskReason MISSED = new RiskReason("missed", "2 of 3 assignments missed", 2.0, 0.8);
    private static final RiskReason SCORE = new RiskReason("score", "average score 41%", 0.41, 0.3);
    private static final RiskReason LATE = new RiskReason("late", "1 of 3 assignments late", 1.0, 0.1);
    private static final ClassTeacher RIVERA = new ClassTeacher("t-rivera", true);
    private static final ClassTeacher ADAMS = new ClassTeacher("t-adams", false);

    private TopologyTestDriver driver;
    private TestInputTopic<String, RiskScore> scores;
    private TestInputTopic<String, AlertFeedback> feedback;
    private TestInputTopic<String, ClassTeachers> classTeachers;
    private TestOutputTopic<String, Alert> alerts;
    private TestOutputTopic<String, DeadLetter> deadLetters;
    private AlertsMetrics metrics;
    private Topology topology;

    @BeforeEach
    void startTopology() {
        start(AlertsOptions.defaults(), Instant.now());
    }

    /** The topology under test, its wall clock starting at {@code wallClock}. */
    private void start(AlertsOptions options, Instant wallClock) {
        if (driver != null) driver.close();
        AvroSerdes serdes = AvroSerdes.create(new InMemorySchemaRegistryClient());
        Topics topics = Topics.create(serdes);
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "alerts-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        metrics = new AlertsMetrics(new SimpleMeterRegistry());
        topology = AlertsTopology.build(topics, serdes, options, metrics);
        driver = new TopologyTestDriver(topology, config, wallClock);
        scores = driver.createInputTopic(topics.riskScores().name(),
                topics.riskScores().keySerde().serializer(), topics.riskScores().valueSerde().serializer());
        feedback = driver.createInputTopic(topics.alertFeedback().name(),
                topics.alertFeedback().keySerde().serializer(), topics.alertFeedback().valueSerde().serializer());
        classTeachers = driver.createInputTopic(topics.classTeachers().name(),
                topics.classTeachers().keySerde().serializer(), topics.classTeachers().valueSerde().serializer());
        alerts = driver.createOutputTopic(topics.alerts().name(),
                topics.alerts().keySerde().deserializer(), topics.alerts().valueSerde().deserializer());
        deadLetters = driver.createOutputTopic(topics.deadLetters().name(),
                topics.deadLetters().keySerde().deserializer(), topics.deadLetters().valueSerde().deserializer());
        classTeachers.pipeInput(classKey(MATH), new ClassTeachers(TENANT, MATH, List.of(RIVERA, ADAMS)), MONDAY_8.minus(Duration.ofDays(30)));
    }

    @AfterEach
    void stopTopology() {
        driver.close();
    }

    @Test
    void shouldRaiseAnAlertForTheTopReasonOfAFlaggedScore() {
        // given Ann's risk in math reached the high threshold, silence contributing most
        // when the score arrives
        flagged(ANN, MATH, MONDAY_8, 0.82, SILENCE, MISSED);

        // then one open alert for silence, raised at the score's time, with the teacher's sentence and the reasons
        List<KeyValue<String, Alert>> raised = alerts.readKeyValuesToList();
        assertThat(raised).hasSize(1);
        Alert alert = raised.getFirst().value;
        String id = TENANT + "/" + MATH + "/" + ANN + "/silence/" + MONDAY_8.toEpochMilli();
        assertThat(raised.getFirst().key).isEqualTo(id);
        assertThat(alert.getAlertId()).isEqualTo(id);
        assertThat(alert.getTenantId()).isEqualTo(TENANT);
        assertThat(alert.getClassId()).isEqualTo(MATH);
        assertThat(alert.getStudentKey()).isEqualTo(ANN);
        assertThat(alert.getFactor()).isEqualTo("silence");
        assertThat(alert.getStatus()).isEqualTo("open");
        assertThat(alert.getRaisedTime()).isEqualTo(MONDAY_8);
        assertThat(alert.getClosedTime()).isNull();
        assertThat(alert.getClosedBy()).isNull();
        assertThat(alert.getProbability()).isEqualTo(0.82);
        assertThat(alert.getText()).isEqualTo("Risk 82% of failing or withdrawing: no activity for 9 days; 2 of 3 assignments missed.");
        assertThat(alert.getReasons()).containsExactly(SILENCE, MISSED);
        assertThat(metrics.raised()).isEqualTo(1);
    }

    @Test
    void shouldNameAtMostThreeReasonsInTheSentenceAndCarryThemAll() {
        flagged(ANN, MATH, MONDAY_8, 0.655, SILENCE, MISSED, SCORE, LATE);

        Alert alert = alerts.readValue();
        assertThat(alert.getText())
                .isEqualTo("Risk 66% of failing or withdrawing: no activity for 9 days; 2 of 3 assignments missed; average score 41%.");
        assertThat(alert.getReasons()).containsExactly(SILENCE, MISSED, SCORE, LATE);
    }

    @Test
    void shouldAddressTheAlertToPrimaryAndCoTeachers() {
        // given science has a co-teacher and a primary teacher, listed co-teacher first
        classTeachers.pipeInput(classKey(SCIENCE), new ClassTeachers(TENANT, SCIENCE, List.of(ADAMS, RIVERA)), MONDAY_8);

        // when Ann is flagged in math and in science
        flagged(ANN, MATH, MONDAY_8, 0.8, SILENCE);
        flagged(ANN, SCIENCE, MONDAY_8, 0.8, SILENCE);

        // then each alert goes to its class's teachers, primary first
        List<Alert> raised = alerts.readValuesToList();
        assertThat(raised).extracting(Alert::getTeachers).containsExactly(List.of(RIVERA, ADAMS), List.of(RIVERA, ADAMS));
        assertThat(metrics.withoutTeachers()).isZero();
    }

    @Test
    void shouldAddressTheAlertToTheTeachersTheClassHasWhenRaised() {
        // given math changed teachers: Adams alone now
        classTeachers.pipeInput(classKey(MATH), new ClassTeachers(TENANT, MATH, List.of(new ClassTeacher("t-adams", true))), MONDAY_8);

        flagged(ANN, MATH, MONDAY_8, 0.8, SILENCE);

        assertThat(alerts.readValue().getTeachers()).containsExactly(new ClassTeacher("t-adams", true));
    }

    @Test
    void shouldRaiseTheAlertOfAClassWithoutTeachersAndCountIt() {
        // given science has no teachers in class-teachers (never had, for Bob's; none any more, for Ann's: a tombstone)
        classTeachers.pipeInput(classKey(SCIENCE), new ClassTeachers(TENANT, SCIENCE, List.of()), MONDAY_8);
        classTeachers.pipeInput(classKey("northside-art-6-1"), (ClassTeachers) null, MONDAY_8);

        flagged(ANN, SCIENCE, MONDAY_8, 0.8, SILENCE);
        flagged(BOB, "northside-art-6-1", MONDAY_8, 0.8, SILENCE);
        flagged(BOB, "unrostered-class", MONDAY_8, 0.8, SILENCE);

        // then the alerts are raised all the same, addressed to no one, and counted
        List<Alert> raised = alerts.readValuesToList();
        assertThat(raised).hasSize(3).allSatisfy(alert -> assertThat(alert.getTeachers()).isEmpty());
        assertThat(metrics.withoutTeachers()).isEqualTo(3);
        assertThat(metrics.raised()).isEqualTo(3);
    }

    @Test
    void shouldRaiseNothingForAScoreNotFlaggedOrWithoutReasons() {
        // when Ann's risk is high but not flagged (hysteresis not reached), and Bob is flagged with no reason named
        score(ANN, MATH, MONDAY_8, 0.7, false, false, List.of(SILENCE));
        score(BOB, MATH, MONDAY_8, 0.9, true, false, List.of());

        assertThat(alerts.isEmpty()).isTrue();
        assertThat(metrics.raised()).isZero();
    }

    @Test
    void shouldKeepAtMostOneOpenAlertPerStudentClassAndFactor() {
        // given Ann was flagged for silence
        flagged(ANN, MATH, MONDAY_8, 0.8, SILENCE);

        // when she stays flagged for silence: a tick, a change, the weekly record
        flagged(ANN, MATH, MONDAY_8.plus(Duration.ofHours(6)), 0.83, SILENCE, MISSED);
        flagged(ANN, MATH, MONDAY_8.plus(Duration.ofDays(1)), 0.85, SILENCE);
        flagged(ANN, MATH, MONDAY_8.plus(Duration.ofDays(6)), 0.9, SILENCE);
        // and Bob, in the same class, and Ann in science, are flagged for silence too
        flagged(BOB, MATH, MONDAY_8.plus(Duration.ofDays(1)), 0.7, SILENCE);
        flagged(ANN, SCIENCE, MONDAY_8.plus(Duration.ofDays(1)), 0.7, SILENCE);

        // then Ann has one alert in math; Bob and Ann's science their own
        assertThat(alerts.readValuesToList()).extracting(Alert::getStudentKey, Alert::getClassId, Alert::getRaisedTime)
                .containsExactly(
                        tuple(ANN, MATH, MONDAY_8),
                        tuple(BOB, MATH, MONDAY_8.plus(Duration.ofDays(1))),
                        tuple(ANN, SCIENCE, MONDAY_8.plus(Duration.ofDays(1))));
    }

    @Test
    void shouldRaiseAnAlertForEachTopFactorOnceWhileTheStudentStaysFlagged() {
        // given Ann was flagged for silence
        flagged(ANN, MATH, MONDAY_8, 0.8, SILENCE, MISSED);

        // when, still flagged, missed assignments become the top reason, then silence again, then missed again
        flagged(ANN, MATH, MONDAY_8.plus(Duration.ofDays(2)), 0.85, MISSED, SILENCE);
        flagged(ANN, MATH, MONDAY_8.plus(Duration.ofDays(3)), 0.85, SILENCE, MISSED);
        flagged(ANN, MATH, MONDAY_8.plus(Duration.ofDays(4)), 0.85, MISSED, SILENCE);

        // then a second alert for missed, and each stays open: one per reason, each at most once open
        List<Alert> raised = alerts.readValuesToList();
        assertThat(raised).extracting(Alert::getFactor).containsExactly("silence", "missed");
        assertThat(raised).extracting(Alert::getStatus).containsOnly("open");
        assertThat(raised.get(1).getText()).isEqualTo("Risk 85% of failing or withdrawing: 2 of 3 assignments missed; no activity for 9 days.");
    }

    @Test
    void shouldClearTheStudentsOpenAlertsInTheClassWhenNoLongerFlagged() {
        // given Ann has two open alerts in math, Bob one, and Ann one in science
        flagged(ANN, MATH, MONDAY_8, 0.8, SILENCE);
        flagged(ANN, MATH, MONDAY_8.plus(Duration.ofDays(1)), 0.8, MISSED);
        flagged(BOB, MATH, MONDAY_8, 0.8, SILENCE);
        flagged(ANN, SCIENCE, MONDAY_8, 0.8, SILENCE);
        alerts.readValuesToList();

        // when Ann's math risk falls below the low threshold
        Instant recovered = MONDAY_8.plus(Duration.ofDays(3));
        score(ANN, MATH, recovered, 0.2, false, false, List.of());

        // then both of her math alerts are cleared at that time, the others stay open
        List<KeyValue<String, Alert>> cleared = alerts.readKeyValuesToList();
        assertThat(cleared).extracting(kv -> kv.value.getFactor()).containsExactlyInAnyOrder("silence", "missed");
        assertThat(cleared).allSatisfy(kv -> {
            assertThat(kv.key).isEqualTo(kv.value.getAlertId());
            assertThat(kv.value.getStudentKey()).isEqualTo(ANN);
            assertThat(kv.value.getClassId()).isEqualTo(MATH);
            assertThat(kv.value.getStatus()).isEqualTo("cleared");
            assertThat(kv.value.getClosedTime()).isEqualTo(recovered);
            assertThat(kv.value.getClosedBy()).isNull();
        });
        assertThat(metrics.cleared()).isEqualTo(2);

        // and a further score not flagged clears nothing more
        score(ANN, MATH, recovered.plus(Duration.ofDays(1)), 0.1, false, false, List.of());
        assertThat(alerts.isEmpty()).isTrue();
    }

    @Test
    void shouldClearTheOpenAlertsOfAStudentWhoWithdrewAndRaiseNoMore() {
        // given Ann was flagged for silence
        flagged(ANN, MATH, MONDAY_8, 0.8, SILENCE);
        alerts.readValuesToList();

        // when she withdraws: the risk topology still flags her, with another top reason
        Instant withdrew = MONDAY_8.plus(Duration.ofDays(2));
        score(ANN, MATH, withdrew, 0.99, true, true, List.of(MISSED, SILENCE));

        // then her alert is cleared and none raised
        List<Alert> out = alerts.readValuesToList();
        assertThat(out).extracting(Alert::getFactor, Alert::getStatus, Alert::getClosedTime)
                .containsExactly(tuple("silence", "cleared", withdrew));
        assertThat(metrics.raised()).isEqualTo(1);
    }

    @Test
    void shouldNotClearAnAlertWithAScoreOlderThanIt() {
        // given Ann was flagged for silence
        flagged(ANN, MATH, MONDAY_8, 0.8, SILENCE);
        alerts.readValuesToList();

        // when a score not flagged from before the alert arrives late
        score(ANN, MATH, MONDAY_8.minus(Duration.ofHours(1)), 0.3, false, false, List.of());

        // then the alert stays open
        assertThat(alerts.isEmpty()).isTrue();
        assertThat(metrics.cleared()).isZero();
    }

    @ParameterizedTest
    @CsvSource({"acknowledge, acknowledged, t-rivera", "dismiss, dismissed, t-adams"})
    void shouldCloseAnOpenAlertWhenATeacherAcknowledgesOrDismissesIt(String action, String status, String teacher) {
        // given Ann's open alert
        Alert open = annFlaggedForSilence();

        // when a teacher acknowledges (useful) or dismisses (not useful) it on Tuesday
        Instant tuesday = MONDAY_8.plus(Duration.ofDays(1));
        answer(open, action, teacher, tuesday);

        // then it is closed with that status, by that teacher, at that time, the rest as raised
        KeyValue<String, Alert> closed = alerts.readKeyValue();
        assertThat(closed.key).isEqualTo(open.getAlertId());
        assertThat(closed.value.getStatus()).isEqualTo(status);
        assertThat(closed.value.getClosedBy()).isEqualTo(teacher);
        assertThat(closed.value.getClosedTime()).isEqualTo(tuesday);
        assertThat(Alert.newBuilder(closed.value).setStatus("open").setClosedBy(null).setClosedTime(null).build()).isEqualTo(open);
        assertThat(metrics.answered()).isEqualTo(1);
        assertThat(alerts.isEmpty()).isTrue();
    }

    @Test
    void shouldNotCloseAnAlertBeforeItWasRaised() {
        // given an alert raised Monday
        Alert open = annFlaggedForSilence();

        // when the teacher's answer says Sunday (a clock behind)
        answer(open, "acknowledge", "t-rivera", MONDAY_8.minus(Duration.ofDays(1)));

        // then it closed when raised
        assertThat(alerts.readValue().getClosedTime()).isEqualTo(MONDAY_8);
    }

    @Test
    void shouldChangeNothingOnFeedbackForAnUnknownOrClosedAlert() {
        // given Ann's alert acknowledged, and Bob's cleared
        flagged(ANN, MATH, MONDAY_8, 0.8, SILENCE);
        flagged(BOB, MATH, MONDAY_8, 0.8, SILENCE);
        List<Alert> open = alerts.readValuesToList();
        answer(open.get(0), "acknowledge", "t-rivera", MONDAY_8.plus(Duration.ofHours(1)));
        score(BOB, MATH, MONDAY_8.plus(Duration.ofHours(2)), 0.2, false, false, List.of());
        alerts.readValuesToList();

        // when they are answered again, and an alert never raised is answered
        answer(open.get(0), "dismiss", "t-adams", MONDAY_8.plus(Duration.ofHours(3)));
        answer(open.get(1), "acknowledge", "t-rivera", MONDAY_8.plus(Duration.ofHours(3)));
        feedback.pipeInput(classKey(MATH), new AlertFeedback(TENANT + "/" + MATH + "/" + ANN + "/missed/" + MONDAY_8.toEpochMilli(),
                TENANT, MATH, "acknowledge", "t-rivera", MONDAY_8.plus(Duration.ofHours(3))), MONDAY_8.plus(Duration.ofHours(3)));

        // then nothing is written, and the three are counted
        assertThat(alerts.isEmpty()).isTrue();
        assertThat(deadLetters.isEmpty()).isTrue();
        assertThat(metrics.feedbackIgnored()).isEqualTo(3);
        assertThat(metrics.answered()).isEqualTo(1);
    }

    @Test
    void shouldSendInvalidFeedbackToTheDeadLettersAndLeaveTheAlertOpen() {
        // given Ann's open alert
        Alert open = annFlaggedForSilence();
        Instant tuesday = MONDAY_8.plus(Duration.ofDays(1));

        // when feedback names an unknown action, names the alert under another class, and has no value
        answer(open, "snooze", "t-rivera", tuesday);
        feedback.pipeInput(classKey(SCIENCE), new AlertFeedback(open.getAlertId(), TENANT, SCIENCE, "dismiss", "t-rivera", tuesday), tuesday);
        feedback.pipeInput(classKey(MATH), (AlertFeedback) null, tuesday);

        // then each is a dead letter with the reason, nothing else happens, and the alert can still be answered
        List<DeadLetter> letters = deadLetters.readValuesToList();
        assertThat(letters).extracting(DeadLetter::getReason).satisfiesExactly(
                reason -> assertThat(reason).contains("action 'snooze'").contains("acknowledge").contains("dismiss"),
                reason -> assertThat(reason).contains("alertId").contains(SCIENCE),
                reason -> assertThat(reason).contains("no value"));
        assertThat(letters).extracting(DeadLetter::getSource).containsOnly("streams." + AlertsTopology.FEEDBACK_RULES);
        assertThat(letters.get(0).getTenantId()).isEqualTo(TENANT);
        assertThat(letters.get(0).getPayload()).contains("snooze");
        assertThat(letters.get(0).getReceivedTime()).isEqualTo(tuesday);
        assertThat(alerts.isEmpty()).isTrue();
        assertThat(metrics.feedbackIgnored()).isEqualTo(3);

        answer(open, "acknowledge", "t-rivera", tuesday);
        assertThat(alerts.readValue().getStatus()).isEqualTo("acknowledged");
    }

    @Test
    void shouldNotRaiseTheSameFactorAgainBeforeTheCooldownAfterTheClose() {
        // given Ann's silence alert raised Monday and dismissed Wednesday, while she stays flagged
        Alert first = annFlaggedForSilence();
        Instant wednesday = MONDAY_8.plus(Duration.ofDays(2));
        answer(first, "dismiss", "t-rivera", wednesday);
        alerts.readValue();

        // when she is still flagged for silence a week after the raise, and just before a week after the close
        flagged(ANN, MATH, MONDAY_8.plus(Duration.ofDays(7)), 0.85, SILENCE);
        flagged(ANN, MATH, wednesday.plus(Duration.ofDays(7)).minusMillis(1), 0.85, SILENCE);
        // then nothing: the cooldown runs from the close
        assertThat(alerts.isEmpty()).isTrue();

        // when she is flagged for silence a week after the close
        Instant weekAfterClose = wednesday.plus(Duration.ofDays(7));
        flagged(ANN, MATH, weekAfterClose, 0.85, SILENCE);

        // then a new alert, with its own id
        Alert again = alerts.readValue();
        assertThat(again.getStatus()).isEqualTo("open");
        assertThat(again.getRaisedTime()).isEqualTo(weekAfterClose);
        assertThat(again.getAlertId()).isEqualTo(TENANT + "/" + MATH + "/" + ANN + "/silence/" + weekAfterClose.toEpochMilli());
        assertThat(metrics.raised()).isEqualTo(2);
    }

    @Test
    void shouldRaiseAnotherFactorDuringTheCooldownOfOne() {
        // given Ann's silence alert cleared
        flagged(ANN, MATH, MONDAY_8, 0.8, SILENCE);
        score(ANN, MATH, MONDAY_8.plus(Duration.ofDays(1)), 0.3, false, false, List.of());
        alerts.readValuesToList();

        // when she is flagged again the next day, first for silence, then for missed assignments
        flagged(ANN, MATH, MONDAY_8.plus(Duration.ofDays(2)), 0.8, SILENCE, MISSED);
        flagged(ANN, MATH, MONDAY_8.plus(Duration.ofDays(3)), 0.8, MISSED, SILENCE);

        // then silence is in its cooldown (and does not pass the turn to missed); missed, on top, is raised
        assertThat(alerts.readValuesToList()).extracting(Alert::getFactor, Alert::getRaisedTime)
                .containsExactly(tuple("missed", MONDAY_8.plus(Duration.ofDays(3))));
    }

    @Test
    void shouldRaiseAgainOnceAConfiguredCooldownHasPassed() {
        // given a cooldown of one day, and Ann's silence alert cleared Tuesday
        start(AlertsOptions.defaults().withCooldown(Duration.ofDays(1)), Instant.now());
        flagged(ANN, MATH, MONDAY_8, 0.8, SILENCE);
        Instant tuesday = MONDAY_8.plus(Duration.ofDays(1));
        score(ANN, MATH, tuesday, 0.3, false, false, List.of());
        alerts.readValuesToList();

        // when she is flagged again twelve hours later, then a day later
        flagged(ANN, MATH, tuesday.plus(Duration.ofHours(12)), 0.8, SILENCE);
        flagged(ANN, MATH, tuesday.plus(Duration.ofDays(1)), 0.8, SILENCE);

        // then only the second raises
        assertThat(alerts.readValuesToList()).extracting(Alert::getRaisedTime).containsExactly(tuesday.plus(Duration.ofDays(1)));
    }

    @Test
    void shouldRaiseAgainAtOnceWithoutCooldownButNeverWithTheSameId() {
        start(AlertsOptions.defaults().withCooldown(Duration.ZERO), Instant.now());
        flagged(ANN, MATH, MONDAY_8, 0.8, SILENCE);
        score(ANN, MATH, MONDAY_8, 0.3, false, false, List.of());
        alerts.readValuesToList();

        // when flagged again at the very time it was raised and cleared, then a millisecond later
        flagged(ANN, MATH, MONDAY_8, 0.8, SILENCE);
        flagged(ANN, MATH, MONDAY_8.plusMillis(1), 0.8, SILENCE);

        assertThat(alerts.readValuesToList()).extracting(Alert::getRaisedTime).containsExactly(MONDAY_8.plusMillis(1));
    }

    @Test
    void shouldRejectANegativeCooldown() {
        assertThatThrownBy(() -> new AlertsOptions(Duration.ofDays(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cooldown");
    }

    @Test
    void shouldGiveTheSameAlertsWhateverTheWallClock() {
        // given the same scores and answers lived through in 2026 and replayed years later
        List<KeyValue<String, Alert>> lived = semester(Instant.parse("2026-09-14T08:00:00Z"));
        List<KeyValue<String, Alert>> replayed = semester(Instant.parse("2031-01-01T00:00:00Z"));

        // then the alerts are the same, in event time
        assertThat(replayed).isEqualTo(lived).hasSize(6);
    }

    @Test
    void shouldNameEveryNodeAndStore() {
        String description = topology.describe().toString();

        assertThat(description).doesNotContain("KSTREAM-").doesNotContain("KTABLE-");
        assertThat(description).contains(AlertsTopology.SCORE_RULES, AlertsTopology.FEEDBACK_RULES, AlertsTopology.ALERTS_STORE,
                AlertsTopology.CLASS_TEACHERS_STORE);
    }

    /** A few weeks of Ann and Bob: raised, answered, cleared, raised again. */
    private List<KeyValue<String, Alert>> semester(Instant wallClock) {
        start(AlertsOptions.defaults(), wallClock);
        flagged(ANN, MATH, MONDAY_8, 0.8, SILENCE, MISSED);
        flagged(BOB, MATH, MONDAY_8.plus(Duration.ofHours(1)), 0.7, MISSED);
        flagged(ANN, MATH, MONDAY_8.plus(Duration.ofDays(1)), 0.85, MISSED, SILENCE);
        feedback.pipeInput(classKey(MATH), new AlertFeedback(TENANT + "/" + MATH + "/" + BOB + "/missed/"
                + MONDAY_8.plus(Duration.ofHours(1)).toEpochMilli(), TENANT, MATH, "acknowledge", "t-rivera",
                MONDAY_8.plus(Duration.ofDays(2))), MONDAY_8.plus(Duration.ofDays(2)));
        score(ANN, MATH, MONDAY_8.plus(Duration.ofDays(3)), 0.2, false, false, List.of());
        flagged(BOB, MATH, MONDAY_8.plus(Duration.ofDays(4)), 0.7, MISSED);
        return alerts.readKeyValuesToList();
    }

    /** Ann flagged in math on Monday, silence on top: her open alert. */
    private Alert annFlaggedForSilence() {
        flagged(ANN, MATH, MONDAY_8, 0.8, SILENCE);
        return alerts.readValue();
    }

    private void flagged(String student, String classId, Instant asOf, double probability, RiskReason... reasons) {
        score(student, classId, asOf, probability, true, false, List.of(reasons));
    }

    private void score(String student, String classId, Instant asOf, double probability, boolean flagged, boolean withdrawn,
            List<RiskReason> reasons) {
        RiskScore score = RiskScore.newBuilder()
                .setTenantId(TENANT)
                .setClassId(classId)
                .setStudentKey(student)
                .setAsOf(asOf)
                .setDayOfClass(14)
                .setProbability(probability)
                .setFlagged(flagged)
                .setWithdrawn(withdrawn)
                .setReasons(reasons)
                .setFeatures(Map.of("silence", 9.0))
                .setTrigger("event")
                .setModelVersion(1L)
                .build();
        scores.pipeInput(classKey(classId), score, asOf);
    }

    private void answer(Alert alert, String action, String by, Instant at) {
        feedback.pipeInput(classKey(alert.getClassId()),
                new AlertFeedback(alert.getAlertId(), alert.getTenantId(), alert.getClassId(), action, by, at), at);
    }

    private static String classKey(String classId) {
        return Topics.tenantScopedKey(TENANT, classId);
    }
}

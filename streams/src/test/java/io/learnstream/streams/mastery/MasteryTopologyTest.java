package io.learnstream.streams.mastery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.learnstream.schemas.avro.DeadLetter;
import io.learnstream.schemas.avro.ItemSkills;
import io.learnstream.schemas.avro.LearningEvent;
import io.learnstream.schemas.avro.MasteryParameter;
import io.learnstream.schemas.avro.MasteryPrediction;
import io.learnstream.schemas.avro.PracticeItem;
import io.learnstream.schemas.avro.SkillLevel;
import io.learnstream.schemas.avro.SkillMastery;
import io.learnstream.schemas.avro.StudentMastery;
import io.learnstream.schemas.avro.StudentSkill;
import io.learnstream.schemas.registry.InMemorySchemaRegistryClient;
import io.learnstream.schemas.serde.AvroSerdes;
import io.learnstream.schemas.topic.Topics;
import io.learnstream.streams.mastery.model.ParameterSet;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MasteryTopologyTest {
    private static final String TENANT = "district-7";
    private static final String ANN = "student-ann";
    private static final String BOB = "student-bob";
    private static final String ALGEBRA = "https://sis.example.org/classes/algebra-1";
    private static final String FRACTIONS = "https://sis.example.org/skills/fractions";
    private static final String DECIMALS = "https://sis.example.org/skills/decimals";
    private static final String Q1 = "https://quiz.example.org/q/1";
    private static final String Q2 = "https://quiz.example.org/q/2";
    private static final Instant MONDAY_9 = Instant.parse("2026-09-07T09:00:00Z");
    /** The parameters published in these specs: BKT per skill, a plain logistic model with item biases. */
    private static final Map<String, Map<String, Double>> PUBLISHED = Map.of(
            "bkt/default", bkt(0.5, 0.1, 0.2, 0.1, 0.0),
            "bkt/skill/" + FRACTIONS, bkt(0.3, 0.2, 0.25, 0.1, 0.05),
            "bkt/skill/" + DECIMALS, bkt(0.1, 0.05, 0.2, 0.2, 0.0),
            "logistic/global", Map.of("bias", 0.0),
            "logistic/item/" + Q1, Map.of("bias", 0.5, "skill/" + FRACTIONS, 1.0),
            "logistic/item/d-hard", Map.of("bias", -3.0, "skill/" + DECIMALS, 1.0),
            "logistic/item/d-mid", Map.of("bias", 0.8, "skill/" + DECIMALS, 1.0),
            "logistic/item/d-easy", Map.of("bias", 1.0, "skill/" + DECIMALS, 1.0),
            "logistic/item/d-easiest", Map.of("bias", 4.0, "skill/" + DECIMALS, 1.0));

    private TopologyTestDriver driver;
    private TestInputTopic<String, LearningEvent> events;
    private TestInputTopic<String, MasteryParameter> parameters;
    private TestInputTopic<String, ItemSkills> itemSkills;
    private TestOutputTopic<String, MasteryPrediction> predictions;
    private TestOutputTopic<StudentSkill, SkillMastery> skillMastery;
    private TestOutputTopic<String, StudentMastery> studentMastery;
    private TestOutputTopic<String, DeadLetter> deadLetters;
    private int sequence;
    private MasteryOptions options;
    private SimpleMeterRegistry meters;

    @BeforeEach
    void startTopology() {
        start(MasteryOptions.defaults());
    }

    private void start(MasteryOptions options) {
        start(options, Instant.now());
    }

    /** The topology under test, its wall-clock starting at {@code wallClock}. */
    private void start(MasteryOptions options, Instant wallClock) {
        if (driver != null) driver.close();
        AvroSerdes serdes = AvroSerdes.create(new InMemorySchemaRegistryClient());
        Topics topics = Topics.create(serdes);
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "mastery-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        this.options = options;
        meters = new SimpleMeterRegistry();
        driver = new TopologyTestDriver(MasteryTopology.build(topics, serdes, options, new MasteryMetrics(meters),
                ParameterSet.untrained()), config, wallClock);
        events = driver.createInputTopic(topics.learningEvents().name(),
                topics.learningEvents().keySerde().serializer(), topics.learningEvents().valueSerde().serializer());
        parameters = driver.createInputTopic(topics.masteryParameters().name(),
                topics.masteryParameters().keySerde().serializer(), topics.masteryParameters().valueSerde().serializer());
        itemSkills = driver.createInputTopic(topics.itemSkills().name(),
                topics.itemSkills().keySerde().serializer(), topics.itemSkills().valueSerde().serializer());
        predictions = driver.createOutputTopic(topics.masteryPredictions().name(),
                topics.masteryPredictions().keySerde().deserializer(), topics.masteryPredictions().valueSerde().deserializer());
        skillMastery = driver.createOutputTopic(topics.skillMastery().name(),
                topics.skillMastery().keySerde().deserializer(), topics.skillMastery().valueSerde().deserializer());
        studentMastery = driver.createOutputTopic(topics.studentMastery().name(),
                topics.studentMastery().keySerde().deserializer(), topics.studentMastery().valueSerde().deserializer());
        deadLetters = driver.createOutputTopic(topics.deadLetters().name(),
                topics.deadLetters().keySerde().deserializer(), topics.deadLetters().valueSerde().deserializer());
    }

    @AfterEach
    void stopTopology() {
        driver.close();
    }

    @Test
    void shouldTraceBktMasteryWithGuessSlipLearnAndForgetAsHandComputed() {
        // given fractions with prior 0.3, learn 0.2, guess 0.25, slip 0.1, forget 0.05
        publish(PUBLISHED, 1);

        // when Ann answers a fractions item right, then wrong
        answer(ANN, "a1", Q1, List.of(FRACTIONS), true, MONDAY_9);
        answer(ANN, "a2", Q1, List.of(FRACTIONS), false, MONDAY_9.plusSeconds(60));

        // then the predictions and masteries are those of the BKT equations
        double p1 = 0.3 * (1 - 0.1) + (1 - 0.3) * 0.25;                          // 0.445
        double posterior1 = 0.3 * (1 - 0.1) / p1;                                 // right: L(1-slip) / P(right)
        double mastery1 = posterior1 * (1 - 0.05) + (1 - posterior1) * 0.2;       // forget, then learn
        double p2 = mastery1 * (1 - 0.1) + (1 - mastery1) * 0.25;
        double posterior2 = mastery1 * 0.1 / (mastery1 * 0.1 + (1 - mastery1) * (1 - 0.25)); // wrong: L·slip / P(wrong)
        double mastery2 = posterior2 * (1 - 0.05) + (1 - posterior2) * 0.2;
        List<MasteryPrediction> made = predictions.readValuesToList();
        assertThat(made).extracting(p -> p.getPredictions().get("bkt")).containsExactly(p1, p2);
        List<SkillMastery> updates = skillMastery.readValuesToList();
        assertThat(updates.get(0).getPMastery()).isCloseTo(mastery1, within(1e-12));
        assertThat(updates.get(1).getPMastery()).isCloseTo(mastery2, within(1e-12));
        assertThat(updates.get(1).getAttempts()).isEqualTo(2);
        assertThat(updates.get(1).getCorrect()).isEqualTo(1);
        assertThat(updates.get(1).getLastAnswerTime()).isEqualTo(MONDAY_9.plusSeconds(60));
        assertThat(made).allSatisfy(p -> assertThat(p.getParametersVersion()).isEqualTo(1));
    }

    @Test
    void shouldPredictBeforeSeeingTheAnswer() {
        publish(PUBLISHED, 1);

        // when Ann and Bob answer the same first item, one right, one wrong
        answer(ANN, "a1", Q1, List.of(FRACTIONS), true, MONDAY_9);
        answer(BOB, "b1", Q1, List.of(FRACTIONS), false, MONDAY_9);

        // then both were predicted the same, from the state before their answer, and the outcome is recorded beside it
        List<MasteryPrediction> made = predictions.readValuesToList();
        assertThat(made.get(0).getPredictions()).isEqualTo(made.get(1).getPredictions());
        assertThat(made).extracting(MasteryPrediction::getCorrect).containsExactly(true, false);
        assertThat(made.get(0).getPredictions()).containsOnlyKeys("bkt", "logistic");
    }

    @Test
    void shouldUpdateTheLogisticModelsPredictionWithTheStudentsHistory() {
        publish(PUBLISHED, 1);

        // when Ann answers the same item three times right
        answer(ANN, "a1", Q1, List.of(FRACTIONS), true, MONDAY_9);
        answer(ANN, "a2", Q1, List.of(FRACTIONS), true, MONDAY_9.plusSeconds(60));
        answer(ANN, "a3", Q1, List.of(FRACTIONS), true, MONDAY_9.plusSeconds(120));

        // then the first prediction is the item's own (logit 0.5) and the later ones carry the mastery feature's rise
        List<Double> logistic = predictions.readValuesToList().stream().map(p -> p.getPredictions().get("logistic")).toList();
        assertThat(logistic.getFirst()).isCloseTo(1 / (1 + Math.exp(-0.5)), within(1e-12));
        assertThat(logistic).allSatisfy(p -> assertThat(p).isBetween(0.0, 1.0));
    }

    @Test
    void shouldUpdateEachSkillOfAnItemWithTwoSkills() {
        publish(PUBLISHED, 1);

        answer(ANN, "a1", Q2, List.of(FRACTIONS, DECIMALS), true, MONDAY_9);

        Map<StudentSkill, SkillMastery> updates = skillMastery.readKeyValuesToMap();
        assertThat(updates).containsOnlyKeys(skill(ANN, FRACTIONS), skill(ANN, DECIMALS));
        double decimalsPrior = 0.1;
        double posterior = decimalsPrior * (1 - 0.2) / (decimalsPrior * (1 - 0.2) + (1 - decimalsPrior) * 0.2);
        assertThat(updates.get(skill(ANN, DECIMALS)).getPMastery()).isCloseTo(posterior + (1 - posterior) * 0.05, within(1e-12));
        // BKT's prediction of an item of two skills is the mean of its skills' predictions
        double fractions = 0.3 * 0.9 + 0.7 * 0.25;
        double decimals = 0.1 * 0.8 + 0.9 * 0.2;
        assertThat(predictions.readValue().getPredictions().get("bkt")).isCloseTo((fractions + decimals) / 2, within(1e-12));
    }

    @Test
    void shouldPredictUnseenItemsAndSkillsFromTheFittedPriors() {
        publish(PUBLISHED, 1);

        // when Ann answers an item nobody fitted, of a skill nobody fitted
        answer(ANN, "a1", "https://quiz.example.org/new", List.of("https://sis.example.org/skills/new"), false, MONDAY_9);

        // then BKT uses the default skill, and the logistic model its global terms
        Map<String, Double> made = predictions.readValue().getPredictions();
        assertThat(made.get("bkt")).isCloseTo(0.5 * 0.9 + 0.5 * 0.2, within(1e-12));
        assertThat(made.get("logistic")).isCloseTo(0.5, within(1e-12));
        assertThat(skillMastery.readValue().getPMastery()).isBetween(0.0, 1.0);
    }

    @Test
    void shouldKeepAnAnswerWithoutSkillsForItemStatistics() {
        publish(PUBLISHED, 1);

        answer(ANN, "a1", Q1, List.of(), true, MONDAY_9);

        assertThat(predictions.readValue().getSkills()).isEmpty();
        assertThat(skillMastery.isEmpty()).isTrue();
    }

    @Test
    void shouldIgnoreEventsThatAreNotScoredAnswers() {
        events.pipeInput(ANN, event(ANN, "v1", "https://video.example.org/v/1", List.of(), null, MONDAY_9));

        assertThat(predictions.isEmpty()).isTrue();
    }

    @Test
    void shouldTakeTheImportedItemSkillMappingBeforeTheSkillsTheStatementNames() {
        publish(PUBLISHED, 1);
        // given the district mapped Q1 to decimals
        itemSkills.pipeInput(Topics.tenantScopedKey(TENANT, Q1), new ItemSkills(TENANT, Q1, List.of(DECIMALS), MONDAY_9));

        // when a statement says Q1 is about fractions
        answer(ANN, "a1", Q1, List.of(FRACTIONS), true, MONDAY_9);
        // and another names skills for an item the mapping does not have
        answer(ANN, "a2", Q2, List.of(FRACTIONS), true, MONDAY_9.plusSeconds(60));

        // then the mapping wins for Q1, the statement's skills serve Q2
        assertThat(skillMastery.readKeyValuesToList()).extracting(kv -> kv.key.getSkillId()).containsExactly(DECIMALS, FRACTIONS);

        // and a mapping removed (tombstone) takes effect without a restart
        itemSkills.pipeInput(Topics.tenantScopedKey(TENANT, Q1), (ItemSkills) null);
        answer(ANN, "a3", Q1, List.of(FRACTIONS), true, MONDAY_9.plusSeconds(120));
        assertThat(skillMastery.readValue().getSkillId()).isEqualTo(FRACTIONS);
    }

    @Test
    void shouldSwitchToNewParametersOnceTheirPublicationIsComplete() {
        publish(PUBLISHED, 1);
        answer(ANN, "a1", Q1, List.of(FRACTIONS), true, MONDAY_9);
        assertThat(predictions.readValue().getParametersVersion()).isEqualTo(1);

        // when a new fit is published, entries first
        Map<String, Map<String, Double>> refitted = new LinkedHashMap<>(PUBLISHED);
        refitted.put("bkt/skill/" + FRACTIONS, bkt(0.3, 0.2, 0.05, 0.3, 0.0));
        refitted.forEach((key, values) -> parameters.pipeInput(key, new MasteryParameter(key, values, 2L)));
        answer(BOB, "b1", Q1, List.of(FRACTIONS), true, MONDAY_9);
        // then it is not used while its version entry is missing
        assertThat(predictions.readValue().getPredictions().get("bkt")).isEqualTo(0.3 * 0.9 + 0.7 * 0.25);

        // and is used, without a restart, once the version entry arrived
        parameters.pipeInput(CurrentParameters.VERSION_KEY, new MasteryParameter(CurrentParameters.VERSION_KEY, Map.of(), 2L));
        answer(BOB, "b2", "https://quiz.example.org/other", List.of(FRACTIONS), true, MONDAY_9.plusSeconds(60));
        MasteryPrediction second = predictions.readValue();
        assertThat(second.getParametersVersion()).isEqualTo(2);
        // Bob's fractions mastery after one right answer under the old parameters, predicted with the new guess and slip
        double posterior = 0.3 * 0.9 / (0.3 * 0.9 + 0.7 * 0.25);
        double mastery = posterior * 0.95 + (1 - posterior) * 0.2;
        assertThat(second.getPredictions().get("bkt")).isCloseTo(mastery * 0.7 + (1 - mastery) * 0.05, within(1e-12));
    }

    @Test
    void shouldUseTheBuiltInDefaultsUntilAFirstPublication() {
        answer(ANN, "a1", Q1, List.of(FRACTIONS), true, MONDAY_9);

        MasteryPrediction made = predictions.readValue();
        assertThat(made.getParametersVersion()).isZero();
        assertThat(made.getPredictions().get("bkt")).isCloseTo(0.4 * 0.9 + 0.6 * 0.2, within(1e-12));
    }

    @Test
    void shouldListStrengthsWeaknessesAndItemsToPractiseNearTheTarget() {
        // given mastered at 0.9 (fractions forgets 5% per answer, so it never stays above 0.95)
        start(MasteryOptions.defaults().withMasteredThreshold(0.9));
        publish(PUBLISHED, 1);

        // when Ann answers fractions right until mastered, and a decimals item wrong
        for (int i = 0; i < 8; i++) answer(ANN, "f" + i, Q1, List.of(FRACTIONS), true, MONDAY_9.plusSeconds(60L * i));
        answer(ANN, "d1", "d-hard", List.of(DECIMALS), false, MONDAY_9.plusSeconds(600));

        // then, once the summary interval has passed, fractions is a strength, decimals a weakness, with up to three
        // decimals items nearest a predicted 0.7
        driver.advanceWallClockTime(MasteryOptions.defaults().summaryInterval());
        StudentMastery summary = studentMastery.readKeyValuesToMap().get(Topics.tenantScopedKey(TENANT, ANN));
        assertThat(summary.getStrengths()).extracting(SkillLevel::getSkillId).containsExactly(FRACTIONS);
        assertThat(summary.getWeaknesses()).extracting(SkillLevel::getSkillId).containsExactly(DECIMALS);
        List<PracticeItem> practice = summary.getPractice();
        assertThat(practice).hasSize(3).allSatisfy(item -> assertThat(item.getSkillId()).isEqualTo(DECIMALS));
        List<Double> distances = practice.stream().map(item -> Math.abs(item.getPredictedSuccess() - 0.7)).toList();
        assertThat(distances).isSorted();
        // (no student weights are fitted here, so each item's prediction is its own: 0.69, 0.73, 0.98 and, farthest, 0.05)
        assertThat(practice).extracting(PracticeItem::getItemId).containsExactly("d-mid", "d-easy", "d-easiest");
        // and the skill's own update carries its practice items; a mastered skill's has none
        Map<StudentSkill, SkillMastery> latest = skillMastery.readKeyValuesToMap();
        assertThat(latest.get(skill(ANN, DECIMALS)).getPractice()).isEqualTo(practice);
        assertThat(latest.get(skill(ANN, FRACTIONS)).getMastered()).isTrue();
        assertThat(latest.get(skill(ANN, FRACTIONS)).getPractice()).isEmpty();
    }

    @Test
    void shouldPublishEachStudentsSummaryOncePerIntervalNotOncePerAnswer() {
        publish(PUBLISHED, 1);

        // when Ann answers five times and Bob once, applied within one summary interval
        for (int i = 0; i < 5; i++) arrive(ANN, "a" + i, Q1, List.of(FRACTIONS), true, MONDAY_9.plusSeconds(60L * i));
        arrive(BOB, "b1", Q2, List.of(FRACTIONS, DECIMALS), false, MONDAY_9);
        release();

        // then nothing is summarised before the interval ends, then one summary per student, as of their last answer
        assertThat(predictions.readValuesToList()).hasSize(6);
        assertThat(studentMastery.isEmpty()).isTrue();
        driver.advanceWallClockTime(MasteryOptions.defaults().summaryInterval());
        Map<String, StudentMastery> summaries = new LinkedHashMap<>();
        studentMastery.readKeyValuesToList().forEach(kv -> assertThat(summaries.put(kv.key, kv.value)).as(kv.key).isNull());
        assertThat(summaries).containsOnlyKeys(Topics.tenantScopedKey(TENANT, ANN), Topics.tenantScopedKey(TENANT, BOB));
        StudentMastery ann = summaries.get(Topics.tenantScopedKey(TENANT, ANN));
        assertThat(ann.getUpdatedTime()).isEqualTo(MONDAY_9.plusSeconds(240));
        assertThat(ann.getWeaknesses()).singleElement().satisfies(level -> {
            assertThat(level.getAttempts()).isEqualTo(5);
            assertThat(level.getPMastery()).isEqualTo(skillMastery.readKeyValuesToMap().get(skill(ANN, FRACTIONS)).getPMastery());
        });
        assertThat(summaries.get(Topics.tenantScopedKey(TENANT, BOB)).getWeaknesses()).extracting(SkillLevel::getSkillId)
                .containsExactlyInAnyOrder(FRACTIONS, DECIMALS);

        // and a quiet interval publishes nothing again
        driver.advanceWallClockTime(MasteryOptions.defaults().summaryInterval());
        assertThat(studentMastery.isEmpty()).isTrue();
    }

    @Test
    void shouldApplyAnswersArrivingOutOfOrderTogetherInEventTimeOrder() {
        // given a reorder buffer; Ann's four answers arrive in order, and Bob's same answers arrive together in the order 0, 2, 3, 1
        start(MasteryOptions.defaults().withReorderCapacity(10_000));
        publish(PUBLISHED, 1);
        List<Boolean> outcomes = List.of(true, false, true, true);
        for (int i = 0; i < 4; i++) answer(ANN, "ann-" + i, Q1, List.of(FRACTIONS), outcomes.get(i), MONDAY_9.plusSeconds(60L * i));
        for (int i : new int[] {0, 2, 3, 1}) arrive(BOB, "bob-" + i, Q1, List.of(FRACTIONS), outcomes.get(i), MONDAY_9.plusSeconds(60L * i));
        release();

        // then each of Bob's answers is predicted once, in event-time order, as Ann's were, with nothing to re-sequence
        List<MasteryPrediction> made = predictions.readValuesToList();
        assertThat(made).extracting(MasteryPrediction::getEventId)
                .containsExactly("ann-0", "ann-1", "ann-2", "ann-3", "bob-0", "bob-1", "bob-2", "bob-3");
        for (int i = 0; i < 4; i++) {
            assertThat(made.get(4 + i).getPredictions()).as("answer " + i).isEqualTo(made.get(i).getPredictions());
        }
        assertThat(meters.get("learnstream.mastery.resequenced").counter().count()).isZero();
    }

    @Test
    void shouldHoldALiveAnswerForAtMostTwoTicksWhileOthersKeepArriving() {
        // given a reorder buffer, and the stream is live: answers of a second ago
        start(MasteryOptions.defaults().withReorderCapacity(10_000), MONDAY_9.plusSeconds(1));
        publish(PUBLISHED, 1);
        driver.advanceWallClockTime(options.orderingTick()); // the first tick after a start releases all there is

        // when Ann answers, and Bob answers at each tick after
        arrive(ANN, "a1", Q1, List.of(FRACTIONS), true, MONDAY_9);
        driver.advanceWallClockTime(options.orderingTick());
        assertThat(predictions.isEmpty()).as("after one tick").isTrue();
        arrive(BOB, "b1", Q1, List.of(FRACTIONS), true, MONDAY_9.plusMillis(300));
        driver.advanceWallClockTime(options.orderingTick());

        // then Ann's answer is applied at the second tick, Bob's not yet
        assertThat(predictions.readValuesToList()).extracting(MasteryPrediction::getEventId).containsExactly("a1");
        driver.advanceWallClockTime(options.orderingTick());
        assertThat(predictions.readValuesToList()).extracting(MasteryPrediction::getEventId).containsExactly("b1");
    }

    @Test
    void shouldApplyAnswersOfThePastOnceTheStreamIsAWindowPastThem() {
        // given a reorder buffer, and a replay of the past: event times months behind the clock
        start(MasteryOptions.defaults().withReorderCapacity(10_000));
        publish(PUBLISHED, 1);

        // when Ann's answers arrive, each a minute later, the ticks passing but answers arriving at every one
        for (int i = 0; i < 12; i++) {
            arrive(ANN, "a" + i, Q1, List.of(FRACTIONS), true, MONDAY_9.plusSeconds(60L * i));
            driver.advanceWallClockTime(options.orderingTick());
        }

        // then only those ten minutes behind the stream are applied; the rest once the input goes quiet
        assertThat(predictions.readValuesToList()).extracting(MasteryPrediction::getEventId).containsExactly("a0", "a1");
        release();
        assertThat(predictions.readValuesToList()).hasSize(10);
    }

    @Test
    void shouldApplyTheEarliestHeldAnswerAtOnceWhenTheBufferIsFull() {
        // given a reorder buffer of two answers
        start(MasteryOptions.defaults().withReorderCapacity(2));
        publish(PUBLISHED, 1);

        // when three answers arrive, no tick passing, the last one earlier than the second
        arrive(ANN, "a0", Q1, List.of(FRACTIONS), true, MONDAY_9);
        arrive(ANN, "a2", Q1, List.of(FRACTIONS), true, MONDAY_9.plusSeconds(120));
        assertThat(predictions.isEmpty()).isTrue();
        arrive(ANN, "a1", Q1, List.of(FRACTIONS), false, MONDAY_9.plusSeconds(60));

        // then the earliest is applied at once, and the two others in event-time order once the ticks passed
        assertThat(predictions.readValuesToList()).extracting(MasteryPrediction::getEventId).containsExactly("a0");
        release();
        assertThat(predictions.readValuesToList()).extracting(MasteryPrediction::getEventId).containsExactly("a1", "a2");
        assertThat(meters.get("learnstream.mastery.resequenced").counter().count()).isZero();
    }

    @Test
    void shouldApplyEachAnswerAsItArrivesWithoutAReorderBuffer() {
        start(MasteryOptions.defaults().withReorderCapacity(0));
        publish(PUBLISHED, 1);

        arrive(ANN, "a1", Q1, List.of(FRACTIONS), true, MONDAY_9);

        assertThat(predictions.readValuesToList()).extracting(MasteryPrediction::getEventId).containsExactly("a1");
    }

    @Test
    void shouldPutALateAnswerWithinTheGracePeriodInItsPlace() {
        publish(PUBLISHED, 1);
        List<Boolean> outcomes = List.of(true, false, true, true);

        // given Ann's four answers arrive in order, Bob's same answers with the second one last
        for (int i = 0; i < 4; i++) answer(ANN, "ann-" + i, Q1, List.of(FRACTIONS), outcomes.get(i), MONDAY_9.plusSeconds(60L * i));
        for (int i : new int[] {0, 2, 3, 1}) answer(BOB, "bob-" + i, Q1, List.of(FRACTIONS), outcomes.get(i), MONDAY_9.plusSeconds(60L * i));

        // then Bob's latest prediction of every answer is Ann's, and so is his final mastery
        Map<String, MasteryPrediction> latest = new LinkedHashMap<>();
        predictions.readValuesToList().forEach(p -> latest.put(p.getEventId(), p));
        for (int i = 0; i < 4; i++) {
            assertThat(latest.get("bob-" + i).getPredictions()).as("answer " + i).isEqualTo(latest.get("ann-" + i).getPredictions());
        }
        Map<StudentSkill, SkillMastery> mastery = skillMastery.readKeyValuesToMap();
        assertThat(mastery.get(skill(BOB, FRACTIONS)).getPMastery()).isEqualTo(mastery.get(skill(ANN, FRACTIONS)).getPMastery());
        assertThat(mastery.get(skill(BOB, FRACTIONS)).getLastAnswerTime()).isEqualTo(MONDAY_9.plusSeconds(180));
        assertThat(deadLetters.isEmpty()).isTrue();
        // (Bob's answer 1 came after 2 and 3 had been applied: those two were undone and applied again)
        assertThat(meters.get("learnstream.mastery.resequenced").counter().count()).isEqualTo(2.0);
    }

    @Test
    void shouldSendAnAnswerBeyondTheGracePeriodBehindTheStudentsNewestAnswerToTheDeadLetters() {
        start(MasteryOptions.defaults().withGrace(Duration.ofHours(1)));
        publish(PUBLISHED, 1);
        answer(ANN, "a1", Q1, List.of(FRACTIONS), true, MONDAY_9);
        answer(ANN, "a2", Q1, List.of(FRACTIONS), true, MONDAY_9.plus(Duration.ofHours(2)));
        predictions.readValuesToList();

        // when Ann's answer of 09:30 arrives after her answer of 11:00 was applied
        answer(ANN, "a3", Q1, List.of(FRACTIONS), false, MONDAY_9.plus(Duration.ofMinutes(30)));

        // then it is not applied but kept, with the reason
        assertThat(predictions.isEmpty()).isTrue();
        DeadLetter letter = deadLetters.readValue();
        assertThat(letter.getReason()).contains("grace period of PT1H").contains("the student's newest answer");
        assertThat(letter.getPayload()).contains("a3");
    }

    @Test
    void shouldPutAStudentsAnswersInPlaceWhenAnotherStudentsLaterBacklogCameFirst() {
        start(MasteryOptions.defaults().withGrace(Duration.ofHours(1)));
        publish(PUBLISHED, 1);
        // given Bob's answers of two days later came first (the intake read his partition's backlog faster)
        answer(BOB, "b1", Q1, List.of(FRACTIONS), true, MONDAY_9.plus(Duration.ofDays(2)));
        predictions.readValuesToList();

        // when Ann's answers of Monday arrive, the second before the first
        arrive(ANN, "a2", Q1, List.of(FRACTIONS), false, MONDAY_9.plus(Duration.ofMinutes(30)));
        answer(ANN, "a1", Q1, List.of(FRACTIONS), true, MONDAY_9);

        // then both are applied, in their order: Bob's time does not make them late
        Map<String, MasteryPrediction> latest = new LinkedHashMap<>();
        predictions.readValuesToList().forEach(p -> latest.put(p.getEventId(), p));
        assertThat(latest).containsOnlyKeys("a1", "a2");
        assertThat(skillMastery.readKeyValuesToMap().get(skill(ANN, FRACTIONS)).getLastAnswerTime())
                .isEqualTo(MONDAY_9.plus(Duration.ofMinutes(30)));
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    private void publish(Map<String, Map<String, Double>> entries, long version) {
        entries.forEach((key, values) -> parameters.pipeInput(key, new MasteryParameter(key, values, version)));
        parameters.pipeInput(CurrentParameters.VERSION_KEY, new MasteryParameter(CurrentParameters.VERSION_KEY, Map.of(), version));
    }

    /** An answer arrives and is applied: the reorder buffer's two ticks pass. */
    private void answer(String student, String eventId, String item, List<String> skills, boolean correct, Instant at) {
        arrive(student, eventId, item, skills, correct, at);
        release();
    }

    /** An answer arrives; it waits in the reorder buffer until {@link #release()}. */
    private void arrive(String student, String eventId, String item, List<String> skills, boolean correct, Instant at) {
        events.pipeInput(student, event(student, eventId, item, skills, correct, at), at);
    }

    /** The input goes quiet for as long as the reorder buffer waits: what arrived before is applied. */
    private void release() {
        for (int tick = 0; tick <= ReorderBuffer.QUIET_TICKS; tick++) driver.advanceWallClockTime(options.orderingTick());
    }

    private LearningEvent event(String student, String eventId, String item, List<String> skills, Boolean correct, Instant at) {
        sequence++;
        return LearningEvent.newBuilder()
                .setEventId(eventId).setTenantId(TENANT).setStudentKey(student).setCourseId(ALGEBRA)
                .setActivityId(item).setActivityType("http://adlnet.gov/expapi/activities/cmi.interaction")
                .setVerb("http://adlnet.gov/expapi/verbs/answered")
                .setEventTime(at).setStoredTime(at.plusMillis(sequence)).setSourceFormat("xapi")
                .setSuccess(correct).setSkills(new ArrayList<>(skills))
                .build();
    }

    private static StudentSkill skill(String student, String skill) {
        return new StudentSkill(TENANT, student, skill);
    }

    private static Map<String, Double> bkt(double prior, double learn, double guess, double slip, double forget) {
        return Map.of("prior", prior, "learn", learn, "guess", guess, "slip", slip, "forget", forget);
    }
}

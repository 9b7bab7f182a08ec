package io.learnstream.streams.mastery.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MasteryModelTest {
  private static final BktParameters BKT_A = new BktParameters(0.3, 0.2, 0.25, 0.1, 0.0);
  private static final BktParameters BKT_B = new BktParameters(0.6, 0.1, 0.2, 0.2, 0.0);

  /** Hand-set weights: global bias 0.1, shared log(1+correct) 0.5, student log(1+wrong) −0.2; skill A bias 0.3 and
   * its own log(1+correct) 0.2; skill B bias 0.5; item i1 (skill A) bias −0.4, item ab (A and B) bias 0. */
  private static ParameterSet handSet() {
    Map<String, Map<String, Double>> entries = new HashMap<>();
    entries.put("bkt/default", bkt(BktParameters.TYPICAL));
    entries.put("bkt/skill/A", bkt(BKT_A));
    entries.put("bkt/skill/B", bkt(BKT_B));
    entries.put("logistic/global", Map.of("bias", 0.1, "skill_log_correct", 0.5, "student_log_wrong", -0.2));
    entries.put("logistic/skill/A", Map.of("bias", 0.3, "log_correct", 0.2));
    entries.put("logistic/skill/B", Map.of("bias", 0.5));
    entries.put("logistic/item/i1", Map.of("bias", -0.4, "skill/A", 1.0));
    entries.put("logistic/item/ab", Map.of("bias", 0.0, "skill/A", 1.0, "skill/B", 1.0));
    return ParameterSet.fromEntries(entries);
  }

  private static Map<String, Double> bkt(BktParameters p) {
    return Map.of("prior", p.prior(), "learn", p.learn(), "guess", p.guess(), "slip", p.slip(), "forget", p.forget());
  }

  @Test
  void shouldPredictLogisticAsHandComputed() {
    MasteryModel model = new MasteryModel(handSet());
    Answer first = new Answer("i1", List.of("A"), true);
    MasteryModel.Updated after = model.update(first, StudentState.initial(), Map.of());
    // student: 1 correct, 0 wrong; skill A: 1 correct. Logit = 0.1 (bias) + 0.5·ln 2 (shared) − 0.2·ln 1 (student)
    //   + 0.3 (A's bias) + 0.2·ln 2 (A's own) − 0.4 (item) = 0.7·ln 2
    double p = model.predict(new Answer("i1", List.of("A"), false), after.student(), after.skills())
        .get(MasteryModel.LOGISTIC);
    assertThat(p).isCloseTo(1.0 / (1.0 + Math.exp(-0.7 * Math.log(2))), within(1e-12));
  }

  @Test
  void shouldNotDependOnTheOutcomeWhenPredicting() {
    MasteryModel model = new MasteryModel(ParameterSet.defaults());
    MasteryModel.Updated state = model.update(new Answer("x", List.of("A"), false), StudentState.initial(), Map.of());
    Map<String, Double> ifRight = model.predict(new Answer("x", List.of("A"), true), state.student(), state.skills());
    Map<String, Double> ifWrong = model.predict(new Answer("x", List.of("A"), false), state.student(), state.skills());
    assertThat(ifRight).isEqualTo(ifWrong).containsOnlyKeys(MasteryModel.BKT, MasteryModel.LOGISTIC);
  }

  @Test
  void shouldUpdateEachSkillOfATwoSkillItemAndAverageTheirBkt() {
    MasteryModel model = new MasteryModel(handSet());
    Answer both = new Answer("ab", List.of("A", "B"), true);
    // before: BKT mean of 0.3·0.9 + 0.7·0.25 = 0.445 (A) and 0.6·0.8 + 0.4·0.2 = 0.56 (B)
    assertThat(model.predict(both, StudentState.initial(), Map.of()).get(MasteryModel.BKT))
        .isCloseTo((0.445 + 0.56) / 2, within(1e-12));
    // logistic sums both skills' terms: 0.1 + 0.3 (A) + 0.5 (B) + 0 (item), no counts yet
    assertThat(model.predictItem("ab", both.skills(), StudentState.initial(), Map.of()))
        .isCloseTo(1.0 / (1.0 + Math.exp(-0.9)), within(1e-12));
    MasteryModel.Updated after = model.update(both, StudentState.initial(), Map.of());
    assertThat(after.student().attempts()).isEqualTo(1);
    assertThat(after.skills()).containsOnlyKeys("A", "B");
    assertThat(after.skills().get("A").pMastery()).isCloseTo(Bkt.next(0.3, true, BKT_A), within(1e-12));
    assertThat(after.skills().get("B").pMastery()).isCloseTo(Bkt.next(0.6, true, BKT_B), within(1e-12));
    assertThat(after.skills().get("B").correct()).isEqualTo(1);
  }

  @Test
  void shouldPredictUnseenItemAndUnseenSkillFromFittedPriors() {
    ParameterSet fitted = ParameterSet.defaults();
    MasteryModel model = new MasteryModel(fitted);
    Answer unseen = new Answer("never-seen-item", List.of("never-seen-skill"), true);
    Map<String, Double> p = model.predict(unseen, StudentState.initial(), Map.of());
    BktParameters pooled = fitted.bktDefault();
    assertThat(p.get(MasteryModel.BKT)).isCloseTo(Bkt.predictCorrect(pooled.prior(), pooled), within(1e-12));
    // only the global weights apply: the bias, and the shared mastery weight at the pooled prior (counts are 0)
    Map<String, Double> global = fitted.entries().get("logistic/global");
    double logit = global.get("bias") + global.get("skill_mastery_logit") * LogisticFeatures.logit(pooled.prior());
    assertThat(p.get(MasteryModel.LOGISTIC)).isCloseTo(1.0 / (1.0 + Math.exp(-logit)), within(1e-12));
  }

  @Test
  void shouldPredictAnItemWithoutSkillsFromTheDefaultSkill() {
    MasteryModel model = new MasteryModel(handSet());
    Map<String, Double> p = model.predict(new Answer("i1", List.of(), true), StudentState.initial(), Map.of());
    assertThat(p.get(MasteryModel.BKT)).isCloseTo(
        Bkt.predictCorrect(BktParameters.TYPICAL.prior(), BktParameters.TYPICAL), within(1e-12));
    assertThat(p.get(MasteryModel.LOGISTIC)).isCloseTo(1.0 / (1.0 + Math.exp(-(0.1 - 0.4))), within(1e-12));
    assertThat(model.update(new Answer("i1", List.of(), true), StudentState.initial(), Map.of()).skills()).isEmpty();
  }

  @Test
  void shouldRecommendTheItemsWhosePredictedSuccessIsNearestTheTarget() {
    Map<String, Map<String, Double>> entries = new HashMap<>();
    for (int bias = -2; bias <= 2; bias++) {
      entries.put("logistic/item/b" + bias, Map.of("bias", (double) bias, "skill/A", 1.0));
    }
    entries.put("logistic/item/other", Map.of("bias", 1.0, "skill/B", 1.0));
    MasteryModel model = new MasteryModel(ParameterSet.fromEntries(entries));
    // all other weights are 0, so P(success) = sigmoid(bias): b1 0.731, b2 0.881, b0 0.5, b-1 0.269
    List<MasteryModel.PracticeItem> items =
        model.practice("A", StudentState.initial(), SkillState.initial(0.5), 0.7, 3);
    assertThat(items).extracting(MasteryModel.PracticeItem::itemId).containsExactly("b1", "b2", "b0");
    assertThat(items.getFirst().predictedSuccess()).isCloseTo(1.0 / (1.0 + Math.exp(-1.0)), within(1e-12));
    assertThat(model.practice("A", StudentState.initial(), SkillState.initial(0.5), 0.7, 10)).hasSize(5);
    assertThat(model.practice("unknown", StudentState.initial(), SkillState.initial(0.5), 0.7, 3)).isEmpty();
  }
}

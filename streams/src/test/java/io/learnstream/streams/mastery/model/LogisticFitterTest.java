package io.learnstream.streams.mastery.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LogisticFitterTest {
  /** Count weights (shared + the skill's own) must be within this of the generating ones. */
  private static final double WEIGHT_TOLERANCE = 0.1;
  /** An item's intercept (global + skill + item bias) must be within this of the generating one. */
  private static final double INTERCEPT_TOLERANCE = 0.25;
  /** Weak regularisation, so the fit is near the maximum likelihood. */
  private static final double C = 100.0;
  private static final int STUDENTS = 3000;
  private static final int ANSWERS = 40;
  private static final int ITEMS_PER_SKILL = 20;
  private static final List<String> SKILLS = List.of("S1", "S2");

  @Test
  void shouldRecoverItemSkillAndCountWeightsFromAnswersGeneratedWithThem() {
    Random random = new Random(17);
    Map<String, Map<String, Double>> entries = new HashMap<>();
    entries.put("logistic/global", Map.of("bias", 0.2, "skill_log_correct", 0.4, "skill_log_wrong", -0.3,
        "student_log_correct", 0.1));
    entries.put("logistic/skill/S1", Map.of("bias", -0.5, "log_correct", 0.2));
    entries.put("logistic/skill/S2", Map.of("bias", 0.4, "log_wrong", -0.2));
    for (String skill : SKILLS) {
      for (int i = 0; i < ITEMS_PER_SKILL; i++) {
        entries.put("logistic/item/" + skill + "-" + i, Map.of("bias", random.nextDouble(-1, 1), "skill/" + skill, 1.0));
      }
    }
    ParameterSet truth = ParameterSet.fromEntries(entries);
    List<AnswerRow> rows = generate(truth, random);

    ParameterSet fitted = new LogisticFitter(C).fit(rows, truth);

    Map<String, Map<String, Double>> t = truth.entries();
    Map<String, Map<String, Double>> f = fitted.entries();
    for (String skill : SKILLS) {
      for (String weight : List.of("log_correct", "log_wrong")) {
        assertThat(effective(f, skill, weight)).as(skill + " " + weight)
            .isCloseTo(effective(t, skill, weight), within(WEIGHT_TOLERANCE));
      }
      for (int i = 0; i < ITEMS_PER_SKILL; i++) {
        String item = skill + "-" + i;
        assertThat(intercept(f, skill, item)).as(item).isCloseTo(intercept(t, skill, item), within(INTERCEPT_TOLERANCE));
      }
    }
    assertThat(f.get("logistic/global").get("student_log_correct")).isCloseTo(0.1, within(WEIGHT_TOLERANCE));
  }

  /** The weight a feature of a skill has in the logit: the shared one plus the skill's own. */
  private static double effective(Map<String, Map<String, Double>> entries, String skill, String weight) {
    return entries.get("logistic/global").getOrDefault("skill_" + weight, 0.0)
        + entries.get("logistic/skill/" + skill).getOrDefault(weight, 0.0);
  }

  /** The logit of an item before any answer (global, skill and item bias are not separately identified). */
  private static double intercept(Map<String, Map<String, Double>> entries, String skill, String item) {
    return entries.get("logistic/global").get("bias") + entries.get("logistic/skill/" + skill).get("bias")
        + entries.get("logistic/item/" + item).get("bias");
  }

  /** Students answering random items of random skills, outcomes drawn from the logistic model of {@code truth}. */
  private static List<AnswerRow> generate(ParameterSet truth, Random random) {
    MasteryModel model = new MasteryModel(truth);
    List<AnswerRow> rows = new ArrayList<>();
    for (int s = 0; s < STUDENTS; s++) {
      StudentState student = StudentState.initial();
      Map<String, SkillState> skills = new HashMap<>();
      for (int t = 0; t < ANSWERS; t++) {
        String skill = SKILLS.get(random.nextInt(SKILLS.size()));
        String item = skill + "-" + random.nextInt(ITEMS_PER_SKILL);
        double p = model.predictItem(item, List.of(skill), student, skills);
        Answer answer = new Answer(item, List.of(skill), random.nextDouble() < p);
        rows.add(new AnswerRow("student" + s, answer));
        MasteryModel.Updated updated = model.update(answer, student, skills);
        student = updated.student();
        skills.putAll(updated.skills());
      }
    }
    return rows;
  }
}

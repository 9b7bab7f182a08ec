package io.learnstream.streams.mastery.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The features of the {@code logistic} model, computed from the states as they are before an answer: the one
 * definition both {@link LogisticFitter} (replaying the training answers) and {@link MasteryModel} (serving) use, so
 * training and serving cannot drift apart.
 *
 * <p>The model is Best-LR (Gervet et al. 2020: item and skill difficulty, log(1+successes) and log(1+failures) per
 * skill and overall) extended by recency: decayed counts, the last outcomes and the streak, per skill and overall,
 * how many answers in other skills came since the skill was last practised, and the BKT mastery of the skill. Its
 * logit is
 * <pre>
 *   Σ_j global[j]·g[j]  +  item.bias  +  Σ_{s in the item's skills} ( skill_s.bias + Σ_k skill_s[k]·x_s[k] )
 * </pre>
 * where {@code g} holds the bias (1), the student features and, summed over the item's skills, the per-skill
 * features again under a weight shared by all skills. The shared weights are what an unseen skill gets (its own
 * weights are 0); an unseen item's bias is 0, so the global and skill terms carry it.
 */
final class LogisticFeatures {
  /** The per-skill features, in the order of {@link Sink#skill}'s array (each also has a shared global weight). */
  static final List<String> SKILL = List.of(
      "log_correct", "log_wrong", "log_decayed_correct", "log_decayed_wrong", "last1", "last2", "last3", "streak",
      "log_answers_since", "mastery_logit");
  /** The student features, after the bias in the global array. */
  static final List<String> STUDENT = List.of(
      "student_log_correct", "student_log_wrong", "student_log_decayed_correct", "student_log_decayed_wrong",
      "student_decayed_accuracy", "student_last1", "student_streak");
  /** The name of the bias in the global and per-skill weights. */
  static final String BIAS = "bias";
  /** The prefix of the shared weight of a per-skill feature in the global weights. */
  static final String SHARED_PREFIX = "skill_";
  /** The global weights' names, in the order of {@link Sink#global}'s array: bias, student, shared skill features. */
  static final List<String> GLOBAL = globalNames();
  /** The per-skill weights' names, in the order of {@link ParameterSet#logisticSkill}: bias, then {@link #SKILL}. */
  static final List<String> SKILL_WEIGHTS = skillWeightNames();

  private static final int FIRST_SHARED = 1 + STUDENT.size();
  /** P(mastered) is clamped to [this, 1-this] before its logit is taken. */
  private static final double MASTERY_CLAMP = 0.01;

  /** Receives the features of one prediction. */
  interface Sink {
    /** The global features, indexed like {@link #GLOBAL} (the array is reused; read it now). */
    void global(double[] values);

    /** The item's own bias feature (value 1). */
    void item(String itemId);

    /** One skill of the item: its bias feature (value 1) and its features indexed like {@link #SKILL}. */
    void skill(String skillId, double[] values);
  }

  private LogisticFeatures() {}

  /**
   * Emits the features of answering {@code itemId} (exercising {@code skills}) now; a skill without a state in
   * {@code states} counts as {@link SkillState#initial} with its BKT prior.
   */
  static void emit(String itemId, List<String> skills, StudentState student, Map<String, SkillState> states,
      ParameterSet parameters, Sink sink) {
    double[] global = new double[GLOBAL.size()];
    int g = 0;
    global[g++] = 1.0;
    global[g++] = Math.log1p(student.correct());
    global[g++] = Math.log1p(student.wrong());
    global[g++] = Math.log1p(student.decayedCorrect());
    global[g++] = Math.log1p(student.decayedWrong());
    global[g++] = decayedAccuracy(student.decayedCorrect(), student.decayedWrong());
    global[g++] = student.recentOutcome(0);
    global[g] = signedLog(student.streak());
    double[] skill = new double[SKILL.size()];
    for (int i = 0; i < skills.size(); i++) {
      String skillId = skills.get(i);
      SkillState state = states.get(skillId);
      if (state == null) {
        state = SkillState.initial(parameters.bkt(skillId).prior());
      }
      int k = 0;
      skill[k++] = Math.log1p(state.correct());
      skill[k++] = Math.log1p(state.wrong());
      skill[k++] = Math.log1p(state.decayedCorrect());
      skill[k++] = Math.log1p(state.decayedWrong());
      skill[k++] = state.recentOutcome(0);
      skill[k++] = state.recentOutcome(1);
      skill[k++] = state.recentOutcome(2);
      skill[k++] = signedLog(state.streak());
      skill[k++] = Math.log1p(state.answersSince(student.attempts()));
      skill[k] = logit(Math.clamp(state.pMastery(), MASTERY_CLAMP, 1.0 - MASTERY_CLAMP));
      for (int j = 0; j < skill.length; j++) {
        global[FIRST_SHARED + j] += skill[j];
      }
      sink.skill(skillId, skill);
    }
    sink.item(itemId);
    sink.global(global);
  }

  /** (decayed correct − decayed wrong) / (decayed total + 1): in (-1, 1), 0 before any answer. */
  private static double decayedAccuracy(double decayedCorrect, double decayedWrong) {
    return (decayedCorrect - decayedWrong) / (decayedCorrect + decayedWrong + 1.0);
  }

  private static double signedLog(int streak) {
    return Math.signum(streak) * Math.log1p(Math.abs(streak));
  }

  static double logit(double p) {
    return Math.log(p / (1.0 - p));
  }

  static double sigmoid(double z) {
    return 1.0 / (1.0 + Math.exp(-z));
  }

  private static List<String> globalNames() {
    List<String> names = new ArrayList<>();
    names.add(BIAS);
    names.addAll(STUDENT);
    for (String name : SKILL) {
      names.add(SHARED_PREFIX + name);
    }
    return List.copyOf(names);
  }

  private static List<String> skillWeightNames() {
    List<String> names = new ArrayList<>();
    names.add(BIAS);
    names.addAll(SKILL);
    return List.copyOf(names);
  }
}

package io.learnstream.streams.mastery.model;

import java.util.List;
import java.util.Map;

/** The maths of Bayesian knowledge tracing (Corbett &amp; Anderson 1995), with an optional forget rate. */
public final class Bkt {
  private Bkt() {}

  /** P(correct) of the next answer given P(mastered): {@code pL(1-slip) + (1-pL)guess}. */
  public static double predictCorrect(double pMastery, BktParameters p) {
    return pMastery * (1.0 - p.slip()) + (1.0 - pMastery) * p.guess();
  }

  /** P(mastered | the answer just seen), by Bayes' rule, before any transition. */
  public static double posterior(double pMastery, boolean correct, BktParameters p) {
    double known = pMastery * (correct ? 1.0 - p.slip() : p.slip());
    double unknown = (1.0 - pMastery) * (correct ? p.guess() : 1.0 - p.guess());
    double evidence = known + unknown;
    return evidence > 0.0 ? known / evidence : pMastery;
  }

  /** P(mastered) before the next answer: {@code posterior·(1-forget) + (1-posterior)·learn}. */
  public static double next(double pMastery, boolean correct, BktParameters p) {
    double posterior = posterior(pMastery, correct, p);
    return posterior * (1.0 - p.forget()) + (1.0 - posterior) * p.learn();
  }

  /**
   * P(correct) of an item: the mean of {@link #predictCorrect} over the item's skills, each with its own state and
   * parameters (missing states count as the skill's prior). An item without skills gets the default skill's prior
   * prediction.
   */
  public static double predictItem(List<String> skills, Map<String, SkillState> states, ParameterSet parameters) {
    if (skills.isEmpty()) {
      BktParameters p = parameters.bktDefault();
      return predictCorrect(p.prior(), p);
    }
    double sum = 0.0;
    for (int i = 0; i < skills.size(); i++) {
      String skill = skills.get(i);
      BktParameters p = parameters.bkt(skill);
      SkillState state = states.get(skill);
      sum += predictCorrect(state == null ? p.prior() : state.pMastery(), p);
    }
    return sum / skills.size();
  }
}

package io.learnstream.streams.mastery.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The two per-skill knowledge-tracing models, {@value #BKT} and {@value #LOGISTIC}, over one {@link ParameterSet}:
 * predictions before an answer, the state update after it, and item predictions for practice recommendations.
 * Stateless (thread-safe); every method is O(number of the item's skills) except {@link #practice}.
 */
public final class MasteryModel {
  /** The name of Bayesian knowledge tracing's prediction. */
  public static final String BKT = "bkt";
  /** The name of the logistic (Best-LR with recency) model's prediction. */
  public static final String LOGISTIC = "logistic";

  /** The new states after an answer: the student's and one per skill of the answer. */
  public record Updated(StudentState student, Map<String, SkillState> skills) {}

  /** An item recommended for practice and the logistic model's P(correct) for it. */
  public record PracticeItem(String itemId, double predictedSuccess) {}

  private final ParameterSet parameters;

  public MasteryModel(ParameterSet parameters) {
    this.parameters = Objects.requireNonNull(parameters, "parameters");
  }

  public ParameterSet parameters() { return parameters; }

  /**
   * P(correct) of the answer per model name, from the states before it: {@code a.correct()} is not read.
   * {@code skills} holds the states of {@code a.skills()}; a missing one is the skill's initial state.
   */
  public Map<String, Double> predict(Answer a, StudentState s, Map<String, SkillState> skills) {
    return Map.of(
        BKT, Bkt.predictItem(a.skills(), skills, parameters),
        LOGISTIC, predictItem(a.itemId(), a.skills(), s, skills));
  }

  /** The logistic model's P(correct) of answering {@code itemId} (exercising {@code itemSkills}) now. */
  public double predictItem(String itemId, List<String> itemSkills, StudentState s, Map<String, SkillState> skills) {
    return LogisticFeatures.sigmoid(logit(itemId, itemSkills, s, skills));
  }

  /** The states after the answer: the student's, and each of the answer's skills' (BKT with its parameters). */
  public Updated update(Answer a, StudentState s, Map<String, SkillState> skills) {
    boolean correct = a.correct();
    List<String> answerSkills = a.skills();
    Map<String, SkillState> next = switch (answerSkills.size()) {
      case 0 -> Map.of();
      case 1 -> Map.of(answerSkills.getFirst(), nextSkill(answerSkills.getFirst(), skills, correct, s));
      default -> {
        Map<String, SkillState> several = HashMap.newHashMap(answerSkills.size());
        for (String skill : answerSkills) {
          several.put(skill, nextSkill(skill, skills, correct, s));
        }
        yield Map.copyOf(several);
      }
    };
    return new Updated(s.next(correct), next);
  }

  /**
   * Up to {@code n} fitted items of {@code skillId} whose predicted success is nearest {@code target}, nearest
   * first. The prediction of each item is its bias plus this skill's and the student's terms: exact for items of
   * one skill; an item of several skills is approximated as if it exercised only {@code skillId} (the states of its
   * other skills are not at hand). O(log items + n): the skill's items are sorted by bias and the prediction is
   * monotone in the bias, so the nearest ones are found by a binary search and a walk outwards.
   */
  public List<PracticeItem> practice(String skillId, StudentState s, SkillState skill, double target, int n) {
    ParameterSet.Item[] items = parameters.catalogue(skillId);
    int wanted = Math.min(n, items.length);
    List<PracticeItem> out = new ArrayList<>(Math.max(wanted, 0));
    if (wanted <= 0) {
      return out;
    }
    double base = logit(null, List.of(skillId), s, Map.of(skillId, skill));
    double neededBias = LogisticFeatures.logit(target) - base;
    int above = lowerBound(items, neededBias);
    int below = above - 1;
    while (out.size() < wanted) {
      double pBelow = below >= 0 ? LogisticFeatures.sigmoid(base + items[below].bias()) : Double.NaN;
      double pAbove = above < items.length ? LogisticFeatures.sigmoid(base + items[above].bias()) : Double.NaN;
      boolean takeBelow = above >= items.length
          || (below >= 0 && Math.abs(pBelow - target) <= Math.abs(pAbove - target));
      if (takeBelow) {
        out.add(new PracticeItem(items[below].itemId(), pBelow));
        below--;
      } else {
        out.add(new PracticeItem(items[above].itemId(), pAbove));
        above++;
      }
    }
    return out;
  }

  private SkillState nextSkill(String skill, Map<String, SkillState> skills, boolean correct, StudentState s) {
    BktParameters p = parameters.bkt(skill);
    SkillState state = skills.get(skill);
    return (state == null ? SkillState.initial(p.prior()) : state).next(correct, p, s.attempts());
  }

  /** The logistic model's logit; {@code itemId} null leaves the item's bias out. */
  private double logit(String itemId, List<String> itemSkills, StudentState s, Map<String, SkillState> skills) {
    Scorer scorer = new Scorer(parameters);
    LogisticFeatures.emit(itemId, itemSkills, s, skills, parameters, scorer);
    return scorer.logit;
  }

  /** The first index whose bias is at least {@code bias}. */
  private static int lowerBound(ParameterSet.Item[] items, double bias) {
    int low = 0;
    int high = items.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (items[mid].bias() < bias) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  /** Sums the weights times the features: the logit of the logistic model. */
  private static final class Scorer implements LogisticFeatures.Sink {
    private final ParameterSet parameters;
    private double logit;

    Scorer(ParameterSet parameters) {
      this.parameters = parameters;
    }

    @Override
    public void global(double[] values) {
      logit += dot(parameters.logisticGlobal(), 0, values);
    }

    @Override
    public void item(String itemId) {
      ParameterSet.Item item = itemId == null ? null : parameters.item(itemId);
      if (item != null) {
        logit += item.bias();
      }
    }

    @Override
    public void skill(String skillId, double[] values) {
      double[] weights = parameters.logisticSkill(skillId);
      if (weights != null) {
        logit += weights[0] + dot(weights, 1, values);
      }
    }

    private static double dot(double[] weights, int weightFrom, double[] values) {
      double sum = 0.0;
      for (int i = 0; i < values.length; i++) {
        sum += weights[weightFrom + i] * values[i];
      }
      return sum;
    }
  }
}

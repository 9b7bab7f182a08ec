package io.learnstream.streams.mastery.model;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fits the {@code logistic} model by L2-regularised maximum likelihood (liblinear, {@link SolverType#L2R_LR}).
 * Each student's answers are replayed through {@link MasteryModel#update} (the serving code) and each answer's
 * features are taken by {@link LogisticFeatures} from the states before it, so the fit sees exactly what serving
 * will compute. An item's skills in the catalogue are those of its first answer in the data.
 */
public final class LogisticFitter {
  /** liblinear's inverse regularisation strength, chosen on a held-out split of the training students. */
  public static final double DEFAULT_C = 0.6;
  /** liblinear's stopping tolerance. */
  private static final double EPSILON = 0.001;
  private static final double CORRECT = 1.0;
  private static final double WRONG = -1.0;

  private final double c;

  /** @param c liblinear's inverse regularisation strength (larger: weaker L2 penalty) */
  public LogisticFitter(double c) {
    if (!(c > 0)) {
      throw new IllegalArgumentException("C must be positive, was " + c);
    }
    this.c = c;
  }

  /**
   * Fits the logistic weights; the BKT parameters (whose mastery is a feature) are those of {@code bkt}, and the
   * result is {@code bkt} with the fitted logistic weights and item catalogue.
   */
  public ParameterSet fit(List<AnswerRow> rows, ParameterSet bkt) {
    Indexer indexer = new Indexer();
    Feature[][] x = new Feature[rows.size()][];
    double[] y = new double[rows.size()];
    MasteryModel replay = new MasteryModel(bkt);
    Map<String, StudentState> students = new HashMap<>();
    Map<String, Map<String, SkillState>> skillsByStudent = new HashMap<>();
    Map<String, List<String>> itemSkills = new LinkedHashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      AnswerRow row = rows.get(i);
      Answer answer = row.answer();
      StudentState student = students.getOrDefault(row.studentId(), StudentState.initial());
      Map<String, SkillState> skills = skillsByStudent.computeIfAbsent(row.studentId(), s -> new HashMap<>());
      LogisticFeatures.emit(answer.itemId(), answer.skills(), student, skills, bkt, indexer);
      x[i] = indexer.row();
      y[i] = answer.correct() ? CORRECT : WRONG;
      itemSkills.putIfAbsent(answer.itemId(), answer.skills());
      MasteryModel.Updated updated = replay.update(answer, student, skills);
      students.put(row.studentId(), updated.student());
      skills.putAll(updated.skills());
    }
    Problem problem = new Problem();
    problem.l = rows.size();
    problem.n = indexer.size();
    problem.x = x;
    problem.y = y;
    problem.bias = -1;
    Linear.disableDebugOutput();
    Model model = Linear.train(problem, new Parameter(SolverType.L2R_LR, c, EPSILON));
    double[] w = model.getFeatureWeights();
    double sign = model.getLabels()[0] == (int) CORRECT ? 1.0 : -1.0;
    return indexer.parameters(bkt, w, sign, itemSkills);
  }

  /** Gives every feature a liblinear index (from 1) the first time it is seen and collects a row's features. */
  private static final class Indexer implements LogisticFeatures.Sink {
    private static final int GLOBAL_FIRST = 1;
    private final Map<String, Integer> skillFirst = new LinkedHashMap<>();
    private final Map<String, Integer> itemIndex = new LinkedHashMap<>();
    private final List<FeatureNode> row = new ArrayList<>();
    private int next = GLOBAL_FIRST + LogisticFeatures.GLOBAL.size();

    @Override
    public void global(double[] values) {
      add(GLOBAL_FIRST, values);
    }

    @Override
    public void item(String itemId) {
      row.add(new FeatureNode(itemIndex.computeIfAbsent(itemId, i -> next++), 1.0));
    }

    @Override
    public void skill(String skillId, double[] values) {
      int first = skillFirst.computeIfAbsent(skillId, s -> {
        int at = next;
        next += LogisticFeatures.SKILL_WEIGHTS.size();
        return at;
      });
      row.add(new FeatureNode(first, 1.0));
      add(first + 1, values);
    }

    private void add(int first, double[] values) {
      for (int k = 0; k < values.length; k++) {
        if (values[k] != 0.0) {
          row.add(new FeatureNode(first + k, values[k]));
        }
      }
    }

    /** The row collected since the last call, sorted by index as liblinear wants it. */
    Feature[] row() {
      Feature[] out = row.toArray(Feature[]::new);
      Arrays.sort(out, Comparator.comparingInt(Feature::getIndex));
      row.clear();
      return out;
    }

    int size() {
      return next - 1;
    }

    ParameterSet parameters(ParameterSet bkt, double[] w, double sign, Map<String, List<String>> itemSkills) {
      double[] global = slice(w, GLOBAL_FIRST, LogisticFeatures.GLOBAL.size(), sign);
      Map<String, double[]> skills = new HashMap<>();
      skillFirst.forEach((skill, first) ->
          skills.put(skill, slice(w, first, LogisticFeatures.SKILL_WEIGHTS.size(), sign)));
      Map<String, ParameterSet.Item> items = new HashMap<>();
      itemIndex.forEach((item, index) ->
          items.put(item, new ParameterSet.Item(item, sign * w[index - 1], itemSkills.get(item))));
      return new ParameterSet(bkt.bktDefault(), bkt.bktSkills(), global, skills, items);
    }

    private static double[] slice(double[] w, int firstIndex, int length, double sign) {
      double[] out = new double[length];
      for (int k = 0; k < length; k++) {
        out[k] = sign * w[firstIndex - 1 + k];
      }
      return out;
    }
  }
}

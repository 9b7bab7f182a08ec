package io.learnstream.streams.mastery.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Fits the mastery models on a training set alone, choosing the logistic model's regularisation there: it fits
 * each candidate C on {@value #FIT_SHARE_PERCENT}% of the training students, keeps the C whose logistic model
 * predicts the other students' next answers best (AUC), and fits on all the training students with it. Nothing of
 * any test set is looked at, so the same command works on data it has never seen.
 */
public final class RegularizationSearch {
  /** The candidates: liblinear's C from strong to weak regularisation. */
  public static final double[] CANDIDATES = {0.1, 0.3, 1.0, 3.0};
  static final int FIT_SHARE_PERCENT = 80;
  static final long SPLIT_SEED = 20260;

  /** One candidate's held-out figures. */
  public record Trial(double c, double logisticAuc, double bktAuc, long fitMillis) {}

  /** The parameters fitted on all rows with the chosen C, and how each candidate did. */
  public record Result(ParameterSet parameters, double chosenC, List<Trial> trials) {}

  private final double[] candidates;

  public RegularizationSearch(double... candidates) {
    if (candidates.length == 0) throw new IllegalArgumentException("no candidate C");
    this.candidates = candidates.clone();
  }

  /** @param progress told of each step as it finishes */
  public Result fit(List<AnswerRow> rows, Consumer<String> progress) {
    if (rows.isEmpty()) throw new IllegalArgumentException("no answers to fit on");
    double chosen = candidates[0];
    List<Trial> trials = new ArrayList<>();
    if (candidates.length > 1) {
      StudentSplit split = StudentSplit.of(rows, 1 - FIT_SHARE_PERCENT / 100.0, SPLIT_SEED);
      if (split.fit().isEmpty() || split.heldOut().isEmpty()) {
        throw new IllegalArgumentException("too few students to hold some out for choosing the regularisation");
      }
      double best = Double.NEGATIVE_INFINITY;
      for (double c : candidates) {
        long start = System.nanoTime();
        ParameterSet fitted = new MasteryFitter(MasteryFitter.FIT_FORGET, c).fit(split.fit());
        long millis = (System.nanoTime() - start) / 1_000_000;
        var scores = NextAnswerScoring.score(fitted, split.heldOut());
        Trial trial = new Trial(c, scores.get(MasteryModel.LOGISTIC).auc(), scores.get(MasteryModel.BKT).auc(), millis);
        trials.add(trial);
        progress.accept(String.format(java.util.Locale.ROOT, "C=%s on held-out training students: logistic AUC %.4f, bkt AUC %.4f (fit %.1f s)",
            c, trial.logisticAuc(), trial.bktAuc(), millis / 1000.0));
        if (trial.logisticAuc() > best) {
          best = trial.logisticAuc();
          chosen = c;
        }
      }
    }
    ParameterSet parameters = new MasteryFitter(MasteryFitter.FIT_FORGET, chosen).fit(rows);
    return new Result(parameters, chosen, List.copyOf(trials));
  }
}

package io.learnstream.streams.mastery.model;

import java.util.List;
import java.util.Map;

/**
 * Fits both mastery models on answers (rows of a student in the order answered): BKT by {@link BktFitter}, then the
 * logistic model by {@link LogisticFitter} with that BKT's mastery as one of its features.
 */
public final class MasteryFitter {
  private final BktFitter bkt;
  private final LogisticFitter logistic;

  /** The settings the shipped defaults were fitted with: forget fixed at 0, {@link LogisticFitter#DEFAULT_C}. */
  public MasteryFitter() {
    this(false, LogisticFitter.DEFAULT_C);
  }

  /**
   * @param fitForget whether BKT fits a forget rate
   * @param c         liblinear's inverse regularisation strength for the logistic model
   */
  public MasteryFitter(boolean fitForget, double c) {
    this.bkt = new BktFitter(fitForget);
    this.logistic = new LogisticFitter(c);
  }

  /** All parameters of both models fitted on {@code rows}. */
  public ParameterSet fit(List<AnswerRow> rows) {
    BktFitter.Fit fit = bkt.fit(rows);
    ParameterSet untrained = ParameterSet.untrained();
    ParameterSet withBkt = new ParameterSet(fit.pooled(), fit.skills(), untrained.logisticGlobal(), Map.of(), Map.of());
    return logistic.fit(rows, withBkt);
  }
}

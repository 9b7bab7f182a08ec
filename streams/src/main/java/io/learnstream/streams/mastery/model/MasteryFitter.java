package io.learnstream.streams.mastery.model;

import java.util.List;
import java.util.Map;

/**
 * Fits both mastery models on answers (rows of a student in the order answered): BKT by {@link BktFitter}, then the
 * logistic model by {@link LogisticFitter} with that BKT's mastery as one of its features.
 */
public final class MasteryFitter {
  /** Whether the production fit lets BKT fit forget (chosen on a held-out split of the training students). */
  public static final boolean FIT_FORGET = true;

  private final BktFitter bkt;
  private final LogisticFitter logistic;

  /**
   * The settings the shipped defaults were fitted with, chosen on a held-out split of the training students: BKT
   * fits forget (on ASSISTments 2009 held-out AUC, BKT 0.720 → 0.724 and logistic 0.7837 → 0.7855), and
   * {@link LogisticFitter#DEFAULT_C}.
   */
  public MasteryFitter() {
    this(FIT_FORGET, LogisticFitter.DEFAULT_C);
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

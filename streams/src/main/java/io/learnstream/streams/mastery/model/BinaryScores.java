package io.learnstream.streams.mastery.model;

import java.util.Arrays;
import java.util.Comparator;

/**
 * How well predicted probabilities of a binary outcome match the outcomes: AUC (rank-based, tied predictions get
 * their mean rank), RMSE and log-loss (mean negative log-likelihood, probabilities clamped to
 * [{@value #LOG_LOSS_CLAMP}, 1-{@value #LOG_LOSS_CLAMP}]).
 *
 * @param auc     P(a random correct answer is predicted higher than a random wrong one); NaN without both kinds
 * @param rmse    root mean squared error of the probabilities
 * @param logLoss mean negative natural log-likelihood
 * @param count   how many predictions
 */
public record BinaryScores(double auc, double rmse, double logLoss, int count) {
  /** Probabilities are kept this far from 0 and 1 in the log-loss. */
  public static final double LOG_LOSS_CLAMP = 1e-15;

  /** The scores of {@code predicted[i]} against {@code actual[i]}. */
  public static BinaryScores of(double[] predicted, boolean[] actual) {
    if (predicted.length != actual.length) {
      throw new IllegalArgumentException(predicted.length + " predictions for " + actual.length + " outcomes");
    }
    return new BinaryScores(auc(predicted, actual), rmse(predicted, actual), logLoss(predicted, actual),
        predicted.length);
  }

  /** The rank-based AUC (Mann–Whitney U / (positives × negatives)), ties counted half. */
  public static double auc(double[] predicted, boolean[] actual) {
    Integer[] order = new Integer[predicted.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble(i -> predicted[i]));
    double positiveRankSum = 0.0;
    long positives = 0;
    int start = 0;
    while (start < order.length) {
      int end = start;
      while (end + 1 < order.length && predicted[order[end + 1]] == predicted[order[start]]) {
        end++;
      }
      double meanRank = (start + end) / 2.0 + 1.0;
      for (int k = start; k <= end; k++) {
        if (actual[order[k]]) {
          positiveRankSum += meanRank;
          positives++;
        }
      }
      start = end + 1;
    }
    long negatives = order.length - positives;
    if (positives == 0 || negatives == 0) {
      return Double.NaN;
    }
    return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
  }

  public static double rmse(double[] predicted, boolean[] actual) {
    double sum = 0.0;
    for (int i = 0; i < predicted.length; i++) {
      double error = predicted[i] - (actual[i] ? 1.0 : 0.0);
      sum += error * error;
    }
    return Math.sqrt(sum / predicted.length);
  }

  public static double logLoss(double[] predicted, boolean[] actual) {
    double sum = 0.0;
    for (int i = 0; i < predicted.length; i++) {
      double p = Math.clamp(predicted[i], LOG_LOSS_CLAMP, 1.0 - LOG_LOSS_CLAMP);
      sum -= Math.log(actual[i] ? p : 1.0 - p);
    }
    return sum / predicted.length;
  }
}

package io.learnstream.streams.mastery.model;

/**
 * The five parameters of Bayesian knowledge tracing for one skill, all probabilities.
 *
 * @param prior  P(mastered) before the first answer
 * @param learn  P(not mastered → mastered) after an answer
 * @param guess  P(correct | not mastered)
 * @param slip   P(wrong | mastered)
 * @param forget P(mastered → not mastered) after an answer (0 in classic BKT)
 */
public record BktParameters(double prior, double learn, double guess, double slip, double forget) {
  /** Typical starting values of the literature, used before anything was fitted. */
  public static final BktParameters TYPICAL = new BktParameters(0.4, 0.1, 0.2, 0.1, 0.0);

  public BktParameters {
    requireProbability("prior", prior);
    requireProbability("learn", learn);
    requireProbability("guess", guess);
    requireProbability("slip", slip);
    requireProbability("forget", forget);
  }

  private static void requireProbability(String name, double value) {
    if (!(value >= 0.0 && value <= 1.0)) {
      throw new IllegalArgumentException(name + " must be a probability, was " + value);
    }
  }
}

package io.learnstream.streams.mastery.model;

import java.util.Arrays;

/**
 * What the logistic model knows of one student across all skills: total counts, decayed counts, the last outcomes
 * and the streak. Immutable; {@link #next} returns a new state.
 *
 * <p>Encoded as a fixed-size {@code double[]} (see {@link #encode()}) so it can be stored as Avro
 * {@code array<double>}; fields added later go at the end and {@link #decode} fills what an older, shorter array
 * lacks with the initial values.
 */
public final class StudentState {
  /** Per answer, the student's decayed counts are multiplied by this before the new answer is added. */
  public static final double DECAY = 0.9;

  private static final int ATTEMPTS = 0;
  private static final int CORRECT = 1;
  private static final int DECAYED_CORRECT = 2;
  private static final int DECAYED_WRONG = 3;
  private static final int RECENT = 4;
  private static final int STREAK = 5;
  /** The length of {@link #encode()}. */
  public static final int ENCODED_LENGTH = 6;

  private static final StudentState INITIAL = new StudentState(0, 0, 0.0, 0.0, 0, 0);

  private final int attempts;
  private final int correct;
  private final double decayedCorrect;
  private final double decayedWrong;
  private final int recent;
  private final int streak;

  private StudentState(int attempts, int correct, double decayedCorrect, double decayedWrong, int recent,
      int streak) {
    this.attempts = attempts;
    this.correct = correct;
    this.decayedCorrect = decayedCorrect;
    this.decayedWrong = decayedWrong;
    this.recent = recent;
    this.streak = streak;
  }

  /** The state of a student who has answered nothing yet. */
  public static StudentState initial() { return INITIAL; }

  /** The state after one more answer (of any skill). */
  public StudentState next(boolean answeredCorrectly) {
    return new StudentState(
        attempts + 1,
        correct + (answeredCorrectly ? 1 : 0),
        Recency.decayed(decayedCorrect, DECAY, answeredCorrectly),
        Recency.decayed(decayedWrong, DECAY, !answeredCorrectly),
        Recency.recent(recent, answeredCorrectly),
        Recency.streak(streak, answeredCorrectly));
  }

  public int attempts() { return attempts; }

  public int correct() { return correct; }

  public int wrong() { return attempts - correct; }

  /** Correct answers, each weighted {@link #DECAY}^(answers since). */
  public double decayedCorrect() { return decayedCorrect; }

  /** Wrong answers, each weighted {@link #DECAY}^(answers since). */
  public double decayedWrong() { return decayedWrong; }

  /** The outcome {@code back} answers ago (0 = the latest): +1 correct, -1 wrong, 0 none. */
  public double recentOutcome(int back) { return Recency.outcome(recent, attempts, back); }

  /** +k after k correct answers in a row, -k after k wrong ones, 0 before any. */
  public int streak() { return streak; }

  /** This state as {@value #ENCODED_LENGTH} doubles (integers are exact in a double). */
  public double[] encode() {
    double[] out = new double[ENCODED_LENGTH];
    out[ATTEMPTS] = attempts;
    out[CORRECT] = correct;
    out[DECAYED_CORRECT] = decayedCorrect;
    out[DECAYED_WRONG] = decayedWrong;
    out[RECENT] = recent;
    out[STREAK] = streak;
    return out;
  }

  /** The state {@link #encode()} wrote; an older, shorter array (at least the two counts) is accepted. */
  public static StudentState decode(double[] encoded) {
    if (encoded.length <= CORRECT) {
      throw new IllegalArgumentException("a student state has at least " + (CORRECT + 1) + " values, got "
          + encoded.length);
    }
    return new StudentState(
        (int) encoded[ATTEMPTS],
        (int) encoded[CORRECT],
        valueOr(encoded, DECAYED_CORRECT),
        valueOr(encoded, DECAYED_WRONG),
        (int) valueOr(encoded, RECENT),
        (int) valueOr(encoded, STREAK));
  }

  private static double valueOr(double[] encoded, int index) {
    return index < encoded.length ? encoded[index] : 0.0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StudentState s && Arrays.equals(encode(), s.encode());
  }

  @Override
  public int hashCode() { return Arrays.hashCode(encode()); }

  @Override
  public String toString() { return "StudentState" + Arrays.toString(encode()); }
}

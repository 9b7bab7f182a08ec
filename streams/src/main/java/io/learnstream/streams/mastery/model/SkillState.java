package io.learnstream.streams.mastery.model;

import java.util.Arrays;

/**
 * What the models know of one student in one skill after the answers so far: counts, the BKT probability of
 * mastery, decayed counts, the last outcomes, the streak and when the skill was last practised (as the student's
 * answer count then, see {@link #answersSince}). Immutable; {@link #next} returns a new state.
 *
 * <p>Encoded as a fixed-size {@code double[]} (see {@link #encode()}) so it can be stored as Avro
 * {@code array<double>}; fields added later go at the end and {@link #decode} fills what an older, shorter array
 * lacks with the initial values.
 */
public final class SkillState {
  /** Per answer, the decayed counts of this skill are multiplied by this before the new answer is added. */
  public static final double DECAY = 0.7;

  private static final int ATTEMPTS = 0;
  private static final int CORRECT = 1;
  private static final int P_MASTERY = 2;
  private static final int DECAYED_CORRECT = 3;
  private static final int DECAYED_WRONG = 4;
  private static final int RECENT = 5;
  private static final int STREAK = 6;
  private static final int LAST_SEEN = 7;
  /** The length of {@link #encode()}. */
  public static final int ENCODED_LENGTH = 8;

  private final int attempts;
  private final int correct;
  private final double pMastery;
  private final double decayedCorrect;
  private final double decayedWrong;
  private final int recent;
  private final int streak;
  private final int lastSeen;

  private SkillState(int attempts, int correct, double pMastery, double decayedCorrect, double decayedWrong,
      int recent, int streak, int lastSeen) {
    this.attempts = attempts;
    this.correct = correct;
    this.pMastery = pMastery;
    this.decayedCorrect = decayedCorrect;
    this.decayedWrong = decayedWrong;
    this.recent = recent;
    this.streak = streak;
    this.lastSeen = lastSeen;
  }

  /** The state before any answer in the skill: no counts, P(mastered) = the skill's BKT prior. */
  public static SkillState initial(double bktPrior) {
    return new SkillState(0, 0, bktPrior, 0.0, 0.0, 0, 0, 0);
  }

  /**
   * The state after one more answer in this skill, BKT updated with the skill's parameters.
   *
   * @param studentAttempts the student's answers (in all skills) before this one, {@link StudentState#attempts()}
   */
  public SkillState next(boolean answeredCorrectly, BktParameters bkt, int studentAttempts) {
    return new SkillState(
        attempts + 1,
        correct + (answeredCorrectly ? 1 : 0),
        Bkt.next(pMastery, answeredCorrectly, bkt),
        Recency.decayed(decayedCorrect, DECAY, answeredCorrectly),
        Recency.decayed(decayedWrong, DECAY, !answeredCorrectly),
        Recency.recent(recent, answeredCorrectly),
        Recency.streak(streak, answeredCorrectly),
        studentAttempts);
  }

  public int attempts() { return attempts; }

  public int correct() { return correct; }

  public int wrong() { return attempts - correct; }

  /** The BKT probability that the skill is mastered, given the answers so far (before the next one). */
  public double pMastery() { return pMastery; }

  /** Correct answers in the skill, each weighted {@link #DECAY}^(answers since). */
  public double decayedCorrect() { return decayedCorrect; }

  /** Wrong answers in the skill, each weighted {@link #DECAY}^(answers since). */
  public double decayedWrong() { return decayedWrong; }

  /** The outcome {@code back} answers ago in this skill (0 = the latest): +1 correct, -1 wrong, 0 none. */
  public double recentOutcome(int back) { return Recency.outcome(recent, attempts, back); }

  /** +k after k correct answers in a row in this skill, -k after k wrong ones, 0 before any. */
  public int streak() { return streak; }

  /**
   * How many answers in other skills the student gave since the last one in this skill, given the student's
   * answers so far ({@link StudentState#attempts()}); 0 before any answer in the skill.
   */
  public int answersSince(int studentAttempts) {
    return attempts == 0 ? 0 : Math.max(studentAttempts - lastSeen - 1, 0);
  }

  /** This state as {@value #ENCODED_LENGTH} doubles (integers are exact in a double). */
  public double[] encode() {
    double[] out = new double[ENCODED_LENGTH];
    out[ATTEMPTS] = attempts;
    out[CORRECT] = correct;
    out[P_MASTERY] = pMastery;
    out[DECAYED_CORRECT] = decayedCorrect;
    out[DECAYED_WRONG] = decayedWrong;
    out[RECENT] = recent;
    out[STREAK] = streak;
    out[LAST_SEEN] = lastSeen;
    return out;
  }

  /** The state {@link #encode()} wrote; an older, shorter array (at least counts and P(mastered)) is accepted. */
  public static SkillState decode(double[] encoded) {
    if (encoded.length <= P_MASTERY) {
      throw new IllegalArgumentException("a skill state has at least " + (P_MASTERY + 1) + " values, got "
          + encoded.length);
    }
    return new SkillState(
        (int) encoded[ATTEMPTS],
        (int) encoded[CORRECT],
        encoded[P_MASTERY],
        valueOr(encoded, DECAYED_CORRECT),
        valueOr(encoded, DECAYED_WRONG),
        (int) valueOr(encoded, RECENT),
        (int) valueOr(encoded, STREAK),
        (int) valueOr(encoded, LAST_SEEN));
  }

  private static double valueOr(double[] encoded, int index) {
    return index < encoded.length ? encoded[index] : 0.0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SkillState s && Arrays.equals(encode(), s.encode());
  }

  @Override
  public int hashCode() { return Arrays.hashCode(encode()); }

  @Override
  public String toString() { return "SkillState" + Arrays.toString(encode()); }
}

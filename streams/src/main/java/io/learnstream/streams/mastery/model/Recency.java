package io.learnstream.streams.mastery.model;

/**
 * The O(1) recency statistics the states keep: exponentially decayed counts, the last few outcomes as bits and the
 * signed streak. Shared by {@link SkillState} and {@link StudentState} so both update them the same way.
 */
final class Recency {
  /** How many of the most recent outcomes are kept as bits (bit 0 = the latest answer, 1 = correct). */
  static final int RECENT_OUTCOMES = 3;
  private static final int RECENT_MASK = (1 << RECENT_OUTCOMES) - 1;

  private Recency() {}

  /** A decayed count after one more answer: the old count times {@code decay}, plus 1 if {@code counts}. */
  static double decayed(double count, double decay, boolean counts) {
    return count * decay + (counts ? 1.0 : 0.0);
  }

  /** The recent-outcome bits after one more answer. */
  static int recent(int bits, boolean correct) {
    return ((bits << 1) | (correct ? 1 : 0)) & RECENT_MASK;
  }

  /** The signed streak after one more answer: +k after k correct in a row, -k after k wrong in a row. */
  static int streak(int streak, boolean correct) {
    if (correct) {
      return streak > 0 ? streak + 1 : 1;
    }
    return streak < 0 ? streak - 1 : -1;
  }

  /**
   * The outcome {@code back} answers ago (0 = the latest) as +1 (correct), -1 (wrong) or 0 when there were fewer
   * than {@code back + 1} answers.
   */
  static double outcome(int bits, int attempts, int back) {
    if (back >= attempts) {
      return 0.0;
    }
    return ((bits >>> back) & 1) == 1 ? 1.0 : -1.0;
  }
}

package io.learnstream.streams.mastery.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BinaryScoresTest {
  private static final double[] PREDICTED = {0.1, 0.4, 0.4, 0.8};
  private static final boolean[] ACTUAL = {false, true, false, true};

  @Test
  void shouldCountTiedPairsHalfInAucAsHandComputed() {
    // positive×negative pairs: (0.4>0.1) 1, (0.4=0.4) ½, (0.8>0.1) 1, (0.8>0.4) 1 → 3.5 / 4
    assertThat(BinaryScores.auc(PREDICTED, ACTUAL)).isCloseTo(0.875, within(1e-12));
  }

  @Test
  void shouldComputeRmseAsHandComputed() {
    // errors 0.1, 0.6, 0.4, 0.2 → (0.01 + 0.36 + 0.16 + 0.04) / 4 = 0.1425
    assertThat(BinaryScores.rmse(PREDICTED, ACTUAL)).isCloseTo(Math.sqrt(0.1425), within(1e-12));
  }

  @Test
  void shouldComputeLogLossAsHandComputed() {
    // −(ln 0.9 + ln 0.4 + ln 0.6 + ln 0.8) / 4 = (0.1053605 + 0.9162907 + 0.5108256 + 0.2231436) / 4
    assertThat(BinaryScores.logLoss(PREDICTED, ACTUAL)).isCloseTo(0.4389051, within(1e-6));
  }

  @Test
  void shouldGiveHalfAucWhenAllPredictionsTieAndNanWithOneClass() {
    assertThat(BinaryScores.auc(new double[] {0.5, 0.5, 0.5}, new boolean[] {true, false, true})).isEqualTo(0.5);
    assertThat(BinaryScores.auc(new double[] {0.2, 0.7}, new boolean[] {true, true})).isNaN();
  }

  @Test
  void shouldBundleAllScores() {
    BinaryScores scores = BinaryScores.of(PREDICTED, ACTUAL);
    assertThat(scores.count()).isEqualTo(4);
    assertThat(scores.auc()).isCloseTo(0.875, within(1e-12));
  }
}

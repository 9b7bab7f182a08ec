package io.learnstream.streams.mastery.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BktTest {
  private static final BktParameters P = new BktParameters(0.3, 0.2, 0.25, 0.1, 0.05);
  private static final double EXACT = 1e-9;

  @Test
  void shouldPredictCorrectFromMasteryGuessAndSlipAsHandComputed() {
    // 0.3·(1−0.1) + 0.7·0.25 = 0.27 + 0.175
    assertThat(Bkt.predictCorrect(0.3, P)).isCloseTo(0.445, within(EXACT));
  }

  @Test
  void shouldRaiseMasteryAfterCorrectAnswerAsHandComputed() {
    // posterior = 0.3·0.9 / (0.3·0.9 + 0.7·0.25) = 0.27 / 0.445 = 0.6067415730
    assertThat(Bkt.posterior(0.3, true, P)).isCloseTo(0.27 / 0.445, within(EXACT));
    // next = 0.6067415730·(1−0.05) + 0.3932584270·0.2 = 0.5764044944 + 0.0786516854
    assertThat(Bkt.next(0.3, true, P)).isCloseTo(0.6550561798, within(1e-9));
  }

  @Test
  void shouldLowerMasteryAfterWrongAnswerAsHandComputed() {
    // posterior = 0.3·0.1 / (0.3·0.1 + 0.7·0.75) = 0.03 / 0.555 = 0.0540540541
    assertThat(Bkt.posterior(0.3, false, P)).isCloseTo(0.03 / 0.555, within(EXACT));
    // next = 0.0540540541·0.95 + 0.9459459459·0.2 = 0.0513513514 + 0.1891891892
    assertThat(Bkt.next(0.3, false, P)).isCloseTo(0.2405405405, within(1e-9));
  }

  @Test
  void shouldLoseMasteryOnlyThroughForget() {
    // a student surely mastered stays so up to forget: 1·0.95 + 0·0.2
    assertThat(Bkt.next(1.0, true, P)).isCloseTo(0.95, within(EXACT));
    BktParameters noForget = new BktParameters(0.3, 0.2, 0.25, 0.1, 0.0);
    assertThat(Bkt.next(1.0, true, noForget)).isCloseTo(1.0, within(EXACT));
  }
}

package io.learnstream.streams.mastery.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StatesTest {
  private static final BktParameters P = new BktParameters(0.3, 0.2, 0.25, 0.1, 0.0);

  @Test
  void shouldCountDecayAndRememberRecentOutcomesOfASkill() {
    SkillState state = SkillState.initial(P.prior()).next(true, P, 0).next(true, P, 1).next(false, P, 2);
    assertThat(state.attempts()).isEqualTo(3);
    assertThat(state.correct()).isEqualTo(2);
    assertThat(state.wrong()).isEqualTo(1);
    double d = SkillState.DECAY;
    assertThat(state.decayedCorrect()).isCloseTo(d * d + d, within(1e-12));
    assertThat(state.decayedWrong()).isCloseTo(1.0, within(1e-12));
    assertThat(state.recentOutcome(0)).isEqualTo(-1.0);
    assertThat(state.recentOutcome(1)).isEqualTo(1.0);
    assertThat(state.recentOutcome(2)).isEqualTo(1.0);
    assertThat(state.streak()).isEqualTo(-1);
    assertThat(state.pMastery()).isCloseTo(Bkt.next(Bkt.next(Bkt.next(0.3, true, P), true, P), false, P),
        within(1e-12));
  }

  @Test
  void shouldReportNoOutcomeBeyondTheAnswersGiven() {
    SkillState once = SkillState.initial(P.prior()).next(true, P, 0);
    assertThat(once.recentOutcome(0)).isEqualTo(1.0);
    assertThat(once.recentOutcome(1)).isZero();
    assertThat(once.streak()).isEqualTo(1);
  }

  @Test
  void shouldCountTheAnswersInOtherSkillsSinceTheLastInThisSkill() {
    assertThat(SkillState.initial(P.prior()).answersSince(7)).isZero();
    // answered as the student's 3rd answer (2 before it); now the student has 6: answers 4, 5 and 6 were elsewhere
    SkillState state = SkillState.initial(P.prior()).next(true, P, 2);
    assertThat(state.answersSince(3)).isZero();
    assertThat(state.answersSince(6)).isEqualTo(3);
  }

  @Test
  void shouldCountAndDecayAStudentsAnswersAcrossSkills() {
    StudentState student = StudentState.initial().next(false).next(false).next(true).next(true).next(true);
    assertThat(student.attempts()).isEqualTo(5);
    assertThat(student.correct()).isEqualTo(3);
    assertThat(student.streak()).isEqualTo(3);
    double d = StudentState.DECAY;
    assertThat(student.decayedWrong()).isCloseTo(d * d * d * d + d * d * d, within(1e-12));
    assertThat(student.recentOutcome(0)).isEqualTo(1.0);
  }

  @Test
  void shouldRoundTripSkillStateThroughEncode() {
    SkillState state = SkillState.initial(P.prior()).next(true, P, 0).next(false, P, 4).next(false, P, 5);
    double[] encoded = state.encode();
    assertThat(encoded).hasSize(SkillState.ENCODED_LENGTH);
    assertThat(SkillState.decode(encoded)).isEqualTo(state);
  }

  @Test
  void shouldRoundTripStudentStateThroughEncode() {
    StudentState state = StudentState.initial().next(true).next(false).next(true);
    double[] encoded = state.encode();
    assertThat(encoded).hasSize(StudentState.ENCODED_LENGTH);
    assertThat(StudentState.decode(encoded)).isEqualTo(state);
  }

  @Test
  void shouldDecodeAnOlderShorterSkillStateWithInitialRecency() {
    SkillState old = SkillState.decode(new double[] {4, 3, 0.8});
    assertThat(old.attempts()).isEqualTo(4);
    assertThat(old.correct()).isEqualTo(3);
    assertThat(old.pMastery()).isEqualTo(0.8);
    assertThat(old.decayedCorrect()).isZero();
    assertThat(old.streak()).isZero();
    assertThatThrownBy(() -> SkillState.decode(new double[] {4, 3})).isInstanceOf(IllegalArgumentException.class);
  }
}

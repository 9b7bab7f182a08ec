package io.learnstream.streams.mastery.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BktFitterTest {
  /** Each fitted parameter must be within this of the one the data were generated with. */
  private static final double TOLERANCE = 0.05;
  private static final int STUDENTS = 2000;
  private static final int ANSWERS_PER_SKILL = 15;

  private static final BktParameters A = new BktParameters(0.3, 0.15, 0.2, 0.1, 0.0);
  private static final BktParameters B = new BktParameters(0.6, 0.05, 0.3, 0.15, 0.0);

  @Test
  void shouldRecoverEachSkillsParametersFromAnswersGeneratedWithThem() {
    List<AnswerRow> rows = generate(Map.of("A", A, "B", B), STUDENTS, new Random(7));
    BktFitter.Fit fit = new BktFitter().fit(rows);
    assertClose(fit.skills().get("A"), A);
    assertClose(fit.skills().get("B"), B);
    assertThat(fit.skills().get("A").forget()).isZero();
  }

  @Test
  void shouldRecoverForgetWhenAskedToFitIt() {
    BktParameters forgetful = new BktParameters(0.4, 0.2, 0.2, 0.1, 0.05);
    List<AnswerRow> rows = generate(Map.of("F", forgetful), 2 * STUDENTS, new Random(11));
    BktParameters fitted = new BktFitter(true).fit(rows).skills().get("F");
    assertClose(fitted, forgetful);
    assertThat(fitted.forget()).isCloseTo(forgetful.forget(), within(TOLERANCE));
  }

  @Test
  void shouldGiveASkillWithTooLittleDataThePooledFit() {
    List<AnswerRow> rows = new ArrayList<>(generate(Map.of("A", A), STUDENTS, new Random(3)));
    rows.add(new AnswerRow("someone", new Answer("rare-item", List.of("rare"), true)));
    BktFitter.Fit fit = new BktFitter().fit(rows);
    assertThat(fit.skills()).containsOnlyKeys("A");
    ParameterSet fitted = new MasteryFitter().fit(rows);
    assertThat(fitted.bkt("rare")).isEqualTo(fitted.bktDefault()).isNotEqualTo(fitted.bkt("A"));
  }

  @Test
  void shouldKeepGuessAndSlipBelowTheBound() {
    // answers that are right at random: EM would like guess and slip anywhere; they must stay bounded
    Random random = new Random(5);
    List<AnswerRow> rows = new ArrayList<>();
    for (int s = 0; s < 200; s++) {
      for (int t = 0; t < 10; t++) {
        rows.add(new AnswerRow("s" + s, new Answer("i", List.of("R"), random.nextDouble() < 0.3)));
      }
    }
    BktParameters fitted = new BktFitter().fit(rows).skills().get("R");
    assertThat(fitted.guess()).isLessThanOrEqualTo(BktFitter.MAX_GUESS_SLIP);
    assertThat(fitted.slip()).isLessThanOrEqualTo(BktFitter.MAX_GUESS_SLIP);
  }

  private static void assertClose(BktParameters fitted, BktParameters truth) {
    assertThat(fitted.prior()).as("prior").isCloseTo(truth.prior(), within(TOLERANCE));
    assertThat(fitted.learn()).as("learn").isCloseTo(truth.learn(), within(TOLERANCE));
    assertThat(fitted.guess()).as("guess").isCloseTo(truth.guess(), within(TOLERANCE));
    assertThat(fitted.slip()).as("slip").isCloseTo(truth.slip(), within(TOLERANCE));
  }

  /** Each student answers {@value #ANSWERS_PER_SKILL} items of each skill, drawn from the BKT process. */
  static List<AnswerRow> generate(Map<String, BktParameters> skills, int students, Random random) {
    List<AnswerRow> rows = new ArrayList<>();
    List<String> names = skills.keySet().stream().sorted().toList();
    for (int s = 0; s < students; s++) {
      for (String skill : names) {
        BktParameters p = skills.get(skill);
        boolean mastered = random.nextDouble() < p.prior();
        for (int t = 0; t < ANSWERS_PER_SKILL; t++) {
          boolean correct = mastered ? random.nextDouble() >= p.slip() : random.nextDouble() < p.guess();
          rows.add(new AnswerRow("student" + s, new Answer(skill + "-item" + t, List.of(skill), correct)));
          mastered = mastered ? random.nextDouble() >= p.forget() : random.nextDouble() < p.learn();
        }
      }
    }
    return rows;
  }
}

package io.learnstream.streams.mastery.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RegularizationSearchTest {
  @Test
  void shouldKeepTheRegularizationThatPredictsHeldOutTrainingStudentsBestAndFitAllWithIt() {
    // given answers of 400 students drawn from a logistic model with item difficulties
    List<AnswerRow> rows = generate(new Random(5));
    List<String> told = new ArrayList<>();

    // when the search tries a very strong and a weak regularization
    RegularizationSearch.Result result = new RegularizationSearch(0.0001, 1.0).fit(rows, told::add);

    // then each was tried on held-out training students, the better one kept, and the final fit uses all students
    assertThat(result.trials()).extracting(RegularizationSearch.Trial::c).containsExactly(0.0001, 1.0);
    RegularizationSearch.Trial best = result.trials().stream()
        .max(java.util.Comparator.comparingDouble(RegularizationSearch.Trial::logisticAuc)).orElseThrow();
    assertThat(result.chosenC()).isEqualTo(best.c()).isEqualTo(1.0);
    assertThat(result.trials().get(1).logisticAuc()).isGreaterThan(result.trials().get(0).logisticAuc());
    assertThat(told).hasSize(2).allSatisfy(line -> assertThat(line).contains("held-out training students"));
    assertThat(result.parameters().entries()).isEqualTo(new MasteryFitter(MasteryFitter.FIT_FORGET, 1.0).fit(rows).entries());
  }

  @Test
  void shouldFitWithTheOnlyCandidateWithoutHoldingAnyoneOut() {
    List<AnswerRow> rows = generate(new Random(6));

    RegularizationSearch.Result result = new RegularizationSearch(0.3).fit(rows, line -> {});

    assertThat(result.trials()).isEmpty();
    assertThat(result.chosenC()).isEqualTo(0.3);
  }

  private static List<AnswerRow> generate(Random random) {
    Map<String, Double> difficulty = new HashMap<>();
    for (int i = 0; i < 40; i++) difficulty.put("item" + i, random.nextGaussian() * 1.5);
    List<AnswerRow> rows = new ArrayList<>();
    for (int s = 0; s < 400; s++) {
      double ability = random.nextGaussian();
      for (int t = 0; t < 20; t++) {
        String item = "item" + random.nextInt(40);
        String skill = "skill" + (item.hashCode() & 1);
        double p = 1 / (1 + Math.exp(-(ability - difficulty.get(item))));
        rows.add(new AnswerRow("student" + s, new Answer(item, List.of(skill), random.nextDouble() < p)));
      }
    }
    return rows;
  }
}

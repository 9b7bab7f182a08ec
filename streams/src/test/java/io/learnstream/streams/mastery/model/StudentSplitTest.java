package io.learnstream.streams.mastery.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StudentSplitTest {
  @Test
  void shouldPutAllOfAStudentsAnswersOnOneSideInTheirOrder() {
    List<AnswerRow> rows = new ArrayList<>();
    for (int s = 0; s < 100; s++) {
      for (int k = 0; k < 3; k++) rows.add(new AnswerRow("s" + s, new Answer("item" + k, List.of("skill"), k % 2 == 0)));
    }

    StudentSplit split = StudentSplit.of(rows, 0.2, 7);

    Set<String> fit = new HashSet<>();
    split.fit().forEach(row -> fit.add(row.studentId()));
    Set<String> held = new HashSet<>();
    split.heldOut().forEach(row -> held.add(row.studentId()));
    assertThat(held).hasSize(20).doesNotContainAnyElementsOf(fit);
    assertThat(fit).hasSize(80);
    assertThat(split.heldOut()).hasSize(60);
    // each student's answers keep the order they had
    assertThat(split.heldOut().subList(0, 3)).extracting(row -> row.answer().itemId()).containsExactly("item0", "item1", "item2");
  }

  @Test
  void shouldSplitTheSameWayWithTheSameSeed() {
    List<AnswerRow> rows = new ArrayList<>();
    for (int s = 0; s < 50; s++) rows.add(new AnswerRow("s" + s, new Answer("i", List.of(), true)));

    assertThat(StudentSplit.of(rows, 0.3, 11)).isEqualTo(StudentSplit.of(rows, 0.3, 11));
    assertThat(StudentSplit.of(rows, 0.3, 11).heldOut()).isNotEqualTo(StudentSplit.of(rows, 0.3, 12).heldOut());
  }

  @Test
  void shouldRefuseAShareOutsideZeroToOne() {
    assertThatThrownBy(() -> StudentSplit.of(List.of(), 1.0, 1)).hasMessageContaining("(0, 1)");
  }
}

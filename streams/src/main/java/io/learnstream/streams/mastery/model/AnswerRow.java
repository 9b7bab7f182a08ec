package io.learnstream.streams.mastery.model;

import java.util.Objects;

/** One answer of one student, as the fitters take them: rows of a student in the order they were answered. */
public record AnswerRow(String studentId, Answer answer) {
  public AnswerRow {
    Objects.requireNonNull(studentId, "studentId");
    Objects.requireNonNull(answer, "answer");
  }
}

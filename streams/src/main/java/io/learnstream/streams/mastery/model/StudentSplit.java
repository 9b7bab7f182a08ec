package io.learnstream.streams.mastery.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Answers split by student into a part to fit on and a part held out: a seeded shuffle of the student ids, so a
 * student's answers are all on one side and the split is the same every run.
 */
public record StudentSplit(List<AnswerRow> fit, List<AnswerRow> heldOut) {
  public static StudentSplit of(List<AnswerRow> rows, double heldOutShare, long seed) {
    if (!(heldOutShare > 0 && heldOutShare < 1)) {
      throw new IllegalArgumentException("held-out share must be in (0, 1), got " + heldOutShare);
    }
    Set<String> ids = new LinkedHashSet<>();
    rows.forEach(row -> ids.add(row.studentId()));
    List<String> shuffled = new ArrayList<>(ids);
    Collections.shuffle(shuffled, new Random(seed));
    Set<String> held = Set.copyOf(shuffled.subList(0, (int) Math.round(shuffled.size() * heldOutShare)));
    List<AnswerRow> fit = new ArrayList<>();
    List<AnswerRow> heldOut = new ArrayList<>();
    rows.forEach(row -> (held.contains(row.studentId()) ? heldOut : fit).add(row));
    return new StudentSplit(fit, heldOut);
  }
}

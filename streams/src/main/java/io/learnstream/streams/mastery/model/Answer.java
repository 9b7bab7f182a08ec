package io.learnstream.streams.mastery.model;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * One scored answer of a student: the item answered, the skills the item exercises and whether it was right.
 *
 * <p>{@code skills} may be empty (the item is known only by itself; the models then use their default skill) or
 * hold several skills (a skill named twice counts once; each skill's state is updated, and the logistic model sums the skills' terms).
 */
public record Answer(String itemId, List<String> skills, boolean correct) {
  public Answer {
    Objects.requireNonNull(itemId, "itemId");
    skills = skills.size() > 1 ? List.copyOf(new LinkedHashSet<>(skills)) : List.copyOf(skills);
  }
}

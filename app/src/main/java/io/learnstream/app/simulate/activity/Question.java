package io.learnstream.app.simulate.activity;

import io.learnstream.app.simulate.district.Skill;

import java.util.List;

/**
 * A multiple-choice question of a quiz.
 *
 * @param number position in the quiz, from 1
 * @param skill the skill the question assesses
 * @param difficulty in logits: 0 is answered right half the time by an average unpractised student
 * @param correctChoice the id of the right choice, one of {@link #CHOICES}
 */
public record Question(int number, Skill skill, double difficulty, String correctChoice) {

    public static final List<String> CHOICES = List.of("a", "b", "c", "d");

    public String prompt() {
        return skill.title() + ", question " + number;
    }
}

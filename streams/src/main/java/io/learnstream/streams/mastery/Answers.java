package io.learnstream.streams.mastery;

import io.learnstream.schemas.avro.LearningEvent;

/**
 * Which learning events are scored answers, and whether they were right. An answer is an event with a result on
 * its activity (the item): {@code result.success}, else a scaled score, correct at or above {@link #PASSING_SCORE}.
 */
final class Answers {
    /** A scaled score counts as a correct answer from this on (partial credit of half or more). */
    static final double PASSING_SCORE = 0.5;

    private Answers() {}

    static boolean isAnswer(LearningEvent event) {
        return event != null && (event.getSuccess() != null || event.getScoreScaled() != null);
    }

    static boolean correct(LearningEvent event) {
        return event.getSuccess() != null ? event.getSuccess() : event.getScoreScaled() >= PASSING_SCORE;
    }
}

package io.learnstream.streams.mastery;

import java.time.Duration;

/**
 * How mastery is tracked.
 *
 * @param grace how late (in event time, behind the newest event of the partition) an answer may arrive and still be
 *     put in its place among the student's answers; later ones go to the dead-letter topic
 * @param masteredThreshold a skill counts as mastered when its probability of mastery is at least this
 * @param practiceTarget the predicted success the items to practise next are chosen nearest to
 * @param practiceItems how many items to practise next are suggested per weak skill
 */
public record MasteryOptions(Duration grace, double masteredThreshold, double practiceTarget, int practiceItems) {
    public MasteryOptions {
        if (grace.isNegative()) throw new IllegalArgumentException("grace must not be negative, got " + grace);
        if (!(masteredThreshold > 0 && masteredThreshold <= 1)) {
            throw new IllegalArgumentException("masteredThreshold must be in (0, 1], got " + masteredThreshold);
        }
        if (!(practiceTarget > 0 && practiceTarget < 1)) {
            throw new IllegalArgumentException("practiceTarget must be in (0, 1), got " + practiceTarget);
        }
        if (practiceItems < 0) throw new IllegalArgumentException("practiceItems must not be negative, got " + practiceItems);
    }

    /**
     * A day of grace (a quiz app that syncs the next morning is put in order), mastered at 0.95 (the usual BKT
     * criterion), practice items nearest a predicted success of 0.7, three per weak skill.
     */
    public static MasteryOptions defaults() {
        return new MasteryOptions(Duration.ofDays(1), 0.95, 0.7, 3);
    }

    public MasteryOptions withGrace(Duration grace) {
        return new MasteryOptions(grace, masteredThreshold, practiceTarget, practiceItems);
    }
}

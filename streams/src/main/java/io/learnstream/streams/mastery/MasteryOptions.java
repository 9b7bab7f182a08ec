package io.learnstream.streams.mastery;

import java.time.Duration;

/**
 * How mastery is tracked.
 *
 * @param grace how late (in event time, behind the student's own newest answer) an answer may arrive and still be
 *     put in its place among the student's answers; later ones go to the dead-letter topic
 * @param masteredThreshold a skill counts as mastered when its probability of mastery is at least this
 * @param practiceTarget the predicted success the items to practise next are chosen nearest to
 * @param practiceItems how many items to practise next are suggested per weak skill
 * @param orderingTick live, answers are held (wall-clock) at most two ticks and applied in event-time order, so
 *     what arrives out of order within that time costs nothing; a later straggler is re-sequenced
 * @param reorderCapacity answers held per task at most: beyond it the earliest is applied at once (so reading a
 *     backlog, answers are put in order within a sliding window of this many); 0: no reorder buffer, each answer is
 *     applied as it arrives and one that comes after a later answer of its student is re-sequenced
 * @param reorderWindow an answer is applied once the partition's stream time is this far past it (what a replay of
 *     the past goes by); the stream counts as live when its time is within this of the clock
 * @param summaryInterval how often (wall-clock) the summaries of the students who answered since are published: a
 *     summary lists every skill of the student, so it is sent once per interval, not once per answer
 */
public record MasteryOptions(Duration grace, double masteredThreshold, double practiceTarget, int practiceItems,
        Duration orderingTick, int reorderCapacity, Duration reorderWindow, Duration summaryInterval) {
    public MasteryOptions {
        if (grace.isNegative()) throw new IllegalArgumentException("grace must not be negative, got " + grace);
        if (!(masteredThreshold > 0 && masteredThreshold <= 1)) {
            throw new IllegalArgumentException("masteredThreshold must be in (0, 1], got " + masteredThreshold);
        }
        if (!(practiceTarget > 0 && practiceTarget < 1)) {
            throw new IllegalArgumentException("practiceTarget must be in (0, 1), got " + practiceTarget);
        }
        if (practiceItems < 0) throw new IllegalArgumentException("practiceItems must not be negative, got " + practiceItems);
        if (orderingTick.isNegative() || orderingTick.isZero()) {
            throw new IllegalArgumentException("orderingTick must be positive, got " + orderingTick);
        }
        if (reorderCapacity < 0) throw new IllegalArgumentException("reorderCapacity must not be negative, got " + reorderCapacity);
        if (reorderWindow.isNegative()) throw new IllegalArgumentException("reorderWindow must not be negative, got " + reorderWindow);
        if (summaryInterval.isNegative() || summaryInterval.isZero()) {
            throw new IllegalArgumentException("summaryInterval must be positive, got " + summaryInterval);
        }
    }

    /**
     * A day of grace (a quiz app that syncs the next morning is put in order), mastered at 0.95 (the usual BKT
     * criterion), practice items nearest a predicted success of 0.7, three per weak skill, answers held to be put in order
     * live at most half a second (two ticks of 250 ms), replaying the past until the stream is 10 minutes past them,
     * and at most 10,000 per task; summaries every 5 seconds.
     */
    public static MasteryOptions defaults() {
        return new MasteryOptions(Duration.ofDays(1), 0.95, 0.7, 3, Duration.ofMillis(250), 10_000, Duration.ofMinutes(10), Duration.ofSeconds(5));
    }

    public MasteryOptions withGrace(Duration grace) {
        return new MasteryOptions(grace, masteredThreshold, practiceTarget, practiceItems, orderingTick, reorderCapacity, reorderWindow, summaryInterval);
    }

    public MasteryOptions withMasteredThreshold(double masteredThreshold) {
        return new MasteryOptions(grace, masteredThreshold, practiceTarget, practiceItems, orderingTick, reorderCapacity, reorderWindow, summaryInterval);
    }

    public MasteryOptions withReorderCapacity(int reorderCapacity) {
        return new MasteryOptions(grace, masteredThreshold, practiceTarget, practiceItems, orderingTick, reorderCapacity, reorderWindow, summaryInterval);
    }
}

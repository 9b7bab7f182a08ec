package io.learnstream.app.simulate.district;

/**
 * How a student's engagement drifts over the term.
 *
 * @param kind steady or disengaging
 * @param onsetWeek for a disengaging student, the first week (from 1) in which engagement drops
 * @param weeklyDecay for a disengaging student, the factor engagement is multiplied by each week from the onset
 */
public record Trajectory(Kind kind, int onsetWeek, double weeklyDecay) {

    /** The lowest engagement a disengaging student falls to: they rarely vanish completely. */
    public static final double FLOOR = 0.1;

    public enum Kind {
        /** Works about as much at the end of the term as at the start. */
        STEADY,
        /** Drops off from the onset week on: tomorrow's at-risk case. */
        DISENGAGING
    }

    public Trajectory {
        if (kind == Kind.DISENGAGING && (onsetWeek < 1 || weeklyDecay <= 0 || weeklyDecay >= 1)) {
            throw new IllegalArgumentException("a disengaging trajectory needs onsetWeek >= 1 and weeklyDecay in (0, 1), was "
                    + onsetWeek + " and " + weeklyDecay);
        }
    }

    public static Trajectory steady() {
        return new Trajectory(Kind.STEADY, 0, 1.0);
    }

    public static Trajectory disengaging(int onsetWeek, double weeklyDecay) {
        return new Trajectory(Kind.DISENGAGING, onsetWeek, weeklyDecay);
    }

    /** Engagement in the given week of the term (from 1), as a factor on activity: 1 is the student's normal. */
    public double engagement(int week) {
        if (kind == Kind.STEADY || week < onsetWeek) {
            return 1.0;
        }
        return Math.max(FLOOR, Math.pow(weeklyDecay, week - onsetWeek + 1));
    }

    public boolean disengages() {
        return kind == Kind.DISENGAGING;
    }
}

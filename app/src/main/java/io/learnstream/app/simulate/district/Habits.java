package io.learnstream.app.simulate.district;

/**
 * When and how much a student works.
 *
 * @param weekdayActivity probability of working at all on a school day
 * @param weekendActivity probability of working at all on a Saturday or Sunday
 * @param schoolHoursShare share of a school day's sessions that happen during school hours rather than in the evening
 * @param eveningHour preferred local hour (fractional) to start evening and weekend sessions, e.g. 18.5
 * @param sessionMinutes median length of a session in minutes
 * @param extraSessionChance probability of a second session on a day the student works
 * @param trajectory how engagement drifts over the term
 */
public record Habits(double weekdayActivity, double weekendActivity, double schoolHoursShare, double eveningHour,
                     double sessionMinutes, double extraSessionChance, Trajectory trajectory) {

    public Habits {
        requireProbability("weekdayActivity", weekdayActivity);
        requireProbability("weekendActivity", weekendActivity);
        requireProbability("schoolHoursShare", schoolHoursShare);
        requireProbability("extraSessionChance", extraSessionChance);
        if (eveningHour < 0 || eveningHour >= 24) {
            throw new IllegalArgumentException("eveningHour must be in [0, 24), was " + eveningHour);
        }
        if (sessionMinutes <= 0) {
            throw new IllegalArgumentException("sessionMinutes must be > 0, was " + sessionMinutes);
        }
    }

    private static void requireProbability(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be a probability in [0, 1], was " + value);
        }
    }
}

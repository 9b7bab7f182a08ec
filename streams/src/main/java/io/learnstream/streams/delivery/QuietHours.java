package io.learnstream.streams.delivery;

import java.time.LocalTime;

/**
 * The times of day nothing is sent to a teacher, {@code [start, end)} in the school's time zone; {@code end} before
 * {@code start} spans midnight (20:00-07:00).
 */
public record QuietHours(LocalTime start, LocalTime end) {
    public QuietHours {
        if (start.equals(end)) {
            throw new IllegalArgumentException("quiet hours must not start and end at the same time (" + start + ")");
        }
    }

    /**
     * Parses {@code HH:mm-HH:mm}.
     *
     * @throws IllegalArgumentException saying what was wrong
     */
    public static QuietHours parse(String text) {
        String[] ends = text.split("-", -1);
        if (ends.length != 2) throw new IllegalArgumentException("quiet hours must be HH:mm-HH:mm, e.g. 20:00-07:00, was '" + text + "'");
        return new QuietHours(TimesOfDay.parse("quiet hours start", ends[0]), TimesOfDay.parse("quiet hours end", ends[1]));
    }

    public boolean contains(LocalTime time) {
        return start.isBefore(end)
                ? !time.isBefore(start) && time.isBefore(end)
                : !time.isBefore(start) || time.isBefore(end);
    }

    @Override
    public String toString() {
        return TimesOfDay.format(start) + "-" + TimesOfDay.format(end);
    }
}

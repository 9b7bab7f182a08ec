package io.learnstream.app.simulate.activity;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;

/**
 * A school term: {@code weeks} weeks of days from {@code start}, in the district's time zone. Day indexes run
 * from 0 to {@link #days()} - 1; weeks of the term are numbered from 1.
 *
 * @param start the first day of the term
 * @param weeks the term's length in weeks
 * @param zone the district's time zone
 */
public record Term(LocalDate start, int weeks, ZoneId zone) {

    public static final int DEFAULT_WEEKS = 16;

    public Term {
        Objects.requireNonNull(start, "term start must not be null");
        Objects.requireNonNull(zone, "term zone must not be null");
        if (weeks < 1) {
            throw new IllegalArgumentException("term weeks must be >= 1, was " + weeks);
        }
    }

    /**
     * The default start of a term of the given length: the Monday on or before the UTC date {@code weeks} weeks
     * before today, so that the whole term lies in the past.
     */
    public static LocalDate defaultStart(Clock clock, int weeks) {
        return LocalDate.now(clock.withZone(ZoneId.of("UTC"))).minusWeeks(weeks)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    public int days() {
        return weeks * 7;
    }

    public LocalDate date(int dayIndex) {
        return start.plusDays(dayIndex);
    }

    /** Week of the term (from 1) of the given day index. */
    public int week(int dayIndex) {
        return dayIndex / 7 + 1;
    }

    /** The first instant of the term. */
    public Instant startInstant() {
        return start.atStartOfDay(zone).toInstant();
    }

    /** The first instant after the term. */
    public Instant endInstant() {
        return start.plusDays(days()).atStartOfDay(zone).toInstant();
    }
}

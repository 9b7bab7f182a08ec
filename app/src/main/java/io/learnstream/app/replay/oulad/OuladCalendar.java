package io.learnstream.app.replay.oulad;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a presentation starts, and the instants its day offsets stand for. OULAD gives no dates, only days relative
 * to each presentation's start, and names presentations {@code <year><letter>}: the Open University starts its
 * {@code B} presentations in February and its {@code J} presentations in October. The rule taken here, which gives
 * exactly those two, is that the letter's place in the alphabet is the month: {@code A} January, {@code B}
 * February, ..., {@code J} October, {@code K} November, {@code L} December; a presentation starts on the 1st of that
 * month. Other codes are refused.
 *
 * <p>An event of day {@code d} happens on the start date plus {@code d} days (negative: before the start), at
 * {@link #EVENT_TIME} UTC; registrations and withdrawals at {@link #ENROLLMENT_TIME}, so they come before the day's
 * activity. Deterministic: the same row is at the same instant in every replay.
 */
public final class OuladCalendar {
    public static final Pattern PRESENTATION_CODE = Pattern.compile("(\\d{4})([A-L])");
    /** The time of day of VLE activity and submissions. */
    public static final int EVENT_HOUR = 12;
    /** The time of day of registrations and withdrawals. */
    public static final int ENROLLMENT_HOUR = 8;

    private OuladCalendar() {}

    /**
     * The base date of a presentation code: {@code 2013B} is 2013-02-01, {@code 2013J} 2013-10-01.
     *
     * @throws IllegalArgumentException for a code not of the form {@code YYYY} and a letter from A to L
     */
    public static LocalDate start(String codePresentation) {
        Matcher code = PRESENTATION_CODE.matcher(codePresentation);
        if (!code.matches()) {
            throw new IllegalArgumentException("presentation '" + codePresentation + "': must be a year and a letter from A to L"
                    + " (the month it starts in: B February, J October), e.g. 2013J");
        }
        return LocalDate.of(Integer.parseInt(code.group(1)), code.group(2).charAt(0) - 'A' + 1, 1);
    }

    /** Day {@code day} of a presentation starting on {@code start}, at the time of day of activity (12:00 UTC). */
    public static Instant eventTime(LocalDate start, int day) {
        return start.plusDays(day).atTime(EVENT_HOUR, 0).toInstant(ZoneOffset.UTC);
    }

    /** Day {@code day} at the time of day of registrations and withdrawals (08:00 UTC). */
    public static Instant enrollmentTime(LocalDate start, int day) {
        return start.plusDays(day).atTime(ENROLLMENT_HOUR, 0).toInstant(ZoneOffset.UTC);
    }
}

package io.learnstream.ingest.caliper;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Caliper date-time values: ISO 8601 in UTC, written with a {@code Z} and no offset, e.g.
 * {@code 2016-11-15T10:15:00.000Z}. The specification asks for millisecond precision; other precisions (none, or
 * micro- and nanoseconds) are accepted and read to the millisecond, since the instant they name is unambiguous.
 */
final class CaliperTimestamps {
    /** What a Caliper date-time is, for messages. */
    static final String FORMAT = "an ISO 8601 date-time in UTC with a 'Z' and no offset, such as 2016-11-15T10:15:00.000Z";
    /** The rule a rejected value broke, for messages. */
    static final String RULE = "must be " + FORMAT;

    private CaliperTimestamps() {}

    /** The instant {@code text} names, to the millisecond, or {@code null} when it is not a Caliper date-time. */
    static Instant parseOrNull(String text) {
        if (text.length() < 2 || text.charAt(text.length() - 1) != 'Z') return null;
        try {
            return Instant.parse(text).truncatedTo(ChronoUnit.MILLIS);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

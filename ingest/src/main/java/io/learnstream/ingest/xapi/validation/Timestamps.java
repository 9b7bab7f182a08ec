package io.learnstream.ingest.xapi.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.learnstream.ingest.xapi.XapiVersion;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Timestamps as xAPI writes them, read by hand in one pass.
 *
 * <p>xAPI 1.0.3 (Data 4.5): ISO 8601 date and time, extended ({@code 2026-09-01T08:30:00.123+02:00}) or basic
 * ({@code 20260901T083000Z}) format; seconds and fraction optional; the time zone is recommended, so one without a
 * zone is accepted (and read as UTC), except with RFC 3339's space between date and time. xAPI 2.0: the RFC 3339 profile of ISO 8601 with seconds and a time zone
 * required ({@code 2026-09-01 08:30:00Z} with a space is allowed, as RFC 3339 permits). Both versions reject the
 * offset {@code -00:00} ("unknown local offset" in RFC 3339), as the conformance suite does, also as {@code -0000} or
 * {@code -00}. Dates are checked against the calendar; a leap second (:60) is read as the next second.
 */
public final class Timestamps {
    static final int VALID = 0;
    static final int MALFORMED = 1;
    static final int NO_ZONE = 2;
    static final int NEGATIVE_ZERO_OFFSET = 3;
    static final int NOT_ON_CALENDAR = 4;

    private Timestamps() {}

    static void requireTimestamp(JsonNode node, JsonPath path, XapiVersion version) {
        boolean rfc3339 = version == XapiVersion.V2_0_0;
        String text = Shapes.requireString(node, path);
        switch (check(text, rfc3339)) {
            case VALID -> {}
            case NO_ZONE -> throw Shapes.reject(path, "must include a time zone (Z or an offset such as +02:00): xAPI 2.0 requires one");
            case NEGATIVE_ZERO_OFFSET -> throw Shapes.reject(path, "must not use the offset -00:00 (an unknown local offset); write Z or +00:00 for UTC");
            case NOT_ON_CALENDAR -> throw Shapes.reject(path, "must be a real date and time (month 01-12, a day the month has, hour 00-23, minute and second 00-59)");
            default -> throw Shapes.reject(path, rfc3339
                    ? "must be an RFC 3339 timestamp with a time zone, such as 2026-09-01T08:30:00.000Z"
                    : "must be an ISO 8601 date and time, such as 2026-09-01T08:30:00.000Z");
        }
    }

    /** {@link #VALID} or the first problem found; allocates nothing. */
    static int check(String text, boolean rfc3339) {
        return read(text, rfc3339, false, null);
    }

    /**
     * The instant of an ISO 8601 timestamp as xAPI 1.0.3 accepts it (which includes every RFC 3339 timestamp); one
     * without a zone is UTC. An offset of -00:00 is read as UTC here, so statements stored before it was refused
     * can still be read.
     *
     * @return the instant, or null when the text is not such a timestamp
     */
    public static Instant parse(String text) {
        long[] parsed = new long[2];
        return read(text, false, true, parsed) == VALID ? Instant.ofEpochSecond(parsed[0], parsed[1]) : null;
    }

    /**
     * Reads {@code text}; when {@code out} is given, stores the epoch second and nano of second in it.
     */
    private static int read(String text, boolean rfc3339, boolean allowNegativeZero, long[] out) {
        int length = text.length();
        if (length < 13) return MALFORMED;
        int year = digits(text, 0, 4);
        if (year < 0) return MALFORMED;
        boolean extended = text.charAt(4) == '-';
        if (!extended && rfc3339) return MALFORMED;
        int pos = 4;
        if (extended) pos++;
        int month = digits(text, pos, 2);
        pos += 2;
        if (extended) {
            if (pos >= length || text.charAt(pos) != '-') return MALFORMED;
            pos++;
        }
        int day = digits(text, pos, 2);
        pos += 2;
        if (month < 0 || day < 0 || pos >= length) return MALFORMED;
        char separator = text.charAt(pos++);
        if (separator != 'T' && separator != 't' && !(separator == ' ' && extended)) return MALFORMED;
        int hour = digits(text, pos, 2);
        pos += 2;
        if (hour < 0) return MALFORMED;
        if (extended && (pos >= length || text.charAt(pos++) != ':')) return MALFORMED;
        int minute = digits(text, pos, 2);
        pos += 2;
        if (minute < 0) return MALFORMED;
        int second = 0;
        boolean hasSeconds = pos < length && (extended ? text.charAt(pos) == ':' : isDigit(text.charAt(pos)));
        if (hasSeconds) {
            if (extended) pos++;
            second = digits(text, pos, 2);
            pos += 2;
            if (second < 0) return MALFORMED;
        } else if (rfc3339) {
            return MALFORMED;
        }
        long nanos = 0;
        if (pos < length && (text.charAt(pos) == '.' || (text.charAt(pos) == ',' && !rfc3339))) {
            if (!hasSeconds) return MALFORMED;
            int fractionStart = ++pos;
            while (pos < length && isDigit(text.charAt(pos))) {
                if (pos - fractionStart < 9) nanos = nanos * 10 + (text.charAt(pos) - '0');
                pos++;
            }
            int fractionDigits = pos - fractionStart;
            if (fractionDigits == 0) return MALFORMED;
            for (int i = fractionDigits; i < 9; i++) nanos *= 10;
        }
        int offsetSeconds = 0;
        if (pos == length) {
            if (rfc3339) return NO_ZONE;
            if (separator == ' ') return MALFORMED; // the space is RFC 3339's, which always has a zone
        } else {
            char zone = text.charAt(pos++);
            if (zone == 'Z' || zone == 'z') {
                if (pos != length) return MALFORMED;
            } else if (zone == '+' || zone == '-') {
                int offsetHours = digits(text, pos, 2);
                pos += 2;
                int offsetMinutes = 0;
                if (pos < length) {
                    if (extended) {
                        if (text.charAt(pos++) != ':') return MALFORMED;
                    }
                    offsetMinutes = digits(text, pos, 2);
                    pos += 2;
                } else if (rfc3339) {
                    return MALFORMED;
                }
                if (offsetHours < 0 || offsetMinutes < 0 || pos != length) return MALFORMED;
                if (offsetHours > 23 || offsetMinutes > 59) return NOT_ON_CALENDAR;
                if (zone == '-' && offsetHours == 0 && offsetMinutes == 0 && !allowNegativeZero) return NEGATIVE_ZERO_OFFSET;
                offsetSeconds = (zone == '-' ? -1 : 1) * (offsetHours * 3600 + offsetMinutes * 60);
            } else {
                return MALFORMED;
            }
        }
        if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour > 23 || minute > 59 || second > 60) {
            return NOT_ON_CALENDAR;
        }
        if (out != null) {
            long epochDay = LocalDate.of(year, month, day).toEpochDay();
            out[0] = epochDay * 86_400 + hour * 3600L + minute * 60L + second - offsetSeconds;
            out[1] = nanos;
        }
        return VALID;
    }

    private static int daysIn(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** The value of {@code count} decimal digits at {@code pos}, or -1 when they are not all there. */
    private static int digits(String text, int pos, int count) {
        if (pos + count > text.length()) return -1;
        int value = 0;
        for (int i = pos; i < pos + count; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) return -1;
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}

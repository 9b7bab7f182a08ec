package io.learnstream.ingest.xapi;

import io.learnstream.ingest.xapi.validation.Timestamps;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** ISO 8601 timestamps as xAPI uses them. */
public final class XapiTimestamps {
    private static final long YEAR_0 = LocalDate.of(0, 1, 1).toEpochDay() * 86_400L;
    private static final long YEAR_10000 = LocalDate.of(10_000, 1, 1).toEpochDay() * 86_400L;

    private XapiTimestamps() {}

    /**
     * Parses an ISO 8601 date-time: every timestamp the validator accepts in either xAPI version, and what earlier
     * versions of learnstream stored. One without a zone is taken as UTC, as the xAPI specification asks an LRS to do.
     *
     * @throws DateTimeParseException when the text is not an ISO 8601 date-time
     */
    public static Instant parse(String text) {
        Instant instant = Timestamps.parse(text);
        if (instant != null) return instant;
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            return LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC);
        }
    }

    /**
     * The canonical form the server writes into {@code stored} and defaulted {@code timestamp}, and the content hash
     * into its canonical statement: {@link DateTimeFormatter#ISO_INSTANT}'s text (UTC, the fraction in groups of three
     * digits as needed). Written directly for the years 0 to 9999; other years through the formatter.
     */
    public static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < YEAR_0 || seconds >= YEAR_10000) return DateTimeFormatter.ISO_INSTANT.format(instant);
        long days = Math.floorDiv(seconds, 86_400L);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
        LocalDate date = LocalDate.ofEpochDay(days);
        int nanos = instant.getNano();
        byte[] text = new byte[nanos == 0 ? 20 : nanos % 1_000_000 == 0 ? 24 : nanos % 1_000 == 0 ? 27 : 30];
        digits(text, 0, date.getYear(), 4);
        text[4] = '-';
        digits(text, 5, date.getMonthValue(), 2);
        text[7] = '-';
        digits(text, 8, date.getDayOfMonth(), 2);
        text[10] = 'T';
        digits(text, 11, secondOfDay / 3600, 2);
        text[13] = ':';
        digits(text, 14, secondOfDay / 60 % 60, 2);
        text[16] = ':';
        digits(text, 17, secondOfDay % 60, 2);
        if (nanos != 0) {
            text[19] = '.';
            int fraction = text.length - 21; // 3, 6 or 9 digits
            digits(text, 20, fraction == 3 ? nanos / 1_000_000 : fraction == 6 ? nanos / 1_000 : nanos, fraction);
        }
        text[text.length - 1] = 'Z';
        return new String(text, StandardCharsets.ISO_8859_1);
    }

    /** {@code value} as {@code count} decimal digits, zero-padded, at {@code at}. */
    private static void digits(byte[] text, int at, int value, int count) {
        for (int i = at + count - 1; i >= at; i--) {
            text[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }
}

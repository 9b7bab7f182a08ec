package io.learnstream.ingest.xapi;

import io.learnstream.ingest.xapi.validation.Timestamps;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** ISO 8601 timestamps as xAPI uses them. */
public final class XapiTimestamps {
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

    /** The canonical form the server writes into {@code stored} and defaulted {@code timestamp}. */
    public static String format(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}

package io.learnstream.ingest.xapi.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Timestamps: ISO 8601 for xAPI 1.0.3, its RFC 3339 profile with a required zone for xAPI 2.0. */
class TimestampsTest {

    @ParameterizedTest(name = "{0} is a timestamp in both versions")
    @ValueSource(strings = {
        "2013-05-18T05:32:34.804Z", "2021-11-29T23:09:00.867219+00:00", "2026-09-07T10:30:00+02:00", "2008-09-15 15:53:00.601+00:00",
        "2024-02-29T12:00:00Z", "2026-12-31T23:59:60Z", "2026-09-07t10:30:00z", "2026-09-07T10:30:00.123456789123-05:30"
    })
    void rfc3339TimestampsAreValidInBothVersions(String text) {
        assertThat(Timestamps.check(text, true)).isEqualTo(Timestamps.VALID);
        assertThat(Timestamps.check(text, false)).isEqualTo(Timestamps.VALID);
    }

    @ParameterizedTest(name = "{0} is an ISO 8601 timestamp of xAPI 1.0.3 but not RFC 3339")
    @ValueSource(strings = {"2026-09-07T10:30:00", "2026-09-07T10:30Z", "20260907T103000Z", "20260907T103000,5+0200", "2026-09-07T10:30:00+02"})
    void iso8601FormsOutsideRfc3339AreValidOnlyIn103(String text) {
        assertThat(Timestamps.check(text, false)).isEqualTo(Timestamps.VALID);
        assertThat(Timestamps.check(text, true)).isNotEqualTo(Timestamps.VALID);
    }

    @ParameterizedTest(name = "\"{0}\" is not a timestamp")
    @ValueSource(strings = {
        "", "should fail", "01/011/2015", "2026-09-07", "2026-9-7T10:30:00Z", "2026-09-07T10:30:00.Z", "2026-09-07T10:30:00+2:00",
        "2026-09-07T10:30:00Zulu", "2026-09-07T10:30:00 +02:00", "2026-09-07 10:30:00", "20260907 103000Z"
    })
    void malformedTimestampsAreRejectedInBothVersions(String text) {
        assertThat(Timestamps.check(text, false)).isNotEqualTo(Timestamps.VALID);
        assertThat(Timestamps.check(text, true)).isNotEqualTo(Timestamps.VALID);
    }

    @ParameterizedTest(name = "{0} has the negative zero offset")
    @ValueSource(strings = {"2008-09-15T15:53:00.601-00:00", "2008-09-15T15:53:00.601-00", "20080915T155300-0000"})
    void negativeZeroOffsetIsRejected(String text) {
        assertThat(Timestamps.check(text, false)).isEqualTo(Timestamps.NEGATIVE_ZERO_OFFSET);
    }

    @ParameterizedTest(name = "{0} is not on the calendar")
    @ValueSource(strings = {"2026-02-29T10:00:00Z", "2026-04-31T10:00:00Z", "2026-13-01T10:00:00Z", "2026-09-07T24:00:00Z",
        "2026-09-07T10:60:00Z", "2026-09-07T10:30:61Z", "2026-09-07T10:30:00+24:00", "1900-02-29T00:00:00Z"})
    void impossibleDatesAndTimesAreRejected(String text) {
        assertThat(Timestamps.check(text, false)).isEqualTo(Timestamps.NOT_ON_CALENDAR);
    }

    @Test
    void zoneIsRequiredInRfc3339() {
        assertThat(Timestamps.check("2026-09-07T10:30:00.123", true)).isEqualTo(Timestamps.NO_ZONE);
    }

    @ParameterizedTest(name = "{0} is the instant {1}")
    @CsvSource(delimiter = '|', value = {
        "2026-09-07T10:30:00.123+02:00 | 2026-09-07T08:30:00.123Z",
        "2021-11-29T23:09:00.867219+00:00 | 2021-11-29T23:09:00.867219Z",
        "2008-09-15 15:53:00.601-05:30 | 2008-09-15T21:23:00.601Z",
        "20260907T103000,5+0200 | 2026-09-07T08:30:00.500Z",
        "2026-09-07T10:30:00 | 2026-09-07T10:30:00Z",
        "2026-12-31T23:59:60Z | 2027-01-01T00:00:00Z",
        "2008-09-15T15:53:00.601-00:00 | 2008-09-15T15:53:00.601Z"
    })
    void parseGivesTheInstant(String text, String instant) {
        assertThat(Timestamps.parse(text)).isEqualTo(Instant.parse(instant));
    }

    @Test
    void parseAnswersNullForTextThatIsNoTimestamp() {
        assertThat(Timestamps.parse("yesterday")).isNull();
    }
}

package io.learnstream.ingest.xapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading timestamps of accepted statements, including forms stored before the validator refused them. */
class XapiTimestampsTest {

    @ParameterizedTest(name = "{0} is read as {1}")
    @CsvSource({
        "2026-09-07T10:30:00+02:00, 2026-09-07T08:30:00Z",
        "2008-09-15 15:53:00.601+00:00, 2008-09-15T15:53:00.601Z",
        "20260907T103000Z, 2026-09-07T10:30:00Z",
        "2026-09-07T10:30:00.5, 2026-09-07T10:30:00.500Z",
        "2008-09-15T15:53:00.601-00:00, 2008-09-15T15:53:00.601Z",
        "2026-09-07T10:30:00+01:00:30, 2026-09-07T09:29:30Z"
    })
    void parsesEveryAcceptedFormAndEarlierStoredForms(String text, String instant) {
        assertThat(XapiTimestamps.parse(text)).isEqualTo(Instant.parse(instant));
    }

    @ParameterizedTest(name = "\"{0}\" is no timestamp")
    @ValueSource(strings = {"yesterday", "01/011/2015", ""})
    void rejectsTextThatIsNoTimestamp(String text) {
        assertThatThrownBy(() -> XapiTimestamps.parse(text)).isInstanceOf(DateTimeParseException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-09-01T07:59:00Z", "2026-09-01T07:59:00.100Z", "2026-09-01T07:59:00.000001Z", "2026-09-01T07:59:00.123456789Z",
            "2026-09-01T07:59:00.120Z", "2026-09-01T07:59:00.000100Z", "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999999999Z",
            "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999Z", "+10000-01-01T00:00:00Z", "-0001-12-31T23:59:59Z", "2024-02-29T12:00:00.5Z"})
    void formatsAsIsoInstantDoes(String text) {
        Instant instant = Instant.parse(text);

        assertThat(XapiTimestamps.format(instant)).isEqualTo(java.time.format.DateTimeFormatter.ISO_INSTANT.format(instant));
    }

    @org.junit.jupiter.api.Test
    void formatsAnyInstantAsIsoInstantDoes() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(20261122);
        for (int i = 0; i < 200_000; i++) {
            long seconds = random.nextLong(Instant.parse("-2000-01-01T00:00:00Z").getEpochSecond(), Instant.parse("+12000-01-01T00:00:00Z").getEpochSecond());
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(seconds, nanos);

            assertThat(XapiTimestamps.format(instant)).as("%s", instant).isEqualTo(java.time.format.DateTimeFormatter.ISO_INSTANT.format(instant));
        }
    }
}

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
}

package io.learnstream.ingest.xapi.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ISO 8601:2004 section 4.4.3.2 durations. */
class DurationsTest {

    @ParameterizedTest(name = "{0} is a duration")
    @ValueSource(strings = {"PT4H35M59.14S", "PT16559.14S", "P3Y1M29DT4H35M59.14S", "P3Y", "P4W", "PT1H0M0.1S", "P1D", "PT0S", "P1M", "PT1M",
        "P1DT12H", "PT1.123456789S", "PT0,5S", "P0.5Y", "PT36H"})
    void iso8601DurationsAreAccepted(String text) {
        assertThat(Durations.isValid(text)).isTrue();
    }

    @ParameterizedTest(name = "\"{0}\" is not a duration")
    @ValueSource(strings = {"", "P", "PT", "P1DT", "PA1H0M0S", "P4W1D", "P1D4W", "P0003-01-29T04:35:59", "PT1.5H30M", "P1M1Y", "PT1S1M",
        "1H", "PT-1S", "P1.D", "P.5D", "pt1h", "PT1H ", "P1Y2Y", "PTT1H", "P1W2W"})
    void othersAreRejected(String text) {
        assertThat(Durations.isValid(text)).isFalse();
    }
}

package io.learnstream.sinks.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.Period;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetentionPolicyTest {
    private static final Instant STORED = Instant.parse("2026-02-28T10:15:00Z");

    @Test
    void shouldGiveEachNamedDistrictItsOwnPeriodAndEveryOtherTheStarsOne() {
        RetentionPolicy policy = RetentionPolicy.parse("riverside=P2Y, lakeside=P90D,*=P5Y");

        assertThat(policy.expiry("riverside", STORED)).isEqualTo(Instant.parse("2028-02-28T10:15:00Z"));
        assertThat(policy.expiry("lakeside", STORED)).isEqualTo(Instant.parse("2026-05-29T10:15:00Z"));
        assertThat(policy.expiry("hillside", STORED)).isEqualTo(Instant.parse("2031-02-28T10:15:00Z"));
        assertThat(policy).hasToString("lakeside=P90D,riverside=P2Y,*=P5Y");
    }

    @Test
    void shouldKeepADistrictWithoutLimitWhenNothingCoversIt() {
        RetentionPolicy policy = RetentionPolicy.parse("riverside=P18M");

        assertThat(policy.of("hillside")).isEmpty();
        assertThat(policy.expiry("hillside", STORED)).isEqualTo(RetentionPolicy.KEPT_WITHOUT_LIMIT);
        assertThat(RetentionPolicy.parse(" ")).isEqualTo(RetentionPolicy.keepForever());
        assertThat(RetentionPolicy.keepForever()).hasToString("kept without limit");
    }

    @Test
    void shouldKeepWithoutLimitWhatWouldExpireBeyondTheTablesRange() {
        assertThat(RetentionPolicy.parse("*=P200Y").expiry("riverside", STORED)).isEqualTo(RetentionPolicy.KEPT_WITHOUT_LIMIT);
    }

    @Test
    void shouldNameTheEntryAndWhatIsWrongWithIt() {
        assertThatThrownBy(() -> RetentionPolicy.parse("riverside=P2Y,lakeside=2 years"))
                .hasMessage("retention entry 2 ('lakeside=2 years'): '2 years' is not an ISO-8601 period such as P2Y, P18M or P90D");
        assertThatThrownBy(() -> RetentionPolicy.parse("riverside"))
                .hasMessageContaining("retention entry 1 ('riverside'): write district=period");
        assertThatThrownBy(() -> RetentionPolicy.parse("riverside=P2Y,riverside=P3Y"))
                .hasMessageContaining("retention entry 2 ('riverside=P3Y'): district riverside is given twice");
        assertThatThrownBy(() -> RetentionPolicy.parse("*=P2Y,*=P3Y")).hasMessageContaining("* is given twice");
        assertThatThrownBy(() -> RetentionPolicy.parse("River Side=P2Y")).hasMessageContaining("a district id is lower-case");
        assertThatThrownBy(() -> RetentionPolicy.parse("riverside=P0D"))
                .hasMessageContaining("the retention of district riverside must be a positive period, was P0D");
        assertThatThrownBy(() -> RetentionPolicy.parse("riverside=P1Y-1D")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetentionPolicy(Optional.of(Period.ofDays(-1)), Map.of()))
                .hasMessageContaining("every other district must be a positive period");
    }
}

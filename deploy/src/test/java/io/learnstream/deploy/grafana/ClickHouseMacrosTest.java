package io.learnstream.deploy.grafana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.learnstream.deploy.grafana.ClickHouseMacros.TimeRange;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The expansions are those of the plugin's pkg/macros/macros.go for the same range. */
class ClickHouseMacrosTest {
    private static final Instant FROM = Instant.parse("2026-09-14T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-09-21T12:30:00.250Z");
    private final ClickHouseMacros macros = new ClickHouseMacros(new TimeRange(FROM, TO, Duration.ofMinutes(5)));

    @Test
    void shouldFilterOnTheRangeInSecondsMillisecondsAndDays() {
        assertThat(macros.expand("WHERE $__timeFilter(as_of)"))
                .isEqualTo("WHERE as_of >= toDateTime(1789344000) AND as_of <= toDateTime(1789993800)");
        assertThat(macros.expand("WHERE $__timeFilter_ms(f.answered_time)")).isEqualTo(
                "WHERE f.answered_time >= fromUnixTimestamp64Milli(1789344000000) AND f.answered_time <= fromUnixTimestamp64Milli(1789993800250)");
        assertThat(macros.expand("$__dateFilter(day)")).isEqualTo("day >= toDate('2026-09-14') AND day <= toDate('2026-09-21')");
    }

    @Test
    void shouldBucketByTheIntervalAndNameTheRangesEnds() {
        assertThat(macros.expand("$__timeInterval(toDateTime(updated_at, 'UTC')), $__interval_s, $__fromTime, $__toTime_ms"))
                .isEqualTo("toStartOfInterval(toDateTime(toDateTime(updated_at, 'UTC')), INTERVAL 300 second), 300, "
                        + "toDateTime(1789344000), fromUnixTimestamp64Milli(1789993800250)");
    }

    @Test
    void shouldRefuseAMacroThePluginDoesNotHaveAndAWrongNumberOfArguments() {
        assertThatThrownBy(() -> macros.expand("$__timeGroup(as_of, '1h')")).hasMessageContaining("not a macro of the ClickHouse");
        assertThatThrownBy(() -> macros.expand("$__timeFilter(a, b)")).hasMessageContaining("takes 1 argument(s), got 2");
    }
}

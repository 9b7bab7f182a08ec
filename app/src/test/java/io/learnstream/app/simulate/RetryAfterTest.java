package io.learnstream.app.simulate;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2025-10-01T12:00:00Z");

    @Test
    void delaySecondsAreReadAsSeconds() {
        assertThat(RetryAfter.parse(Optional.of("5"), NOW)).contains(Duration.ofSeconds(5));
        assertThat(RetryAfter.parse(Optional.of(" 0 "), NOW)).contains(Duration.ZERO);
    }

    @Test
    void anHttpDateIsReadAsTheTimeUntilThen() {
        assertThat(RetryAfter.parse(Optional.of("Wed, 01 Oct 2025 12:00:30 GMT"), NOW)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse(Optional.of("Wed, 01 Oct 2025 11:00:00 GMT"), NOW)).contains(Duration.ZERO);
    }

    @Test
    void aMissingOrUnreadableHeaderGivesNothing() {
        assertThat(RetryAfter.parse(Optional.empty(), NOW)).isEmpty();
        assertThat(RetryAfter.parse(Optional.of("soon"), NOW)).isEmpty();
    }
}

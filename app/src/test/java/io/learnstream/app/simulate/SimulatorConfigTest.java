package io.learnstream.app.simulate;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimulatorConfigTest {

    private static final URI BASE = URI.create("http://localhost:8080");
    private static final Path STATE = Path.of("data", "simulator");

    private static SimulatorConfig.Builder builder() {
        return SimulatorConfig.builder(BASE, STATE);
    }

    @Test
    void unsetValuesTakeTheDefaults() {
        SimulatorConfig config = builder().build();

        assertThat(config.rate()).isEqualTo(500);
        assertThat(config.batchSize()).isEqualTo(50);
        assertThat(config.students()).isEqualTo(300);
        assertThat(config.schools()).isEqualTo(3);
        assertThat(config.termWeeks()).isEqualTo(16);
        assertThat(config.duration()).isEmpty();
        assertThat(config.credentials()).isEmpty();
        assertThat(config.termStart()).isEmpty();
        assertThat(config.stateFile()).isEqualTo(STATE.resolve("state.json"));
    }

    @Test
    void statementsArePostedToTheXapiStatementsResourceOfTheBaseUrl() {
        assertThat(builder().build().statementsEndpoint()).hasToString("http://localhost:8080/xAPI/statements");
        assertThat(SimulatorConfig.builder(URI.create("https://lrs.example.org/learnstream/"), STATE).build().statementsEndpoint())
                .hasToString("https://lrs.example.org/learnstream/xAPI/statements");
    }

    @Test
    void theDefaultTermStartsOnTheMondaySixteenWeeksBeforeTodayInUtc() {
        // given early Monday in UTC, still Sunday in the clock's own zone
        Clock clock = Clock.fixed(Instant.parse("2026-01-19T03:00:00Z"), ZoneOffset.ofHours(-8));

        LocalDate start = builder().build().firstTerm(clock).start();

        assertThat(start.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(start).isEqualTo(LocalDate.of(2025, 9, 29));
        assertThat(builder().termStart(LocalDate.of(2025, 8, 25)).build().firstTerm(clock).start()).isEqualTo(LocalDate.of(2025, 8, 25));
    }

    @Test
    void theSecretNeverShowsInToString() {
        SimulatorConfig config = builder().credentials(new Credentials("district-key", "s3cr3t-value")).build();

        assertThat(config.toString()).contains("district-key").doesNotContain("s3cr3t-value").contains("****");
        assertThat(config.credentials().orElseThrow().toString()).doesNotContain("s3cr3t-value");
    }

    @Test
    void credentialsMakeAnHttpBasicAuthorizationHeader() {
        String header = new Credentials("key", "secret").authorizationHeader();

        assertThat(header).startsWith("Basic ");
        assertThat(new String(Base64.getDecoder().decode(header.substring(6)))).isEqualTo("key:secret");
        assertThatThrownBy(() -> new Credentials("a:b", "x")).hasMessageContaining("key must not contain ':'");
        assertThatThrownBy(() -> new Credentials(" ", "x")).hasMessageContaining("key must not be blank");
    }

    @Test
    void invalidValuesAreRejectedNamingTheFieldAndWhy() {
        assertInvalid(b -> b.rate(0), "rate must be in (0,");
        assertInvalid(b -> b.rate(Double.NaN), "rate must be in (0,");
        assertInvalid(b -> b.batchSize(0), "batchSize must be in [1, 1000], was 0");
        assertInvalid(b -> b.batchSize(5_000), "batchSize must be in [1, 1000], was 5000");
        assertInvalid(b -> b.duration(Duration.ZERO), "duration must be positive");
        assertInvalid(b -> b.schools(0), "schools must be in [1,");
        assertInvalid(b -> b.schools(5).students(4), "students must be in [5,");
        assertInvalid(b -> b.termWeeks(0), "termWeeks must be in [1, 52]");
        assertInvalid(b -> b.concurrency(0), "concurrency must be in [1,");
        assertInvalid(b -> b.district("North Side"), "district slug must be");
        assertThatThrownBy(() -> SimulatorConfig.builder(URI.create("ftp://host"), STATE).build())
                .hasMessageContaining("baseUrl must be an absolute http(s) URL");
        assertThatThrownBy(() -> SimulatorConfig.builder(URI.create("http://host/?x=1"), STATE).build())
                .hasMessageContaining("baseUrl must have no query");
        assertThatThrownBy(() -> SimulatorConfig.builder(BASE, null).build())
                .hasMessageContaining("stateDir must not be null");
    }

    private static void assertInvalid(UnaryOperator<SimulatorConfig.Builder> change, String message) {
        assertThatThrownBy(() -> change.apply(builder()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}

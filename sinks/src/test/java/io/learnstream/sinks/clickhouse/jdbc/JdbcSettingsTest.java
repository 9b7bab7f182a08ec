package io.learnstream.sinks.clickhouse.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JdbcSettingsTest {

    @Test
    void thePasswordNeverShowsInToString() {
        JdbcSettings settings = new JdbcSettings("jdbc:clickhouse://localhost:8123/default", "learnstream", "s3cret");

        assertThat(settings.toString()).contains("jdbc:clickhouse://localhost:8123/default", "learnstream", "****")
                .doesNotContain("s3cret");
        assertThat(new JdbcSettings("jdbc:ch://h:8123", "u", "").toString()).contains("password=<none>");
    }

    @Test
    void settingsAreValidatedWhenMade() {
        assertThatThrownBy(() -> new JdbcSettings("jdbc:postgresql://h/db", "u", "p"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jdbc:postgresql://h/db");
        assertThatThrownBy(() -> new JdbcSettings("jdbc:clickhouse://h:8123", " ", "p"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("user");
        assertThatThrownBy(() -> new JdbcSettings("jdbc:clickhouse://h:8123", "u", null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("password");
    }
}

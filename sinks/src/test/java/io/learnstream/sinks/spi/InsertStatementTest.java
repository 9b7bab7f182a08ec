package io.learnstream.sinks.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class InsertStatementTest {

    @Test
    void rendersOneJsonArrayPerRowAfterTheFormatClause() {
        String sql = InsertStatement.render("analytics.events", List.of("id", "at", "tags", "props", "day", "who", "note"),
                List.of(Arrays.asList(1L, Instant.parse("2024-05-01T10:00:00.5Z"), List.of("a", "b"), Map.of("k", 2),
                        LocalDate.of(2024, 5, 1), UUID.fromString("00000000-0000-0000-0000-000000000001"), null)));

        assertThat(sql).isEqualTo("INSERT INTO `analytics`.`events` (`id`, `at`, `tags`, `props`, `day`, `who`, `note`)"
                + " SETTINGS date_time_input_format = 'best_effort' FORMAT JSONCompactEachRow\n"
                + "[1,\"2024-05-01T10:00:00.500Z\",[\"a\",\"b\"],{\"k\":2},\"2024-05-01\","
                + "\"00000000-0000-0000-0000-000000000001\",null]\n");
    }

    @Test
    void stringsAreJsonEscapedSoNoValueCanEndTheStatement() {
        String sql = InsertStatement.render("t", List.of("s"), List.of(List.of("x\"]\n[\"DROP TABLE t")));

        assertThat(sql.lines().skip(1).toList()).containsExactly("[\"x\\\"]\\n[\\\"DROP TABLE t\"]");
    }

    @Test
    void malformedNamesRowsAndValuesAreRefusedWithTheReason() {
        assertThatThrownBy(() -> InsertStatement.render("t; DROP TABLE x", List.of("a"), List.of(List.of(1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("t; DROP TABLE x");
        assertThatThrownBy(() -> InsertStatement.render("t", List.of("a`b"), List.of(List.of(1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a`b").hasMessageContaining("column");
        assertThatThrownBy(() -> InsertStatement.render("t", List.of("a", "b"), List.of(List.of(1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 0").hasMessageContaining("[a, b]");
        assertThatThrownBy(() -> InsertStatement.render("t", List.of("a"), List.of(List.of(new Object()))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("column a").hasMessageContaining("java.lang.Object");
        assertThatThrownBy(() -> InsertStatement.render("t", List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one column");
    }
}

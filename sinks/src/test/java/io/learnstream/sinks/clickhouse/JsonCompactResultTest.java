package io.learnstream.sinks.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import io.learnstream.sinks.spi.QueryResult;
import org.junit.jupiter.api.Test;

class JsonCompactResultTest {

    @Test
    void keepsClickHousesTextForScalarsAndJsonForNestedValues() {
        String output = """
                ["id", "score", "big", "name", "tags", "note"]
                ["UInt32", "Decimal(10, 3)", "UInt64", "String", "Array(String)", "Nullable(String)"]
                [1, 1.500, "18446744073709551615", "a\\tb", ["x","y"], null]
                """;

        QueryResult result = JsonCompactResult.parse(output.getBytes(StandardCharsets.UTF_8));

        assertThat(result.columnNames()).containsExactly("id", "score", "big", "name", "tags", "note");
        assertThat(result.columnTypes()).containsExactly("UInt32", "Decimal(10, 3)", "UInt64", "String", "Array(String)", "Nullable(String)");
        assertThat(result.rows()).containsExactly(Arrays.asList("1", "1.500", "18446744073709551615", "a\tb", "[\"x\",\"y\"]", null));
    }

    @Test
    void noOutputIsAnEmptyResultAndBrokenOutputIsReported() {
        assertThat(JsonCompactResult.parse(new byte[0])).isEqualTo(QueryResult.empty());
        assertThatThrownBy(() -> JsonCompactResult.parse("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not json");
    }
}

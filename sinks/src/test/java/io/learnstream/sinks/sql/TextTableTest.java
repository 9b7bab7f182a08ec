package io.learnstream.sinks.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import io.learnstream.sinks.spi.QueryResult;
import org.junit.jupiter.api.Test;

class TextTableTest {

    @Test
    void alignsNumbersRightAndTextLeftWithARowCount() {
        QueryResult result = new QueryResult(List.of("learner", "events", "score"), List.of("String", "UInt64", "Nullable(Float64)"),
                List.of(Arrays.asList("alice", "42", "9.5"), Arrays.asList("bob", "7", null)));

        assertThat(TextTable.render(result)).isEqualTo("""
                 learner | events | score
                ---------+--------+-------
                 alice   |     42 |   9.5
                 bob     |      7 |  NULL
                (2 rows)
                """);
    }

    @Test
    void cutsLongCellsAndShowsLineBreaksAsEscapes() {
        QueryResult result = new QueryResult(List.of("text"), List.of("String"),
                List.of(List.of("abcdefghijklmnopqrstuvwxyz"), List.of("two\nlines")));

        assertThat(TextTable.withMaxCellWidth(10).format(result)).isEqualTo("""
                 text
                ------------
                 abcdefghi…
                 two\\nlines
                (2 rows)
                """);
    }

    @Test
    void oneRowSaysRowAndAStatementWithoutColumnsSaysOk() {
        QueryResult one = new QueryResult(List.of("x"), List.of(""), List.of(List.of("-1.5e3")));

        assertThat(TextTable.render(one)).isEqualTo("""
                 x
                --------
                 -1.5e3
                (1 row)
                """);
        assertThat(TextTable.render(QueryResult.empty())).isEqualTo("OK\n");
    }

    @Test
    void anEmptyResultShowsTheHeader() {
        QueryResult none = new QueryResult(List.of("id", "name"), List.of("UInt32", "String"), List.of());

        assertThat(TextTable.render(none)).isEqualTo("""
                 id | name
                ----+------
                (0 rows)
                """);
    }
}

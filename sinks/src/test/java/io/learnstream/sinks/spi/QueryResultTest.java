package io.learnstream.sinks.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class QueryResultTest {

    private final QueryResult result = new QueryResult(List.of("learner", "events"), List.of("String", "UInt64"),
            List.of(List.of("alice", "3"), Arrays.asList("bob", null)));

    @Test
    void readsValuesByColumnName() {
        assertThat(result.value(0, "events")).isEqualTo("3");
        assertThat(result.column("learner")).containsExactly("alice", "bob");
        assertThat(result.rowCount()).isEqualTo(2);
        assertThatThrownBy(() -> result.column("nope")).hasMessageContaining("nope").hasMessageContaining("[learner, events]");
    }

    @Test
    void singleValueNeedsExactlyOneCell() {
        QueryResult count = new QueryResult(List.of("count()"), List.of("UInt64"), List.of(List.of("42")));

        assertThat(count.singleLong()).isEqualTo(42);
        assertThatThrownBy(result::singleValue).isInstanceOf(IllegalStateException.class).hasMessageContaining("2 row(s)");
        assertThatThrownBy(() -> new QueryResult(List.of("x"), List.of("String"), List.of(List.of("abc"))).singleLong())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'abc'");
    }

    @Test
    void rejectsRowsOfTheWrongWidthAndIsImmutable() {
        assertThatThrownBy(() -> new QueryResult(List.of("a"), List.of("String"), List.of(List.of("1", "2"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 0");
        assertThatThrownBy(() -> result.rows().getFirst().set(0, "x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void exceptionsExposeClickHousesCodeAndName() {
        ColumnStoreException e = new ColumnStoreException(
                "Code: 60. DB::Exception: Unknown table expression identifier 'nope' in scope SELECT * FROM nope. (UNKNOWN_TABLE)",
                "SELECT * FROM nope", null);

        assertThat(e.errorCode()).hasValue(60);
        assertThat(e.errorName()).hasValue("UNKNOWN_TABLE");
        assertThat(e.getMessage()).startsWith("Code: 60.").contains("while running: SELECT * FROM nope");
    }
}

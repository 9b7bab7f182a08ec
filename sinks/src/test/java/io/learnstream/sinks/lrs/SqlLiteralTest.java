package io.learnstream.sinks.lrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.learnstream.sinks.clickhouse.chdb.ChdbColumnStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Literals rendered by {@link SqlLiteral}, read back by the real engine: each denotes exactly its value. */
@Timeout(60)
class SqlLiteralTest {
    @TempDir
    static Path dataDir;
    static ChdbColumnStore store;

    @BeforeAll
    static void open() {
        store = ChdbColumnStore.open(dataDir);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "O'Brien", "back\\slash", "\\'", "' OR 1=1 --", "'); DROP TABLE xapi_statements; --",
            "line\nbreak\r\ttab", "nul\0byte", "bell\u0007 del\u007f", "ünïcödé «»", "emoji 🎓", "", "trailing\\"})
    void aStringLiteralDenotesExactlyItsValue(String value) {
        String text = store.query("SELECT " + SqlLiteral.string(value) + " AS v").singleValue();

        assertThat(text).isEqualTo(value);
        assertThat(store.query("SELECT " + SqlLiteral.string(value) + " = unhex('" + hex(value) + "') AS same").singleLong()).isEqualTo(1);
    }

    @Test
    void aListHoldsEachValueAsItsOwnLiteral() {
        assertThat(SqlLiteral.stringList(List.of("a", "b'c"))).isEqualTo("('a', 'b\\'c')");
        assertThat(store.query("SELECT 'b''c' IN " + SqlLiteral.stringList(List.of("a", "b'c")) + " AS found").singleLong()).isEqualTo(1);
    }

    @Test
    void anEmptyListIsRefusedRatherThanMatchingTheEmptyString() {
        assertThatThrownBy(() -> SqlLiteral.stringList(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anInstantIsItsMillisecondInUtc() {
        Instant instant = Instant.parse("2026-09-01T08:00:01.234567Z");

        assertThat(store.query("SELECT toString(" + SqlLiteral.dateTime64(instant) + ") AS t").singleValue()).isEqualTo("2026-09-01 08:00:01.234");
    }

    private static String hex(String value) {
        StringBuilder hex = new StringBuilder();
        for (byte b : value.getBytes(java.nio.charset.StandardCharsets.UTF_8)) hex.append(String.format("%02X", b));
        return hex.toString();
    }
}

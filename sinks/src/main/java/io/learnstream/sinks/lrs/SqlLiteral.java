package io.learnstream.sinks.lrs;

import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * ClickHouse SQL literals for values that come from callers: every string a query compares against goes through
 * {@link #string}, never into SQL text as it is. The same text is read alike by chDB and a ClickHouse server.
 */
public final class SqlLiteral {
    private SqlLiteral() {}

    /**
     * A single-quoted string literal: backslash and quote are escaped, control characters written as escapes,
     * everything else (any Unicode) kept, so the literal always denotes exactly {@code value}.
     */
    public static String string(String value) {
        Objects.requireNonNull(value, "a SQL string literal needs a value");
        StringBuilder out = new StringBuilder(value.length() + 2).append('\'');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\'' -> out.append("\\'");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\0' -> out.append("\\0");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('\'').toString();
    }

    /**
     * A parenthesised list of string literals for {@code IN}.
     *
     * @throws IllegalArgumentException for no values: callers decide what an empty set means before building SQL
     */
    public static String stringList(Collection<String> values) {
        if (values.isEmpty()) throw new IllegalArgumentException("an IN list needs at least one value");
        return values.stream().map(SqlLiteral::string).collect(Collectors.joining(", ", "(", ")"));
    }

    /** A {@code DateTime64(3, 'UTC')} value of the instant's millisecond (rounded down). */
    static String dateTime64(Instant instant) {
        return "fromUnixTimestamp64Milli(toInt64(" + instant.toEpochMilli() + "), 'UTC')";
    }
}

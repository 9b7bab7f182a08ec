package io.learnstream.app.dashboard.data;

import java.util.Collection;
import java.util.stream.Collectors;

/** ClickHouse string literals for values the dashboard puts in its queries (ids from URLs and the roster). */
final class SqlText {
    private SqlText() {}

    /** {@code text} as a single-quoted ClickHouse string literal, backslashes and quotes escaped. */
    static String literal(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('\'');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\'' -> out.append("\\'");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\0' -> out.append("\\0");
                default -> out.append(c);
            }
        }
        return out.append('\'').toString();
    }

    /** {@code (a, b, ...)} of literals; {@code ('')} for none, so {@code IN} matches nothing rather than failing. */
    static String list(Collection<String> values) {
        if (values.isEmpty()) return "('')";
        return values.stream().map(SqlText::literal).collect(Collectors.joining(", ", "(", ")"));
    }
}

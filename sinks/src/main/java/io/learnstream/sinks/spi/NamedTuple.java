package io.learnstream.sinks.spi;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A value of a named {@code Tuple(...)} column as {@link ColumnStore#insert} takes it: a map
 * of element name to value, which the insert writes as a JSON object (ClickHouse reads a named tuple from an object
 * by element name). Insertion-ordered, so the statement text is the same every time.
 */
public final class NamedTuple {
    private NamedTuple() {}

    public static Map<String, Object> of(String name1, Object value1, String name2, Object value2) {
        Map<String, Object> tuple = new LinkedHashMap<>(4);
        tuple.put(name1, value1);
        tuple.put(name2, value2);
        return tuple;
    }

    public static Map<String, Object> of(String name1, Object value1, String name2, Object value2, String name3, Object value3) {
        Map<String, Object> tuple = of(name1, value1, name2, value2);
        tuple.put(name3, value3);
        return tuple;
    }

    public static Map<String, Object> of(String name1, Object value1, String name2, Object value2, String name3, Object value3,
            String name4, Object value4) {
        Map<String, Object> tuple = of(name1, value1, name2, value2, name3, value3);
        tuple.put(name4, value4);
        return tuple;
    }
}

package io.learnstream.sinks.spi;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

/**
 * Renders many rows as one ClickHouse {@code INSERT ... FORMAT JSONCompactEachRow} statement with the rows
 * inline, which the embedded engine and a server both accept as plain SQL text.
 *
 * <p>Collections become JSON arrays and maps JSON objects, which ClickHouse reads into Array, Map and named Tuple
 * columns (a named tuple from an object by element name).
 *
 * <p>{@link Instant}s are written as ISO-8601 UTC text and parsed with {@code date_time_input_format='best_effort'},
 * so they land exactly whatever the column's time zone.
 */
public final class InsertStatement {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final ObjectWriter JSON = new ObjectMapper().writer();

    private InsertStatement() {
    }

    /**
     * The statement inserting {@code rows} into {@code table}; see
     * {@link io.learnstream.sinks.spi.ColumnStore#insert} for the accepted values.
     */
    public static String render(String table, List<String> columns, List<? extends List<?>> rows) {
        Objects.requireNonNull(rows, "rows");
        String target = quotedTable(table);
        if (columns == null || columns.isEmpty()) {
            throw new IllegalArgumentException("an insert into " + table + " needs at least one column");
        }
        String columnList = columns.stream().map(c -> quoted(c, "column of " + table)).collect(Collectors.joining(", "));
        StringBuilder sql = new StringBuilder(64 + rows.size() * 16 * columns.size())
                .append("INSERT INTO ").append(target).append(" (").append(columnList).append(")")
                .append(" SETTINGS date_time_input_format = 'best_effort'")
                .append(" FORMAT JSONCompactEachRow\n");
        for (int r = 0; r < rows.size(); r++) {
            List<?> row = rows.get(r);
            if (row == null || row.size() != columns.size()) {
                throw new IllegalArgumentException("row " + r + " for " + table + " has "
                        + (row == null ? "no" : row.size()) + " values, expected one per column " + columns);
            }
            List<Object> json = new ArrayList<>(row.size());
            for (int c = 0; c < row.size(); c++) {
                json.add(jsonValue(row.get(c), table, columns.get(c), r));
            }
            try {
                sql.append(JSON.writeValueAsString(json)).append('\n');
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("row " + r + " for " + table + " cannot be written as JSON: "
                        + e.getOriginalMessage(), e);
            }
        }
        return sql.toString();
    }

    /** {@code `name`} or {@code `database`.`name`}, after checking the parts are plain identifiers. */
    public static String quotedTable(String table) {
        Objects.requireNonNull(table, "table");
        int dot = table.indexOf('.');
        if (dot < 0) {
            return quoted(table, "table name");
        }
        return quoted(table.substring(0, dot), "database name") + "." + quoted(table.substring(dot + 1), "table name");
    }

    private static String quoted(String identifier, String what) {
        if (identifier == null || !IDENTIFIER.matcher(identifier).matches()) {
            throw new IllegalArgumentException("'" + identifier + "' is not a valid " + what
                    + ": use letters, digits and underscores, not starting with a digit");
        }
        return "`" + identifier + "`";
    }

    private static Object jsonValue(Object value, String table, String column, int row) {
        return switch (value) {
            case null -> null;
            case String s -> s;
            case Number n -> n;
            case Boolean b -> b;
            case Character ch -> ch.toString();
            case Instant instant -> instant.toString();
            case LocalDate date -> date.toString();
            case LocalDateTime dateTime -> dateTime.toString().replace('T', ' ');
            case UUID uuid -> uuid.toString();
            case Enum<?> e -> e.name();
            case Collection<?> items -> items.stream().map(item -> jsonValue(item, table, column, row)).toList();
            case Map<?, ?> map -> {
                Map<String, Object> json = new LinkedHashMap<>();
                map.forEach((k, v) -> json.put(String.valueOf(k), jsonValue(v, table, column, row)));
                yield json;
            }
            default -> throw new IllegalArgumentException("row " + row + ", column " + column + " of " + table
                    + ": values of type " + value.getClass().getName() + " cannot be inserted; use a String, Number,"
                    + " Boolean, Instant, LocalDate, LocalDateTime, UUID, enum, Collection or Map");
        };
    }
}

package io.learnstream.sinks.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The result of a query: column names, ClickHouse column types (e.g. {@code UInt64}, {@code Nullable(String)})
 * and rows of values as ClickHouse renders them as text; SQL NULL is {@code null}. Immutable.
 */
public record QueryResult(List<String> columnNames, List<String> columnTypes, List<List<String>> rows) {

    private static final QueryResult EMPTY = new QueryResult(List.of(), List.of(), List.of());

    public QueryResult {
        columnNames = List.copyOf(Objects.requireNonNull(columnNames, "columnNames"));
        columnTypes = List.copyOf(Objects.requireNonNull(columnTypes, "columnTypes"));
        if (columnNames.size() != columnTypes.size()) {
            throw new IllegalArgumentException("a query result needs one type per column, got "
                    + columnNames.size() + " names " + columnNames + " and " + columnTypes.size() + " types " + columnTypes);
        }
        List<List<String>> copy = new ArrayList<>(Objects.requireNonNull(rows, "rows").size());
        for (int i = 0; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            if (row.size() != columnNames.size()) {
                throw new IllegalArgumentException("row " + i + " of a query result has " + row.size()
                        + " values, expected one per column " + columnNames);
            }
            copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copy);
    }

    /** The result of a statement that returns nothing (DDL, INSERT). */
    public static QueryResult empty() {
        return EMPTY;
    }

    public int rowCount() {
        return rows.size();
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** Position of the named column. */
    public int columnIndex(String columnName) {
        int index = columnNames.indexOf(columnName);
        if (index < 0) {
            throw new IllegalArgumentException("no column '" + columnName + "' in the result; columns are " + columnNames);
        }
        return index;
    }

    /** The value in {@code row} of the named column. */
    public String value(int row, String columnName) {
        return rows.get(row).get(columnIndex(columnName));
    }

    /** All values of the named column, top to bottom. */
    public List<String> column(String columnName) {
        int index = columnIndex(columnName);
        return rows.stream().map(row -> row.get(index)).toList();
    }

    /** The only value of a one-row, one-column result, e.g. of {@code SELECT count() FROM t}. */
    public String singleValue() {
        if (columnNames.size() != 1 || rows.size() != 1) {
            throw new IllegalStateException("expected exactly one row with one column, got " + rows.size()
                    + " row(s) of columns " + columnNames);
        }
        return rows.getFirst().getFirst();
    }

    /** {@link #singleValue()} as a {@code long}. */
    public long singleLong() {
        String value = singleValue();
        if (value == null) {
            throw new IllegalStateException("expected a number in column " + columnNames.getFirst() + ", got NULL");
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("expected a whole number in column " + columnNames.getFirst()
                    + " (" + columnTypes.getFirst() + "), got '" + value + "'", e);
        }
    }
}

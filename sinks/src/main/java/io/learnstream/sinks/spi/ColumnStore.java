package io.learnstream.sinks.spi;

import java.util.List;

/**
 * A ClickHouse-dialect column store: the embedded chDB engine or a ClickHouse server. The same SQL runs on
 * every implementation.
 *
 * <p>Implementations are safe to call from several threads. {@link #close()} waits for calls in flight.
 */
public interface ColumnStore extends AutoCloseable {

    /**
     * Runs a statement whose result is not needed: DDL, {@code INSERT ... VALUES}, {@code OPTIMIZE}, ...
     *
     * @throws ColumnStoreException carrying ClickHouse's own error text when the statement fails
     */
    void execute(String sql);

    /**
     * Runs a query and returns its column names, ClickHouse column types and rows (values as ClickHouse
     * renders them as text, {@code null} for SQL NULL).
     *
     * @throws ColumnStoreException carrying ClickHouse's own error text when the query fails
     */
    QueryResult query(String sql);

    /**
     * Inserts many rows in one statement. Values may be {@code null}, {@link String}, {@link Number},
     * {@link Boolean}, {@link java.time.Instant} (for DateTime/DateTime64 columns, exact to the nanosecond and
     * independent of time zones), {@link java.time.LocalDate}, {@link java.time.LocalDateTime},
     * {@link java.util.UUID}, an enum (its name), a {@link java.util.Collection} (Array columns) or a
     * {@link java.util.Map} (Map columns; or a named Tuple column, element name to value), nested as the column's
     * type nests them (e.g. a list of maps for {@code Array(Tuple(item_id String, p Float64))}). Nothing is sent
     * when {@code rows} is empty.
     *
     * @param table   {@code name} or {@code database.name}
     * @param columns the columns the row values are for, in order
     * @param rows    each row holds one value per column
     * @throws IllegalArgumentException for a malformed name, a row of the wrong length or a value of an unsupported type
     * @throws ColumnStoreException     carrying ClickHouse's own error text when the insert fails
     */
    default void insert(String table, List<String> columns, List<? extends List<?>> rows) {
        if (!rows.isEmpty()) {
            execute(InsertStatement.render(table, columns, rows));
        }
    }

    /** A short description for logs and the CLI, e.g. the engine and where it keeps its data; never a secret. */
    String describe();

    /** Releases the connection; later calls fail. Calling it again does nothing. */
    @Override
    void close();
}

package io.learnstream.sinks.kafka;

import java.util.List;
import java.util.Optional;

/**
 * How one topic's records become rows of one ClickHouse table.
 *
 * @param <K> record key type
 * @param <V> record value type
 */
public interface RowMapper<K, V> {
    String table();

    List<String> columns();

    /**
     * The record's row, values in {@link #columns()} order (types as {@link io.learnstream.sinks.spi.ColumnStore#insert}
     * accepts them).
     *
     * @param offset the record's Kafka offset, usable as a version for ReplacingMergeTree tables
     */
    List<Object> row(K key, V value, long offset);

    /**
     * The row recording that a compacted topic's record of {@code key} was removed (a tombstone), for a table that
     * keeps removals as rows; empty (the default): the table takes no row for a tombstone and the sink skips it.
     */
    default Optional<List<Object>> tombstone(K key, long offset) {
        return Optional.empty();
    }
}

package io.learnstream.sinks.kafka;

import java.util.List;

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
}

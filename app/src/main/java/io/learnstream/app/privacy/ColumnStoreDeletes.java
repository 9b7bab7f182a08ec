package io.learnstream.app.privacy;

import io.learnstream.sinks.spi.ColumnStore;

/**
 * Deleting rows of a ClickHouse table the same way on chDB and a ClickHouse server: count what matches, then a
 * synchronous mutation ({@code ALTER TABLE … DELETE … mutations_sync = 2}, waiting for every replica), so the rows are
 * gone from every part when it returns, not just masked.
 */
final class ColumnStoreDeletes {
    private ColumnStoreDeletes() {}

    /** Deletes the rows of {@code table} matching {@code where}; returns how many there were. */
    static long delete(ColumnStore store, String table, String where) {
        long rows = store.query("SELECT count() FROM " + table + " WHERE " + where).singleLong();
        if (rows > 0) store.execute("ALTER TABLE " + table + " DELETE WHERE " + where + " SETTINGS mutations_sync = 2");
        return rows;
    }
}

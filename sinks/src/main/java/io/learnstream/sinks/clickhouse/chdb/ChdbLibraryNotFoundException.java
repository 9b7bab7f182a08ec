package io.learnstream.sinks.clickhouse.chdb;

import io.learnstream.sinks.spi.ColumnStoreException;

/** libchdb.so is not where it was looked for; the message says where that was and how to get it. */
public final class ChdbLibraryNotFoundException extends ColumnStoreException {

    public ChdbLibraryNotFoundException(String message) {
        super(message);
    }
}

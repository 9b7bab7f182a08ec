package io.learnstream.registry.store;

import java.util.List;

/**
 * Where the registry keeps its records. The registry reads everything once when it starts, then appends.
 * Implementations need not be thread-safe: the registry calls them from one writer at a time.
 */
public interface SchemaStore extends AutoCloseable {
    /** Every record stored so far, oldest first, so that applying them in order rebuilds the registry. */
    List<StoreRecord> readAll();

    /**
     * Stores {@code record} durably; returns only once it is acknowledged, so the caller may then apply it.
     *
     * @throws StoreException when the write was not acknowledged
     */
    void write(StoreRecord record);

    /** A description for logs, e.g. the topic and brokers. */
    String describe();

    @Override
    void close();
}

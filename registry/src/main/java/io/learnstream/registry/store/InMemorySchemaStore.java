package io.learnstream.registry.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A store that keeps its records in this process: nothing survives the JVM, but a new registry started on the same
 * instance replays them like it would replay the Kafka topic. For tests.
 */
public final class InMemorySchemaStore implements SchemaStore {
    private final List<StoreRecord> records = new ArrayList<>();

    @Override
    public synchronized List<StoreRecord> readAll() {
        return List.copyOf(records);
    }

    @Override
    public synchronized void write(StoreRecord record) {
        records.add(Objects.requireNonNull(record, "record"));
    }

    @Override
    public String describe() {
        return "in-memory store";
    }

    /** Keeps the records, so that a later registry can replay them. */
    @Override
    public void close() {}
}

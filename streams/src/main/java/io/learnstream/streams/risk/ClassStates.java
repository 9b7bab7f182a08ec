package io.learnstream.streams.risk;

import io.learnstream.schemas.avro.RiskClassState;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The task's classes' states: the {@code risk-classes} store (changelogged, what a restart restores) with an in-memory
 * copy of it, read once when the task's processor is initialised. Every event of a class reads its class's state, so
 * reading it from memory spares the store's lookup and Avro deserialization of it per event (the class's activity is
 * still rebuilt from it, t-digest included, by {@code RiskStates.activity}); every write goes to the store as well, so
 * the store stays what counts.
 */
final class ClassStates {
    /** The store's order: its keys' serialized (UTF-8) bytes, unsigned. */
    private static final Comparator<String> STORE_ORDER = Comparator.comparing(
            (String key) -> key.getBytes(StandardCharsets.UTF_8), Arrays::compareUnsigned);

    private final KeyValueStore<String, RiskClassState> store;
    private final Map<String, RiskClassState> copy = new HashMap<>();

    ClassStates(KeyValueStore<String, RiskClassState> store) {
        this.store = store;
        try (KeyValueIterator<String, RiskClassState> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, RiskClassState> entry = all.next();
                copy.put(entry.key, entry.value);
            }
        }
    }

    RiskClassState get(String classKey) {
        return copy.get(classKey);
    }

    void put(String classKey, RiskClassState state) {
        store.put(classKey, state);
        copy.put(classKey, state);
    }

    /** Every class's state, in the store's key order (as {@code store.all()} would give them). */
    List<KeyValue<String, RiskClassState>> all() {
        List<KeyValue<String, RiskClassState>> all = new ArrayList<>(copy.size());
        copy.forEach((key, state) -> all.add(KeyValue.pair(key, state)));
        all.sort(Comparator.comparing((KeyValue<String, RiskClassState> entry) -> entry.key, STORE_ORDER));
        return all;
    }
}

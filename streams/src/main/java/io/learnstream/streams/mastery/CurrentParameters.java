package io.learnstream.streams.mastery;

import io.learnstream.schemas.avro.MasteryParameter;
import io.learnstream.streams.mastery.model.MasteryModel;
import io.learnstream.streams.mastery.model.ParameterSet;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * The model built from the latest complete publication of parameters in the global parameters store. A publication
 * writes its entries, then {@link #VERSION_KEY}; the model is rebuilt when that entry's version changes, so a set
 * half-published is never used. Until a first publication, the shipped defaults (version 0) serve.
 */
final class CurrentParameters {
    static final String VERSION_KEY = ParameterPublication.VERSION_KEY;
    static final String META_PREFIX = ParameterPublication.META_PREFIX;

    private final ReadOnlyKeyValueStore<String, ValueAndTimestamp<MasteryParameter>> store;
    private final ParameterSet defaults;
    private long version = -1;
    private MasteryModel model;

    CurrentParameters(ReadOnlyKeyValueStore<String, ValueAndTimestamp<MasteryParameter>> store, ParameterSet defaults) {
        this.store = store;
        this.defaults = defaults;
    }

    /** The model of the latest publication (one store lookup when nothing changed). */
    MasteryModel model() {
        ValueAndTimestamp<MasteryParameter> marker = store.get(VERSION_KEY);
        long latest = marker == null ? 0 : marker.value().getVersion();
        if (latest != version) {
            model = new MasteryModel(latest == 0 ? defaults : load(latest));
            version = latest;
        }
        return model;
    }

    /** The version of the publication {@link #model()} last returned (0: the defaults). */
    long version() {
        return version;
    }

    private ParameterSet load(long publication) {
        Map<String, Map<String, Double>> entries = new HashMap<>();
        try (KeyValueIterator<String, ValueAndTimestamp<MasteryParameter>> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, ValueAndTimestamp<MasteryParameter>> entry = all.next();
                MasteryParameter parameter = entry.value.value();
                // entries of an older publication that the new one no longer has are left out
                if (entry.key.startsWith(META_PREFIX) || parameter.getVersion() != publication) continue;
                entries.put(entry.key, parameter.getValues());
            }
        }
        return ParameterSet.fromEntries(entries);
    }
}

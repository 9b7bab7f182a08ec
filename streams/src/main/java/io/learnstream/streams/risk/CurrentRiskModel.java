package io.learnstream.streams.risk;

import io.learnstream.schemas.avro.RiskParameter;
import io.learnstream.streams.risk.model.RiskModel;
import io.learnstream.streams.risk.model.RiskModelEntries;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * The model of the latest complete publication in the global risk-parameters store: rebuilt when the
 * {@link RiskModelPublication#VERSION_KEY} entry's version changes, so a model half-published is never used. Until a
 * first publication, the shipped defaults (version 0) serve.
 */
final class CurrentRiskModel {
    private final ReadOnlyKeyValueStore<String, ValueAndTimestamp<RiskParameter>> store;
    private final RiskModel defaults;
    private long version = -1;
    private RiskModel model;

    CurrentRiskModel(ReadOnlyKeyValueStore<String, ValueAndTimestamp<RiskParameter>> store, RiskModel defaults) {
        this.store = store;
        this.defaults = defaults;
    }

    /** The model of the latest publication (one store lookup when nothing changed). */
    RiskModel model() {
        ValueAndTimestamp<RiskParameter> marker = store.get(RiskModelPublication.VERSION_KEY);
        long latest = marker == null ? 0 : marker.value().getVersion();
        if (latest != version) {
            model = latest == 0 ? defaults : load(latest);
            version = latest;
        }
        return model;
    }

    private RiskModel load(long publication) {
        Map<String, Map<String, Double>> entries = new HashMap<>();
        try (KeyValueIterator<String, ValueAndTimestamp<RiskParameter>> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, ValueAndTimestamp<RiskParameter>> entry = all.next();
                RiskParameter parameter = entry.value.value();
                // entries of an older publication that the new one no longer has are left out
                if (parameter.getVersion() != publication || entry.key.equals(RiskModelPublication.VERSION_KEY)) continue;
                entries.put(entry.key, parameter.getValues());
            }
        }
        return RiskModelEntries.model(entries, publication);
    }
}

package io.learnstream.ingest.documents;

import io.learnstream.schemas.avro.XapiDocumentRecord;
import io.learnstream.schemas.topic.Topic;
import io.learnstream.schemas.topic.TopicTable;
import io.learnstream.schemas.topic.TopicTableConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link DocumentTable} on a compacted topic: the topic is the durable store (replicated, {@code acks=all}), a
 * {@link TopicTable} the materialised view every LRS instance keeps, and an index of keys by scope, kept by the
 * view's listener from the first record on, answers lists and delete-alls without a scan. A write returns once this
 * view has read it back. The view is in memory: it holds every document of its kind.
 */
public final class TopicDocumentTable implements DocumentTable, AutoCloseable {
    private final Map<String, Set<String>> keysByScope = new ConcurrentHashMap<>();
    private final TopicTable<String, XapiDocumentRecord> table;

    private TopicDocumentTable(Topic<String, XapiDocumentRecord> topic, TopicTableConfig config) {
        this.table = TopicTable.open(topic, config, this::changed);
    }

    /** Reads the topic to its end (creating it compacted when missing) and keeps following it. */
    public static TopicDocumentTable open(Topic<String, XapiDocumentRecord> topic, TopicTableConfig config) {
        return new TopicDocumentTable(topic, config);
    }

    private void changed(String key, XapiDocumentRecord previous, XapiDocumentRecord current) {
        String scope = DocumentAddress.scopeOfKey(key);
        if (current != null) {
            keysByScope.computeIfAbsent(scope, s -> ConcurrentHashMap.newKeySet()).add(key);
        } else {
            keysByScope.computeIfPresent(scope, (s, keys) -> {
                keys.remove(key);
                return keys.isEmpty() ? null : keys;
            });
        }
    }

    @Override
    public Optional<XapiDocumentRecord> get(String key) {
        return table.get(key);
    }

    @Override
    public Map<String, XapiDocumentRecord> inScope(String scope) {
        Set<String> keys = keysByScope.getOrDefault(scope, Set.of());
        Map<String, XapiDocumentRecord> documents = new LinkedHashMap<>();
        for (String key : keys) table.get(key).ifPresent(document -> documents.put(key, document));
        return documents;
    }

    @Override
    public void put(String key, XapiDocumentRecord document) {
        table.put(key, document);
    }

    @Override
    public void delete(String key) {
        table.delete(key);
    }

    @Override
    public void close() {
        table.close();
    }

    @Override
    public String toString() {
        return "TopicDocumentTable[" + table + "]";
    }
}

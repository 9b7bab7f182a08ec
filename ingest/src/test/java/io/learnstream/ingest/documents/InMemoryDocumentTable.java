package io.learnstream.ingest.documents;

import io.learnstream.schemas.avro.XapiDocumentRecord;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link DocumentTable} in a map, for the specs that do not need the broker. */
public final class InMemoryDocumentTable implements DocumentTable {
    private final Map<String, XapiDocumentRecord> documents = new ConcurrentHashMap<>();

    /** One empty table per kind. */
    public static Map<DocumentKind, DocumentTable> perKind() {
        Map<DocumentKind, DocumentTable> tables = new LinkedHashMap<>();
        for (DocumentKind kind : DocumentKind.values()) tables.put(kind, new InMemoryDocumentTable());
        return tables;
    }

    @Override
    public Optional<XapiDocumentRecord> get(String key) {
        return Optional.ofNullable(documents.get(key));
    }

    @Override
    public Map<String, XapiDocumentRecord> inScope(String scope) {
        Map<String, XapiDocumentRecord> found = new LinkedHashMap<>();
        documents.forEach((key, document) -> {
            if (DocumentAddress.scopeOfKey(key).equals(scope)) found.put(key, document);
        });
        return found;
    }

    @Override
    public void put(String key, XapiDocumentRecord document) {
        documents.put(key, document);
    }

    @Override
    public void delete(String key) {
        documents.remove(key);
    }

    public Map<String, XapiDocumentRecord> all() {
        return Map.copyOf(documents);
    }
}

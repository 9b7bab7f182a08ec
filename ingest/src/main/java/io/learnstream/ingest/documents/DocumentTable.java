package io.learnstream.ingest.documents;

import io.learnstream.schemas.avro.XapiDocumentRecord;
import java.util.Map;
import java.util.Optional;

/**
 * The documents of one kind, all districts, by record key ({@link DocumentAddress#key()}). A write returns once a
 * read sees it (read-your-writes); writes of one key are serialised by the caller ({@link DocumentStore}).
 */
public interface DocumentTable {
    Optional<XapiDocumentRecord> get(String key);

    /** The documents whose keys lie in {@code scope} ({@link DocumentAddress#scope()}), by key. */
    Map<String, XapiDocumentRecord> inScope(String scope);

    void put(String key, XapiDocumentRecord document);

    /** Removes the document (a tombstone); nothing happens when there is none. */
    void delete(String key);
}

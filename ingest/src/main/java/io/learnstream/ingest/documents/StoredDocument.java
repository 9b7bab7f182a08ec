package io.learnstream.ingest.documents;

import java.time.Instant;
import java.util.Objects;

/**
 * One document as read: its content as stored, the media type it was sent with, its ETag (hex SHA-1 of the content)
 * and when it was stored.
 */
public record StoredDocument(String id, String contentType, byte[] content, String etag, Instant updated) {
    public StoredDocument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(etag, "etag");
        Objects.requireNonNull(updated, "updated");
    }
}

package io.learnstream.ingest.documents;

import io.learnstream.ingest.xapi.XapiVersion;
import io.learnstream.schemas.avro.XapiDocumentRecord;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The document resources' rules over their tables: reads, lists by {@code since}, PUT (replace), POST (merge of JSON
 * objects, else create), DELETE of one or all, each write checked against {@code If-Match}/{@code If-None-Match}
 * (Communication 3.1) while no other write of the same document runs in this instance. A write returns once a read
 * sees it. The size limit is checked on what would be stored (a merge's result too).
 */
public final class DocumentStore {
    private static final int LOCK_STRIPES = 64;

    private final Map<DocumentKind, DocumentTable> tables;
    private final Clock clock;
    private final DocumentMetrics metrics;
    private final int maxDocumentBytes;
    private final ReentrantLock[] locks = new ReentrantLock[LOCK_STRIPES];

    public DocumentStore(Map<DocumentKind, DocumentTable> tables, Clock clock, DocumentMetrics metrics, int maxDocumentBytes) {
        this.tables = new EnumMap<>(Objects.requireNonNull(tables, "tables"));
        for (DocumentKind kind : DocumentKind.values()) {
            if (!this.tables.containsKey(kind)) throw new IllegalArgumentException("no table for " + kind);
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        if (maxDocumentBytes < 1) throw new IllegalArgumentException("maxDocumentBytes must be positive, got " + maxDocumentBytes);
        this.maxDocumentBytes = maxDocumentBytes;
        for (int i = 0; i < LOCK_STRIPES; i++) locks[i] = new ReentrantLock();
    }

    /** The most content one document may have, in octets. */
    public int maxDocumentBytes() {
        return maxDocumentBytes;
    }

    public Optional<StoredDocument> get(DocumentAddress address) {
        Optional<StoredDocument> document = table(address).get(address.key()).map(DocumentStore::stored);
        metrics.read(address.kind(), document.isPresent() ? "found" : "not_found", document.map(d -> d.content().length).orElse(0));
        return document;
    }

    /**
     * The documents of the scope (for State, of the registration when the address names one, else of every
     * registration), stored after {@code since} when given, by id.
     */
    public List<StoredDocument> list(DocumentAddress scope, Optional<Instant> since) {
        List<StoredDocument> documents = new ArrayList<>();
        for (XapiDocumentRecord record : table(scope).inScope(scope.scope()).values()) {
            if (scope.registration() != null && !scope.registration().equals(record.getRegistration())) continue;
            if (since.isPresent() && !record.getUpdated().isAfter(since.get())) continue;
            documents.add(stored(record));
        }
        documents.sort(Comparator.comparing(StoredDocument::id));
        metrics.read(scope.kind(), "listed", 0);
        return documents;
    }

    /**
     * Stores {@code content} as the document, replacing any.
     *
     * @throws DocumentRejectedException 412 when a precondition fails; 409 when the document exists and neither header
     *     was sent where the kind needs one ({@link DocumentKind#overwriteNeedsPrecondition}); 400 when the kind needs a
     *     header even to create ({@link DocumentKind#putNeedsPrecondition}) or JSON content is malformed; 413 when too large
     */
    public void put(DocumentAddress address, String contentType, byte[] content, Preconditions preconditions, XapiVersion version) {
        write(address, "put", () -> {
            DocumentMerge.requireJsonWhenDeclared(contentType, content);
            Optional<XapiDocumentRecord> current = table(address).get(address.key());
            String what = address.kind().description();
            if (!preconditions.any()) {
                if (current.isPresent() && address.kind().overwriteNeedsPrecondition(version)) {
                    throw new DocumentRejectedException(409, "conflict", "the " + what + " document exists and the PUT sent neither If-Match nor"
                            + " If-None-Match: GET it to check its current state, then PUT with If-Match set to its ETag (\""
                            + current.get().getEtag() + "\" now) to replace it");
                }
                if (current.isEmpty() && address.kind().putNeedsPrecondition()) {
                    throw new DocumentRejectedException(400, "precondition_required", "a PUT of an " + what + " document must send If-Match"
                            + " (the ETag of the document it replaces) or If-None-Match: * (to create it)");
                }
            }
            preconditions.require(current.map(XapiDocumentRecord::getEtag), what);
            return store(address, contentType, content);
        });
    }

    /**
     * Creates the document, or merges {@code content} into the stored one when both are JSON objects.
     *
     * @throws DocumentRejectedException 400 when a document exists and either is not a JSON object sent as JSON;
     *     412 when a precondition fails; 413 when the result is too large
     */
    public void post(DocumentAddress address, String contentType, byte[] content, Preconditions preconditions) {
        write(address, "post", () -> {
            DocumentMerge.requireJsonWhenDeclared(contentType, content);
            Optional<XapiDocumentRecord> current = table(address).get(address.key());
            preconditions.require(current.map(XapiDocumentRecord::getEtag), address.kind().description());
            if (current.isEmpty()) return store(address, contentType, content);
            byte[] merged = DocumentMerge.merge(current.get().getContentType(), bytes(current.get()), contentType, content,
                    address.kind().description());
            return store(address, contentType, merged);
        });
    }

    /** Deletes the document; a document that is not there is deleted already (204), unless If-Match named it (412). */
    public void delete(DocumentAddress address, Preconditions preconditions) {
        write(address, "delete", () -> {
            Optional<XapiDocumentRecord> current = table(address).get(address.key());
            preconditions.require(current.map(XapiDocumentRecord::getEtag), address.kind().description());
            if (current.isPresent()) table(address).delete(address.key());
            return 0;
        });
    }

    /** Deletes every document of the scope (for State, of the registration when the address names one). */
    public void deleteAll(DocumentAddress scope) {
        long started = System.nanoTime();
        for (Map.Entry<String, XapiDocumentRecord> document : table(scope).inScope(scope.scope()).entrySet()) {
            if (scope.registration() != null && !scope.registration().equals(document.getValue().getRegistration())) continue;
            ReentrantLock lock = lock(document.getKey());
            lock.lock();
            try {
                table(scope).delete(document.getKey());
            } finally {
                lock.unlock();
            }
        }
        metrics.write(scope.kind(), "delete_all", "deleted", 0, System.nanoTime() - started);
    }

    /** What a write does while it holds its document's lock; answers the octets stored. */
    private interface Write {
        int run();
    }

    private void write(DocumentAddress address, String operation, Write write) {
        long started = System.nanoTime();
        ReentrantLock lock = lock(address.key());
        lock.lock();
        int bytes;
        try {
            bytes = write.run();
        } catch (DocumentRejectedException e) {
            metrics.write(address.kind(), operation, e.error(), 0, 0);
            throw e;
        } finally {
            lock.unlock();
        }
        metrics.write(address.kind(), operation, operation.equals("delete") ? "deleted" : "stored", bytes, System.nanoTime() - started);
    }

    private int store(DocumentAddress address, String contentType, byte[] content) {
        if (content.length == 0) {
            throw new DocumentRejectedException(400, "empty_document", "the request carries no " + address.kind().description()
                    + " document; send its content as the body (DELETE removes a document)");
        }
        if (content.length > maxDocumentBytes) {
            throw new DocumentRejectedException(413, "document_too_large", "the " + address.kind().description() + " document would be "
                    + content.length + " bytes; at most " + maxDocumentBytes + " are kept per document");
        }
        XapiDocumentRecord record = XapiDocumentRecord.newBuilder()
                .setTenantId(address.tenantId())
                .setActivityId(address.activityId())
                .setAgent(address.agentJson())
                .setRegistration(address.registration())
                .setDocumentId(address.documentId())
                .setContentType(contentType)
                .setContent(ByteBuffer.wrap(content))
                .setEtag(DocumentEtags.of(content))
                .setUpdated(clock.instant().truncatedTo(ChronoUnit.MILLIS))
                .build();
        table(address).put(address.key(), record);
        return content.length;
    }

    private DocumentTable table(DocumentAddress address) {
        return tables.get(address.kind());
    }

    private ReentrantLock lock(String key) {
        return locks[Math.floorMod(key.hashCode(), LOCK_STRIPES)];
    }

    private static StoredDocument stored(XapiDocumentRecord record) {
        return new StoredDocument(record.getDocumentId(), record.getContentType(), bytes(record), record.getEtag(), record.getUpdated());
    }

    private static byte[] bytes(XapiDocumentRecord record) {
        ByteBuffer content = record.getContent().duplicate();
        byte[] bytes = new byte[content.remaining()];
        content.get(bytes);
        return bytes;
    }
}

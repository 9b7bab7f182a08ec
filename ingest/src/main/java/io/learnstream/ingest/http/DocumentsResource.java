package io.learnstream.ingest.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.learnstream.ingest.auth.Principal;
import io.learnstream.ingest.documents.DocumentEtags;
import io.learnstream.ingest.documents.DocumentKind;
import io.learnstream.ingest.documents.DocumentStore;
import io.learnstream.ingest.documents.Preconditions;
import io.learnstream.ingest.documents.StoredDocument;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One document resource ({@code /activities/state}, {@code /activities/profile} or {@code /agents/profile}):
 * PUT stores a document, POST creates or merges one, GET answers one (with its ETag and Last-Modified) or the ids of
 * the scope's documents (stored after {@code since}), DELETE removes one or, for State, all of the scope. Everything
 * happens in the caller's district, and needs the kind's scope ({@code state} or {@code profile}).
 */
final class DocumentsResource {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OCTETS = "application/octet-stream";

    private final DocumentKind kind;
    private final DocumentStore store;

    DocumentsResource(DocumentKind kind, DocumentStore store) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.store = Objects.requireNonNull(store, "store");
    }

    void get(Context ctx) {
        DocumentParameters parameters = parameters(ctx, false);
        if (parameters.address().documentId() != null) {
            Optional<StoredDocument> document = store.get(parameters.address());
            if (document.isEmpty()) {
                ctx.status(404).json(ApiError.of(404, "not_found", "no " + kind.description() + " document '"
                        + parameters.address().documentId() + "' here"));
                return;
            }
            StoredDocument found = document.get();
            ctx.header("ETag", quoted(found.etag()));
            ctx.header("Last-Modified", httpDate(found.updated()));
            ctx.contentType(found.contentType()).result(found.content());
            return;
        }
        List<StoredDocument> documents = store.list(parameters.address(), parameters.since());
        documents.stream().map(StoredDocument::updated).max(Instant::compareTo).ifPresent(newest -> ctx.header("Last-Modified", httpDate(newest)));
        try {
            byte[] ids = JSON.writeValueAsBytes(documents.stream().map(StoredDocument::id).toList());
            ctx.header("ETag", quoted(DocumentEtags.of(ids)));
            ctx.contentType("application/json").result(ids);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of ids could not be written", e);
        }
    }

    void put(Context ctx) {
        DocumentParameters parameters = parameters(ctx, true);
        store.put(parameters.address(), contentType(ctx), ctx.bodyAsBytes(), preconditions(ctx), XapiGate.version(ctx));
        ctx.status(204);
    }

    void post(Context ctx) {
        DocumentParameters parameters = parameters(ctx, true);
        store.post(parameters.address(), contentType(ctx), ctx.bodyAsBytes(), preconditions(ctx));
        ctx.status(204);
    }

    void delete(Context ctx) {
        DocumentParameters parameters = parameters(ctx, kind != DocumentKind.STATE);
        if (parameters.address().documentId() == null) store.deleteAll(parameters.address());
        else store.delete(parameters.address(), preconditions(ctx));
        ctx.status(204);
    }

    private DocumentParameters parameters(Context ctx, boolean idRequired) {
        Principal principal = XapiGate.principal(ctx, kind.scope());
        return DocumentParameters.parse(kind, ctx.req().getMethod(), idRequired, ctx.queryParamMap(), principal.tenantId());
    }

    private static Preconditions preconditions(Context ctx) {
        return Preconditions.of(ctx.header("If-Match"), ctx.header("If-None-Match"));
    }

    private static String contentType(Context ctx) {
        String type = ctx.contentType();
        return type == null || type.isBlank() ? OCTETS : type;
    }

    static String quoted(String etag) {
        return "\"" + etag + "\"";
    }

    static String httpDate(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
    }
}

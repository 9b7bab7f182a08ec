package io.learnstream.ingest.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.learnstream.ingest.attachments.AttachmentArchive;
import io.learnstream.ingest.attachments.AttachmentContent;
import io.learnstream.ingest.attachments.MultipartMixedWriter;
import io.learnstream.ingest.attachments.Sha2;
import io.learnstream.ingest.auth.Principal;
import io.learnstream.ingest.auth.Scope;
import io.learnstream.ingest.lrs.ReadResult;
import io.learnstream.ingest.lrs.StatementReader;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The read side of the xAPI Statement resource, {@code GET /xAPI/statements}: one statement by
 * {@code statementId} or {@code voidedStatementId}, or a query answered with a StatementResult and a
 * {@code more} link. Every answer carries {@code X-Experience-API-Consistent-Through}. With
 * {@code attachments=true} the answer is {@code multipart/mixed}: the JSON first, then the data of every attachment
 * the answer's statements reference that the district's archive holds, once per SHA-2 (xAPI Communication 1.5.2).
 */
public final class StatementsRead {
    static final String CONSISTENT_THROUGH = "X-Experience-API-Consistent-Through";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StatementReader reader;
    private final AttachmentArchive attachments;

    /** Reads statements; an {@code attachments=true} answer has the JSON part only (no attachment data is kept). */
    public StatementsRead(StatementReader reader) {
        this(reader, AttachmentArchive.NONE);
    }

    /** Reads statements, and with {@code attachments=true} the attachment data {@code attachments} holds. */
    public StatementsRead(StatementReader reader, AttachmentArchive attachments) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.attachments = Objects.requireNonNull(attachments, "attachments");
    }

    void get(Context ctx) {
        // every answer carries it, a 400 for a query the LRS refuses too (Communication 2.1.3): a client waiting for
        // consistency reads it whatever the status
        ctx.header(CONSISTENT_THROUGH, reader.consistentThrough().toString());
        Principal principal = XapiGate.principal(ctx, Scope.STATEMENTS_READ);
        ReadResult result = reader.read(principal.tenantId(), ctx.queryParamMap(), ctx.header("Accept-Language"), XapiGate.version(ctx));
        ctx.header(CONSISTENT_THROUGH, result.consistentThrough().toString());
        switch (result) {
            case ReadResult.Statement one -> {
                ctx.header("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(one.stored().atOffset(ZoneOffset.UTC)));
                body(ctx, principal.tenantId(), one.json(), one.attachments());
            }
            case ReadResult.Statements page -> body(ctx, principal.tenantId(), page.json(), page.attachments());
            case ReadResult.NotFound missing -> ctx.status(404).json(ApiError.of(404, "not_found", missing.message()));
        }
    }

    /** JSON, or with {@code attachments=true} multipart/mixed with the district's data of the attachments referenced. */
    private void body(Context ctx, String tenantId, String json, boolean withAttachments) {
        if (!withAttachments) {
            ctx.contentType("application/json").result(json);
            return;
        }
        List<String> referenced = referencedSha2s(json);
        Map<String, AttachmentContent> held = referenced.isEmpty() ? Map.of() : attachments.contents(tenantId, referenced);
        List<AttachmentContent> parts = new ArrayList<>(held.size());
        for (String sha2 : referenced) {
            AttachmentContent content = held.get(sha2);
            if (content != null) parts.add(content);
        }
        MultipartMixedWriter.Written written = MultipartMixedWriter.write(json, parts);
        ctx.contentType(written.contentType()).result(written.body());
    }

    /** The SHA-2s (lower case) of the attachments of the statement or StatementResult, in order, each once. */
    static List<String> referencedSha2s(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the answer to send is not JSON: " + e.getOriginalMessage(), e);
        }
        Set<String> sha2s = new LinkedHashSet<>();
        if (root.has("statements")) root.get("statements").forEach(statement -> collect(statement, sha2s));
        else collect(root, sha2s);
        return List.copyOf(sha2s);
    }

    private static void collect(JsonNode statement, Set<String> sha2s) {
        for (JsonNode attachment : statement.path("attachments")) {
            if (attachment.path("sha2").isTextual()) sha2s.add(Sha2.normalized(attachment.get("sha2").asText()));
        }
    }
}

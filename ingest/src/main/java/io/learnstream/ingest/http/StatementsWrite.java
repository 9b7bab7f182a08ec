package io.learnstream.ingest.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.learnstream.ingest.StatementConflictException;
import io.learnstream.ingest.StatementIntake;
import io.learnstream.ingest.Submitter;
import io.learnstream.ingest.attachments.AttachmentContent;
import io.learnstream.ingest.attachments.AttachmentIntake;
import io.learnstream.ingest.attachments.AttachmentMatcher;
import io.learnstream.ingest.attachments.AttachmentPart;
import io.learnstream.ingest.attachments.MultipartStatementReader;
import io.learnstream.ingest.attachments.MultipartStatementRequest;
import io.learnstream.ingest.auth.Principal;
import io.learnstream.ingest.auth.Scope;
import io.learnstream.ingest.xapi.ReceivedText;
import io.learnstream.ingest.xapi.Statement;
import io.learnstream.ingest.xapi.StatementRejectedException;
import io.learnstream.ingest.xapi.XapiVersion;
import io.learnstream.ingest.xapi.validation.Uuids;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * The write side of the xAPI Statement resource: {@code POST /xAPI/statements} (one statement or an array;
 * answers their ids) and {@code PUT /xAPI/statements?statementId=} (one statement; answers 204). Both take
 * {@code application/json}, or {@code multipart/mixed} with the statements as the first part and attachment data
 * in the parts after it (xAPI Communication 1.5.2). The statements are validated first, then their attachments
 * matched with the parts and their signatures verified; all or nothing. The attachment data is stored before the
 * statements, and the answer is sent only after Kafka acknowledged both.
 */
final class StatementsWrite {

    private final StatementIntake intake;
    private final AttachmentIntake attachments;
    private final MultipartStatementReader multipart;
    private final JsonBodies bodies;
    private final PublishFailures failures;
    private final Executor afterAcknowledgement;

    /**
     * @param attachments keeps attachment data, or {@code null} when this LRS keeps none (then {@code multipart/mixed}
     *                    gets 415 and only attachments with a {@code fileUrl} are accepted)
     * @param afterAcknowledgement where the statements are sent once Kafka acknowledged the attachment data, and the
     *                    answer written once it acknowledged the statements
     */
    StatementsWrite(StatementIntake intake, AttachmentIntake attachments, MultipartStatementReader multipart, JsonBodies bodies,
            PublishFailures failures, Executor afterAcknowledgement) {
        this.intake = intake;
        this.attachments = attachments;
        this.multipart = multipart;
        this.bodies = bodies;
        this.failures = failures;
        this.afterAcknowledgement = afterAcknowledgement;
    }

    void post(Context ctx) {
        Principal principal = XapiGate.principal(ctx, Scope.STATEMENTS_WRITE);
        if (ctx.queryParam("statementId") != null) {
            throw new ApiException(400, "unexpected_parameter", "POST takes no statementId parameter; use PUT to store a statement under an id");
        }
        XapiVersion version = XapiGate.version(ctx);
        Body body = body(ctx, true);
        store(ctx, principal, version, body, ids -> ctx.status(200).json(ids));
    }

    void put(Context ctx) {
        Principal principal = XapiGate.principal(ctx, Scope.STATEMENTS_WRITE);
        String statementId = ctx.queryParam("statementId");
        if (statementId == null) {
            throw new ApiException(400, "missing_parameter", "PUT needs the statementId parameter: /xAPI/statements?statementId=<uuid>");
        }
        if (!Uuids.isStandardForm(statementId)) {
            throw new StatementRejectedException("statementId", "must be a UUID such as 3f1c0a6e-7d2b-4c55-9a1e-2b8f5c1d9e77");
        }
        Body body = body(ctx, false); // the id may be set from the parameter: the statement is stored as written from its tree
        JsonNode json = body.json();
        if (!json.isObject()) {
            throw new StatementRejectedException("", "PUT takes one statement (a JSON object), not " + json.getNodeType().name().toLowerCase());
        }
        if (json.hasNonNull("id") && !UUID.fromString(statementId).toString().equalsIgnoreCase(json.get("id").asText())) {
            throw new StatementRejectedException("id", "differs from the statementId parameter " + statementId);
        }
        ((com.fasterxml.jackson.databind.node.ObjectNode) json).put("id", statementId.toLowerCase(java.util.Locale.ROOT));
        store(ctx, principal, XapiGate.version(ctx), body, ids -> ctx.status(204));
    }

    /**
     * The statements' JSON, the attachment parts of the request (none for {@code application/json}) and each statement's
     * text as sent ({@code null} when not kept).
     */
    private record Body(JsonNode json, List<AttachmentPart> parts, List<ReceivedText> received) {}

    /** @param keepText whether to keep each statement's text as sent, for storing it with what the LRS adds appended */
    private Body body(Context ctx, boolean keepText) {
        if (MultipartStatementReader.isMultipartMixed(ctx.contentType())) {
            if (attachments == null) {
                throw new ApiException(415, "unsupported_media_type", "this LRS keeps no attachment data: send application/json"
                        + " statements whose attachments each have a fileUrl");
            }
            MultipartStatementRequest request = multipart.read(ctx.contentType(), ctx.bodyAsBytes());
            return new Body(bodies.parse(request.json()), request.parts(), null);
        }
        if (!keepText) return new Body(bodies.read(ctx), List.of(), null);
        JsonBodies.Statements statements = bodies.readStatements(ctx);
        return new Body(statements.json(), List.of(), statements.received());
    }

    /** Validates everything, then stores the attachment data and after it the statements; answers once both are acknowledged. */
    private void store(Context ctx, Principal principal, XapiVersion version, Body body, java.util.function.Consumer<List<UUID>> answer) {
        // the statements as received, for the signature check: preparing them sets id, timestamp, stored and version
        boolean withAttachments = !body.parts().isEmpty() || declaresAttachments(body.json());
        JsonNode received = withAttachments ? body.json().deepCopy() : null;
        List<Statement> statements = intake.prepare(body.json(), body.received(), version);
        List<AttachmentContent> data;
        if (!withAttachments) data = List.of();
        else if (attachments == null) data = AttachmentMatcher.match(received, body.parts()).contents();
        else data = attachments.accept(received, body.parts());
        Submitter submitter = submitter(principal);
        CompletableFuture<List<UUID>> stored = data.isEmpty()
                ? intake.store(submitter, version, statements)
                : attachments.store(principal.tenantId(), data)
                        .thenComposeAsync(done -> intake.store(submitter, version, statements), afterAcknowledgement);
        respond(ctx, stored, answer);
    }

    private static boolean declaresAttachments(JsonNode json) {
        if (!json.isArray()) return json.has("attachments");
        for (JsonNode statement : json) {
            if (statement.has("attachments")) return true;
        }
        return false;
    }

    private void respond(Context ctx, CompletableFuture<List<UUID>> stored, java.util.function.Consumer<List<UUID>> answer) {
        ctx.future(() -> stored.handleAsync((ids, error) -> {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            // a conflict found once the attachment data was stored: the server's handler answers it like any other
            if (cause instanceof StatementConflictException conflict) throw conflict;
            if (error == null) answer.accept(ids);
            else failures.answer(ctx, error);
            return null;
        }, afterAcknowledgement));
    }

    static Submitter submitter(Principal principal) {
        return new Submitter(principal.tenantId(), principal.tool(), principal.credentialKey());
    }
}

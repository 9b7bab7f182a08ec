package io.learnstream.ingest.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.learnstream.ingest.StatementIntake;
import io.learnstream.ingest.Submitter;
import io.learnstream.ingest.auth.Principal;
import io.learnstream.ingest.auth.Scope;
import io.learnstream.ingest.xapi.Statement;
import io.learnstream.ingest.xapi.StatementRejectedException;
import io.learnstream.ingest.xapi.XapiVersion;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * The write side of the xAPI Statement resource: {@code POST /xAPI/statements} (one statement or an array;
 * answers their ids) and {@code PUT /xAPI/statements?statementId=} (one statement; answers 204). The answer is
 * sent only after Kafka acknowledged the statements.
 */
final class StatementsWrite {
    private static final Pattern UUID_TEXT =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private final StatementIntake intake;
    private final JsonBodies bodies;
    private final PublishFailures failures;

    StatementsWrite(StatementIntake intake, JsonBodies bodies, PublishFailures failures) {
        this.intake = intake;
        this.bodies = bodies;
        this.failures = failures;
    }

    void post(Context ctx) {
        Principal principal = XapiGate.principal(ctx, Scope.STATEMENTS_WRITE);
        if (ctx.queryParam("statementId") != null) {
            throw new ApiException(400, "unexpected_parameter", "POST takes no statementId parameter; use PUT to store a statement under an id");
        }
        XapiVersion version = XapiGate.version(ctx);
        List<Statement> statements = intake.prepare(bodies.read(ctx), version);
        respond(ctx, intake.store(submitter(principal), version, statements), ids -> ctx.status(200).json(ids));
    }

    void put(Context ctx) {
        Principal principal = XapiGate.principal(ctx, Scope.STATEMENTS_WRITE);
        String statementId = ctx.queryParam("statementId");
        if (statementId == null) {
            throw new ApiException(400, "missing_parameter", "PUT needs the statementId parameter: /xAPI/statements?statementId=<uuid>");
        }
        if (!UUID_TEXT.matcher(statementId).matches()) {
            throw new StatementRejectedException("statementId", "must be a UUID such as 3f1c0a6e-7d2b-4c55-9a1e-2b8f5c1d9e77");
        }
        JsonNode body = bodies.read(ctx);
        if (!body.isObject()) {
            throw new StatementRejectedException("", "PUT takes one statement (a JSON object), not " + body.getNodeType().name().toLowerCase());
        }
        if (body.hasNonNull("id") && !UUID.fromString(statementId).toString().equalsIgnoreCase(body.get("id").asText())) {
            throw new StatementRejectedException("id", "differs from the statementId parameter " + statementId);
        }
        ((com.fasterxml.jackson.databind.node.ObjectNode) body).put("id", statementId.toLowerCase(java.util.Locale.ROOT));
        XapiVersion version = XapiGate.version(ctx);
        List<Statement> statements = intake.prepare(body, version);
        respond(ctx, intake.store(submitter(principal), version, statements), ids -> ctx.status(204));
    }

    private void respond(Context ctx, CompletableFuture<List<UUID>> stored, java.util.function.Consumer<List<UUID>> answer) {
        ctx.future(() -> stored.handle((ids, error) -> {
            if (error == null) answer.accept(ids);
            else failures.answer(ctx, error);
            return null;
        }));
    }

    static Submitter submitter(Principal principal) {
        return new Submitter(principal.tenantId(), principal.tool(), principal.credentialKey());
    }
}

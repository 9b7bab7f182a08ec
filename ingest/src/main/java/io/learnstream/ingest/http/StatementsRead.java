package io.learnstream.ingest.http;

import io.javalin.http.Context;
import io.learnstream.ingest.auth.Principal;
import io.learnstream.ingest.auth.Scope;
import io.learnstream.ingest.lrs.ReadResult;
import io.learnstream.ingest.lrs.StatementReader;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * The read side of the xAPI Statement resource, {@code GET /xAPI/statements}: one statement by
 * {@code statementId} or {@code voidedStatementId}, or a query answered with a StatementResult and a
 * {@code more} link. Every answer carries {@code X-Experience-API-Consistent-Through}.
 */
public final class StatementsRead {
    static final String CONSISTENT_THROUGH = "X-Experience-API-Consistent-Through";

    private final StatementReader reader;

    public StatementsRead(StatementReader reader) {
        this.reader = reader;
    }

    void get(Context ctx) {
        Principal principal = XapiGate.principal(ctx, Scope.STATEMENTS_READ);
        ReadResult result = reader.read(principal.tenantId(), ctx.queryParamMap(), ctx.header("Accept-Language"), XapiGate.version(ctx));
        ctx.header(CONSISTENT_THROUGH, result.consistentThrough().toString());
        switch (result) {
            case ReadResult.Statement one -> {
                ctx.header("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(one.stored().atOffset(ZoneOffset.UTC)));
                body(ctx, one.json(), one.attachments());
            }
            case ReadResult.Statements page -> body(ctx, page.json(), page.attachments());
            case ReadResult.NotFound missing -> ctx.status(404).json(ApiError.of(404, "not_found", missing.message()));
        }
    }

    /** JSON, or with {@code attachments=true} a multipart/mixed answer whose only part is the JSON (no attachment data is kept). */
    private static void body(Context ctx, String json, boolean attachments) {
        if (!attachments) {
            ctx.contentType("application/json").result(json);
            return;
        }
        String boundary = "learnstream-" + UUID.randomUUID();
        ctx.contentType("multipart/mixed; boundary=" + boundary).result("--" + boundary + "\r\n"
                + "Content-Type: application/json\r\n\r\n" + json + "\r\n--" + boundary + "--\r\n");
    }
}

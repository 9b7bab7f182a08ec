package io.learnstream.ingest.lrs;

import java.time.Instant;

/**
 * What a GET statements request comes to, for the HTTP layer to turn into a response. Every outcome carries the
 * value of the {@code X-Experience-API-Consistent-Through} header, which xAPI asks for on every answer of the
 * statement resource.
 */
public sealed interface ReadResult {

    /** The value of {@code X-Experience-API-Consistent-Through} (ISO 8601). */
    Instant consistentThrough();

    /**
     * One statement ({@code statementId} or {@code voidedStatementId}): {@code 200} with the JSON body.
     *
     * @param json         the statement shaped by the requested format
     * @param stored       its {@code stored} time, for the {@code Last-Modified} header
     * @param attachments  whether the caller asked for {@code attachments=true}: answer {@code multipart/mixed} with
     *                     the statement first, then the data of each attachment it references that the archive holds
     */
    record Statement(String json, Instant stored, boolean attachments, Instant consistentThrough) implements ReadResult {}

    /** No statement with the requested id for the caller's tenant (or not in the requested voided state): {@code 404}. */
    record NotFound(String message, Instant consistentThrough) implements ReadResult {}

    /**
     * A StatementResult: {@code 200} with the JSON body {@code {"statements": [...], "more": "..."}}.
     *
     * @param json        the StatementResult; {@code more} is a relative URL or the empty string
     * @param attachments whether the caller asked for {@code attachments=true} (see {@link Statement#attachments()})
     */
    record Statements(String json, boolean attachments, Instant consistentThrough) implements ReadResult {}
}

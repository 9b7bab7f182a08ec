package io.learnstream.ingest.lrs;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The archive of every statement the LRS accepted, per district (tenant): what GET statements reads and what the
 * write side asks to tell a repeated statement from a conflicting one. Every call is scoped to one tenant; a
 * statement of another tenant does not exist for it.
 *
 * <p>When several writes of one statement id reached the archive (only a race between two requests can cause
 * that), the first one written is the statement; the others are never returned.
 */
public interface StatementArchive {

    /** The statement with this id, unless it is voided. */
    Optional<ArchivedStatement> statement(String tenantId, String statementId);

    /** The statement with this id if it is voided (a voiding statement of the same tenant targets it). */
    Optional<ArchivedStatement> voidedStatement(String tenantId, String statementId);

    /**
     * One page of the statements matching {@code query} (its filters, {@code since}/{@code until}, order and
     * {@code limit}), never a voided one, with the xAPI rule for StatementRefs: a statement whose object targets
     * another statement matches the agent, verb, activity and registration filters when the targeted one does
     * (recursively), while {@code since}, {@code until} and the order apply to the targeting statement itself.
     *
     * @param after         where the previous page ended, or empty for the first page
     * @param storedThrough list only statements stored at or before this instant (the reader passes
     *                      {@link #consistentThrough()}, so a listing never shows a statement whose predecessors may
     *                      still be missing)
     */
    StatementPage query(String tenantId, StatementQuery query, Optional<PagePosition> after, Instant storedThrough);

    /**
     * The content hashes of those of {@code statementIds} the archive holds (lower-case id to hash), asked in one
     * query for a whole batch. Voided statements count: their ids stay taken. The hash is the first write's.
     */
    Map<String, String> contentHashes(String tenantId, Collection<String> statementIds);

    /**
     * An instant up to which the archive is complete: every statement the LRS stored (the {@code stored} property)
     * before it can be read. The value of the {@code X-Experience-API-Consistent-Through} header.
     */
    Instant consistentThrough();
}

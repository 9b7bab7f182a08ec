package io.learnstream.ingest.lrs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.learnstream.ingest.xapi.XapiVersion;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The GET side of the xAPI statement resource, apart from HTTP: checks the query, reads the archive of the
 * caller's tenant and shapes the answer (xAPI 1.0.3 and 2.0.0, "GET Statements").
 *
 * <ul>
 *   <li>{@code statementId}: the statement, unless it is voided (then not found).</li>
 *   <li>{@code voidedStatementId}: the statement only if it is voided.</li>
 *   <li>otherwise a StatementResult, newest stored first unless {@code ascending=true}, without voided statements,
 *       holding only statements stored up to the archive's consistent-through instant (so a listing never has
 *       gaps that fill in later, and the header is never before a listed statement's {@code stored}). When more
 *       match than the page holds, {@code more} is {@code <statements path>?more=<cursor>}; that link alone
 *       returns the next page of the same query, unaffected by statements stored meanwhile.</li>
 * </ul>
 */
public final class StatementReader {
    /** The query parameter of a {@code more} link. */
    public static final String MORE = "more";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final StatementArchive archive;
    private final MoreCursor cursors;
    private final String statementsPath;
    private final RecentWrites recentWrites;
    private final Duration readYourWrites;

    /**
     * @param archive        the statements
     * @param cursors        seals and opens {@code more} cursors
     * @param statementsPath the path of the statement resource {@code more} links point to, e.g. {@code /xAPI/statements}
     */
    public StatementReader(StatementArchive archive, MoreCursor cursors, String statementsPath) {
        this(archive, cursors, statementsPath, RecentWrites.NONE, Duration.ZERO);
    }

    /**
     * A reader that lets a GET by {@code statementId} of a statement {@code recentWrites} knows wait up to
     * {@code readYourWrites} for the archive to take it in and be consistent through it, instead of answering 404 (or
     * answering it while listings do not show it yet).
     */
    public StatementReader(StatementArchive archive, MoreCursor cursors, String statementsPath, RecentWrites recentWrites,
            Duration readYourWrites) {
        this.archive = Objects.requireNonNull(archive, "archive");
        this.cursors = Objects.requireNonNull(cursors, "cursors");
        this.statementsPath = Objects.requireNonNull(statementsPath, "statementsPath");
        this.recentWrites = Objects.requireNonNull(recentWrites, "recentWrites");
        this.readYourWrites = Objects.requireNonNull(readYourWrites, "readYourWrites");
    }

    /**
     * Answers a GET statements request of {@code tenantId}.
     *
     * @param queryParams    the request's query (or form) parameters, name to values
     * @param acceptLanguage the {@code Accept-Language} header, or {@code null}
     * @param version        the xAPI version the request spoke
     * @throws StatementQueryException for a parameter that cannot be accepted (answer {@code 400})
     */
    public ReadResult read(String tenantId, Map<String, List<String>> queryParams, String acceptLanguage, XapiVersion version) {
        Objects.requireNonNull(tenantId, "tenantId");
        LanguagePreference languages = LanguagePreference.parse(acceptLanguage);
        if (queryParams.containsKey(MORE)) {
            List<String> values = queryParams.get(MORE);
            if (queryParams.size() > 1) {
                throw new StatementQueryException(MORE, "must be the only parameter: a more link repeats its query by itself");
            }
            if (values == null || values.size() != 1) {
                throw new StatementQueryException(MORE, "must be given exactly once");
            }
            MoreCursor.Continuation continuation = cursors.decode(tenantId, values.getFirst());
            return list(tenantId, continuation.query(), Optional.of(continuation.after()), languages);
        }
        StatementQuery query = StatementQuery.parse(queryParams, version);
        if (query.statementId().isPresent()) {
            String id = query.statementId().get();
            Optional<ArchivedStatement> found = archive.statement(tenantId, id);
            if (recentWrites.storedHere(tenantId, id.toLowerCase(Locale.ROOT))) found = awaitConsistent(tenantId, id, found);
            return single(query, languages, found,
                    "no statement " + id + " that is not voided (a voided statement is fetched with voidedStatementId)");
        }
        if (query.voidedStatementId().isPresent()) {
            String id = query.voidedStatementId().get();
            return single(query, languages, archive.voidedStatement(tenantId, id), "no voided statement " + id);
        }
        return list(tenantId, query, Optional.empty(), languages);
    }

    /**
     * The archive's consistent-through instant, for the {@code X-Experience-API-Consistent-Through} header of an
     * answer that has no {@link ReadResult} (a refused query, an error): xAPI asks for it on every response of the
     * statement resource.
     */
    public Instant consistentThrough() {
        return archive.consistentThrough();
    }

    /**
     * A statement this instance stored, once the archive is consistent through its {@code stored} time: then every
     * listing shows it too, so a tool that reads its write back by id and then queries finds it in both. Empty when it
     * is voided. Gives up after {@link #readYourWrites} with what the archive has. Polls every
     * {@link ArchivePolling#INTERVAL}; when the archive keeps up, the wait is its append allowance at most.
     */
    private Optional<ArchivedStatement> awaitConsistent(String tenantId, String id, Optional<ArchivedStatement> found) {
        long deadline = System.nanoTime() + readYourWrites.toNanos();
        while (true) {
            if (found.isPresent() && !found.get().stored().isAfter(archive.consistentThrough())) return found;
            if (found.isEmpty() && !archive.contentHashes(tenantId, List.of(id)).isEmpty()) {
                // archived: voided, unless it was taken in between the two lookups
                found = archive.statement(tenantId, id);
                if (found.isEmpty()) return found;
                continue;
            }
            if (System.nanoTime() >= deadline) return found;
            if (!ArchivePolling.pause()) return found;
            found = archive.statement(tenantId, id);
        }
    }

    private ReadResult single(StatementQuery query, LanguagePreference languages, Optional<ArchivedStatement> found, String missing) {
        Instant consistentThrough = archive.consistentThrough();
        if (found.isEmpty()) return new ReadResult.NotFound(missing, consistentThrough);
        ArchivedStatement statement = found.get();
        return new ReadResult.Statement(shaped(statement, query.format(), languages), statement.stored(),
                query.attachments(), consistentThrough);
    }

    private ReadResult list(String tenantId, StatementQuery query, Optional<PagePosition> after, LanguagePreference languages) {
        Instant consistentThrough = archive.consistentThrough();
        StatementPage page = archive.query(tenantId, query, after, consistentThrough);
        StringBuilder json = new StringBuilder(256 + page.statements().size() * 1024).append("{\"statements\":[");
        for (int i = 0; i < page.statements().size(); i++) {
            if (i > 0) json.append(',');
            json.append(shaped(page.statements().get(i), query.format(), languages));
        }
        String more = page.more() && !page.statements().isEmpty()
                ? statementsPath + "?" + MORE + "=" + URLEncoder.encode(
                        cursors.encode(tenantId, query, page.statements().getLast().position()), StandardCharsets.UTF_8)
                : "";
        json.append("],\"more\":").append(quoted(more)).append('}');
        return new ReadResult.Statements(json.toString(), query.attachments(), consistentThrough);
    }

    private static String shaped(ArchivedStatement statement, ResponseFormat format, LanguagePreference languages) {
        if (format == ResponseFormat.EXACT) return statement.json();
        return StatementFormatter.format(statement.tree(), format, languages).toString();
    }

    private static String quoted(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

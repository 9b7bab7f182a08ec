package io.learnstream.sinks.lrs;

import io.learnstream.ingest.lrs.ArchivedStatement;
import io.learnstream.ingest.lrs.PagePosition;
import io.learnstream.ingest.lrs.StatementArchive;
import io.learnstream.ingest.lrs.StatementIndex;
import io.learnstream.ingest.lrs.StatementPage;
import io.learnstream.ingest.lrs.StatementQuery;
import io.learnstream.sinks.spi.ColumnStore;
import io.learnstream.sinks.spi.QueryResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The statement archive in ClickHouse (table {@code xapi_statements}, written by {@link XapiStatementRows}): the
 * reads of GET statements and the write side's duplicate check, in SQL that runs alike on chDB and a server.
 *
 * <p>How the reads stay cheap: every query names its tenant, the first column of the table's order, and a listing
 * reads in that order ({@code stored}, then id) from the end the caller wants, stopping after one page. A lookup by
 * id uses the bloom filter on {@code statement_id}; the agent, activity and registration filters the bloom filters
 * on their columns; the verb filter and everything about StatementRefs and voiding the set indexes on
 * {@code verb_id}, {@code statement_ref} and {@code voided_target}, where nearly every granule holds only the empty
 * string and is skipped.
 *
 * <p>First write wins: of several rows of one id the one with the highest {@code version} is the statement. Single
 * reads take {@code argMax(..., version)}; a listing checks each row it returns against the highest version of its
 * id and drops the others (and exact copies a sink replay wrote before ClickHouse merged them).
 *
 * <p>StatementRefs (xAPI "Filter Conditions for StatementRefs"): each content filter matches a statement that
 * satisfies it, or whose StatementRef object targets a statement that matches it, recursively (up to
 * {@value #MAX_REF_DEPTH} references deep). Targets count even when voided; the targeting statement is listed,
 * under the time bounds and order of the listing. Voided statements themselves are never listed. The targets that
 * match are looked up first (one query over the few statements StatementRefs target); only a filter that some
 * target matches is widened with them, so every other filter keeps the use of its skip index.
 *
 * <p>A listing therefore costs: one query for the matching targets (when it has content filters), one more per
 * level of a StatementRef chain that matches, the page itself, and a first-write check of the page's ids.
 */
public final class ClickHouseStatementArchive implements StatementArchive {
    /** How many StatementRefs deep a filter is followed (a chain longer than this is not followed further). */
    static final int MAX_REF_DEPTH = 32;

    private static final String TABLE = XapiStatementRows.TABLE;
    private static final String VOIDED = SqlLiteral.string(StatementIndex.VOIDED);

    private final ColumnStore store;
    private final Supplier<Instant> consistentThrough;

    /**
     * @param store             where {@code xapi_statements} lives ({@link io.learnstream.sinks.schema.ClickHouseSchema} applied)
     * @param consistentThrough how far the archive is complete (e.g. {@link ArchiveWatermark#consistentThrough})
     */
    public ClickHouseStatementArchive(ColumnStore store, Supplier<Instant> consistentThrough) {
        this.store = Objects.requireNonNull(store, "store");
        this.consistentThrough = Objects.requireNonNull(consistentThrough, "consistentThrough");
    }

    @Override
    public Optional<ArchivedStatement> statement(String tenantId, String statementId) {
        return winner(tenantId, statementId).filter(found -> found.voiding() || !isVoided(tenantId, found.statement().id()))
                .map(Winner::statement);
    }

    @Override
    public Optional<ArchivedStatement> voidedStatement(String tenantId, String statementId) {
        return winner(tenantId, statementId).filter(found -> !found.voiding() && isVoided(tenantId, found.statement().id()))
                .map(Winner::statement);
    }

    @Override
    public Map<String, String> contentHashes(String tenantId, Collection<String> statementIds) {
        Set<String> ids = lowerCase(statementIds);
        if (ids.isEmpty()) return Map.of();
        QueryResult result = store.query("SELECT statement_id, argMax(content_hash, version) AS content_hash FROM " + TABLE
                + " WHERE tenant_id = " + SqlLiteral.string(tenantId) + " AND statement_id IN " + SqlLiteral.stringList(ids)
                + " GROUP BY statement_id");
        Map<String, String> hashes = new LinkedHashMap<>();
        for (int row = 0; row < result.rowCount(); row++) {
            hashes.put(result.value(row, "statement_id"), result.value(row, "content_hash"));
        }
        return hashes;
    }

    @Override
    public Instant consistentThrough() {
        return consistentThrough.get();
    }

    @Override
    public StatementPage query(String tenantId, StatementQuery query, Optional<PagePosition> after, Instant storedThrough) {
        if (query.isSingle()) {
            throw new IllegalArgumentException("a query for one statement by id is answered by statement() or voidedStatement()");
        }
        String tenant = SqlLiteral.string(tenantId);
        List<String> filters = filters(tenant, query);
        Instant until = query.until().filter(u -> u.isBefore(storedThrough)).orElse(storedThrough);
        int wanted = query.limit() + 1;
        List<ArchivedStatement> accepted = new ArrayList<>(wanted);
        Optional<PagePosition> from = after;
        while (accepted.size() < wanted) {
            List<Row> rows = rows(pageSql(tenant, query, filters, until, from, wanted));
            if (rows.isEmpty()) break;
            Map<String, Long> winners = winningVersions(tenant, rows);
            Set<String> taken = new HashSet<>();
            for (Row row : rows) {
                if (Objects.equals(winners.get(row.statement().id()), row.version()) && taken.add(row.statement().id())) {
                    accepted.add(row.statement());
                    if (accepted.size() == wanted) break;
                }
            }
            if (rows.size() < wanted) break;
            from = Optional.of(rows.getLast().statement().position());
        }
        boolean more = accepted.size() > query.limit();
        return new StatementPage(more ? accepted.subList(0, query.limit()) : accepted, more);
    }

    /** One row of a listing before the first-write check. */
    private record Row(ArchivedStatement statement, long version) {}

    /** The first write of an id, and whether it is a voiding statement (which can never be voided). */
    private record Winner(ArchivedStatement statement, boolean voiding) {}

    /** The SQL of the first page of {@code query}, as {@link #query} runs it: for specs that EXPLAIN it. */
    String firstPageSql(String tenantId, StatementQuery query, Instant storedThrough) {
        String tenant = SqlLiteral.string(tenantId);
        return pageSql(tenant, query, filters(tenant, query), query.until().filter(u -> u.isBefore(storedThrough)).orElse(storedThrough),
                Optional.empty(), query.limit() + 1);
    }

    /**
     * The content filters of {@code query}, each widened by the StatementRef rule where it has to be: a statement
     * matches a filter when it satisfies it or targets (through one or more StatementRefs) a statement that does.
     * Which targets match is asked first, in one query for all filters; a filter no target matches (nearly always,
     * StatementRefs being rare) stays a plain condition, which the skip indexes answer. Otherwise it becomes
     * {@code (condition OR statement_ref IN (the matching targets))}, which ClickHouse reads in order until the page
     * is full.
     */
    private List<String> filters(String tenant, StatementQuery query) {
        List<String> conditions = StatementConditions.of(query);
        if (conditions.isEmpty()) return List.of();
        List<Set<String>> targets = targetsMatching(tenant, conditions);
        List<String> filters = new ArrayList<>(conditions.size());
        for (int i = 0; i < conditions.size(); i++) {
            Set<String> matching = targets.get(i);
            if (matching.isEmpty()) {
                filters.add(conditions.get(i));
            } else {
                Set<String> throughRefs = matchingThroughRefs(tenant, matching);
                filters.add("(" + conditions.get(i) + " OR statement_ref IN " + SqlLiteral.stringList(throughRefs) + ")");
            }
        }
        return filters;
    }

    /**
     * One batch of a listing: the tenant's rows in the listing's order from where the last batch ended, within the
     * time bounds, matching every filter, not voided. ClickHouse reads it in the table's order (reverse order for
     * newest first) and stops after {@code limit} rows, reading the statement text of those rows only.
     */
    private static String pageSql(String tenant, StatementQuery query, List<String> filters, Instant until,
            Optional<PagePosition> from, int limit) {
        String direction = query.ascending() ? "ASC" : "DESC";
        StringBuilder sql = new StringBuilder(512)
                .append("SELECT statement_id, toUnixTimestamp64Milli(stored) AS stored_ms, version, statement FROM ").append(TABLE)
                .append(" WHERE tenant_id = ").append(tenant)
                .append(" AND stored <= ").append(SqlLiteral.dateTime64(until));
        query.since().ifPresent(since -> sql.append(" AND stored > ").append(SqlLiteral.dateTime64(since)));
        from.ifPresent(position -> {
            String stored = SqlLiteral.dateTime64(position.stored());
            String id = SqlLiteral.string(position.statementId());
            if (query.ascending()) {
                sql.append(" AND stored >= ").append(stored).append(" AND (stored > ").append(stored).append(" OR statement_id > ").append(id).append(')');
            } else {
                sql.append(" AND stored <= ").append(stored).append(" AND (stored < ").append(stored).append(" OR statement_id < ").append(id).append(')');
            }
        });
        filters.forEach(filter -> sql.append(" AND ").append(filter));
        sql.append(" AND NOT (verb_id != ").append(VOIDED).append(" AND statement_id IN (").append(voidedIds(tenant)).append("))")
                .append(" ORDER BY stored ").append(direction).append(", statement_id ").append(direction)
                .append(" LIMIT ").append(limit);
        return sql.toString();
    }

    private List<Row> rows(String sql) {
        QueryResult result = store.query(sql);
        List<Row> rows = new ArrayList<>(result.rowCount());
        for (int row = 0; row < result.rowCount(); row++) {
            rows.add(new Row(new ArchivedStatement(result.value(row, "statement_id"),
                    Instant.ofEpochMilli(Long.parseLong(result.value(row, "stored_ms"))), result.value(row, "statement")),
                    Long.parseUnsignedLong(result.value(row, "version"))));
        }
        return rows;
    }

    /** The highest version of each id among {@code rows}: the first write, the only row that is the statement. */
    private Map<String, Long> winningVersions(String tenant, List<Row> rows) {
        Set<String> ids = new LinkedHashSet<>();
        rows.forEach(row -> ids.add(row.statement().id()));
        QueryResult result = store.query("SELECT statement_id, max(version) AS version FROM " + TABLE
                + " WHERE tenant_id = " + tenant + " AND statement_id IN " + SqlLiteral.stringList(ids) + " GROUP BY statement_id");
        Map<String, Long> versions = new HashMap<>();
        for (int row = 0; row < result.rowCount(); row++) {
            versions.put(result.value(row, "statement_id"), Long.parseUnsignedLong(result.value(row, "version")));
        }
        return versions;
    }

    /**
     * For each condition, the statements some StatementRef of the tenant targets whose first write satisfies it:
     * one query over the targets only (found through the set index on {@code statement_ref}).
     */
    private List<Set<String>> targetsMatching(String tenant, List<String> conditions) {
        StringBuilder sql = new StringBuilder("SELECT statement_id");
        List<String> matches = new ArrayList<>(conditions.size());
        for (int i = 0; i < conditions.size(); i++) {
            sql.append(", argMax(").append(conditions.get(i)).append(", version) AS m").append(i);
            matches.add("m" + i);
        }
        sql.append(" FROM ").append(TABLE).append(" WHERE tenant_id = ").append(tenant)
                .append(" AND statement_id IN (").append(refTargets(tenant)).append(")")
                .append(" GROUP BY statement_id HAVING ").append(String.join(" OR ", matches));
        QueryResult result = store.query(sql.toString());
        List<Set<String>> targets = new ArrayList<>(conditions.size());
        for (int i = 0; i < conditions.size(); i++) {
            Set<String> matching = new LinkedHashSet<>();
            for (int row = 0; row < result.rowCount(); row++) {
                if ("1".equals(result.value(row, "m" + i))) matching.add(result.value(row, "statement_id"));
            }
            targets.add(matching);
        }
        return targets;
    }

    /**
     * The ids of statements that are themselves targeted by a StatementRef and match a filter only through their
     * own StatementRef, level by level from the targets that match it directly ({@code matching}), at most
     * {@value #MAX_REF_DEPTH} levels deep, together with {@code matching}.
     */
    private Set<String> matchingThroughRefs(String tenant, Set<String> matching) {
        Set<String> found = new LinkedHashSet<>(matching);
        String frontier = SqlLiteral.stringList(matching);
        for (int depth = 1; depth <= MAX_REF_DEPTH; depth++) {
            QueryResult result = store.query("SELECT statement_id FROM " + TABLE + " WHERE tenant_id = " + tenant
                    + " AND statement_id IN (" + refTargets(tenant) + ")"
                    + " AND statement_id IN (SELECT statement_id FROM " + TABLE + " WHERE tenant_id = " + tenant
                    + " AND statement_ref IN " + frontier + ")"
                    + " GROUP BY statement_id HAVING argMax(statement_ref, version) IN " + frontier);
            List<String> next = new ArrayList<>();
            for (String id : result.column("statement_id")) {
                if (found.add(id)) next.add(id);
            }
            if (next.isEmpty()) break;
            frontier = SqlLiteral.stringList(next);
        }
        return found;
    }

    /** Ids some StatementRef of the tenant targets (a superset is harmless: it only narrows what is looked at). */
    private static String refTargets(String tenant) {
        return "SELECT statement_ref FROM " + TABLE + " WHERE tenant_id = " + tenant + " AND statement_ref != ''";
    }

    /** Ids of the tenant's voided statements: targets of the first writes of its voiding statements. */
    private static String voidedIds(String tenant) {
        return "SELECT target FROM (SELECT argMax(voided_target, version) AS target FROM " + TABLE
                + " WHERE tenant_id = " + tenant + " AND statement_id IN (SELECT statement_id FROM " + TABLE
                + " WHERE tenant_id = " + tenant + " AND voided_target != '') GROUP BY statement_id) WHERE target != ''";
    }

    private Optional<Winner> winner(String tenantId, String statementId) {
        QueryResult result = store.query("SELECT statement_id, toUnixTimestamp64Milli(argMax(stored, version)) AS stored_ms,"
                + " argMax(statement, version) AS statement, argMax(verb_id, version) AS verb_id FROM " + TABLE
                + " WHERE tenant_id = " + SqlLiteral.string(tenantId)
                + " AND statement_id = " + SqlLiteral.string(statementId.toLowerCase(Locale.ROOT)) + " GROUP BY statement_id");
        if (result.isEmpty()) return Optional.empty();
        ArchivedStatement statement = new ArchivedStatement(result.value(0, "statement_id"),
                Instant.ofEpochMilli(Long.parseLong(result.value(0, "stored_ms"))), result.value(0, "statement"));
        return Optional.of(new Winner(statement, StatementIndex.VOIDED.equals(result.value(0, "verb_id"))));
    }

    /** Whether the first write of some voiding statement of the tenant targets {@code statementId}. */
    private boolean isVoided(String tenantId, String statementId) {
        String tenant = SqlLiteral.string(tenantId);
        String id = SqlLiteral.string(statementId);
        return store.query("SELECT count() FROM (SELECT argMax(voided_target, version) AS target FROM " + TABLE
                + " WHERE tenant_id = " + tenant + " AND statement_id IN (SELECT statement_id FROM " + TABLE
                + " WHERE tenant_id = " + tenant + " AND voided_target = " + id + ") GROUP BY statement_id) WHERE target = " + id)
                .singleLong() > 0;
    }

    private static Set<String> lowerCase(Collection<String> ids) {
        Set<String> lower = new LinkedHashSet<>();
        ids.forEach(id -> lower.add(id.toLowerCase(Locale.ROOT)));
        return lower;
    }
}

package io.learnstream.ingest.lrs;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An archive that holds no statement and is consistent through a given instant; specs override what they need. */
public class StubArchive implements StatementArchive {
    private final Instant consistentThrough;

    public StubArchive(Instant consistentThrough) {
        this.consistentThrough = consistentThrough;
    }

    @Override
    public Optional<ArchivedStatement> statement(String tenantId, String statementId) {
        return Optional.empty();
    }

    @Override
    public Optional<ArchivedStatement> voidedStatement(String tenantId, String statementId) {
        return Optional.empty();
    }

    @Override
    public StatementPage query(String tenantId, StatementQuery query, Optional<PagePosition> after, Instant storedThrough) {
        return new StatementPage(List.of(), false);
    }

    @Override
    public Map<String, String> contentHashes(String tenantId, Collection<String> statementIds) {
        return Map.of();
    }

    @Override
    public Instant consistentThrough() {
        return consistentThrough;
    }
}

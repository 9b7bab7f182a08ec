package io.learnstream.ingest;

import java.util.Collection;
import java.util.Map;

/** What the LRS already stores: for the duplicate and conflict checks of the write side. */
@FunctionalInterface
public interface KnownStatements {
    /** Nothing is known: every id is new. */
    KnownStatements NONE = (tenantId, statementIds) -> Map.of();

    /** The content hashes of those of {@code statementIds} the district already has, keyed by statement id. */
    Map<String, String> contentHashes(String tenantId, Collection<String> statementIds);

    /** Told after Kafka acknowledged a statement, so the next look-up may know it. */
    default void stored(String tenantId, String statementId) {}
}

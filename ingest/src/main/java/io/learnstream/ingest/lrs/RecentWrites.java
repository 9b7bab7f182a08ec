package io.learnstream.ingest.lrs;

/**
 * The statements this LRS instance itself stored a moment ago (Kafka acknowledged them), which the archive may not
 * hold yet: a GET by {@code statementId} of one of them waits for the archive instead of answering 404, so a tool
 * reads its own writes.
 */
@FunctionalInterface
public interface RecentWrites {
    /** Knows of no writes: reads never wait. */
    RecentWrites NONE = (tenantId, statementId) -> false;

    /** Whether this instance stored the statement with this (lower-case) id for the district lately. */
    boolean storedHere(String tenantId, String statementId);
}

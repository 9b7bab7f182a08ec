package io.learnstream.ingest;

import io.learnstream.ingest.xapi.Statement;
import io.learnstream.schemas.topic.Topics;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The content hashes of the last statements this instance stored, keyed by district and id: the duplicate check
 * and read-your-writes look here first, because the archive only holds a statement a little while after Kafka
 * acknowledged it. Insertion-ordered and bounded: once full, each new statement pushes out the oldest, so the
 * latest {@code capacity} writes are always remembered. (A frequency-based cache such as Caffeine's W-TinyLFU keeps
 * old entries and drops new ones that are seen once, the opposite of what this is for.)
 *
 * <p>One lock, taken once per request's batch: the work under it is one map operation per statement (the keys are
 * built before it is taken), since the producer's I/O thread takes it too.
 */
final class RecentStatements {
    private final LinkedHashMap<String, String> hashes;

    RecentStatements(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        // sized for all of them up front: never rehashed under the lock
        this.hashes = new LinkedHashMap<>((int) Math.min(Integer.MAX_VALUE, capacity * 4L / 3 + 1), 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The content hashes of those of {@code statementIds} (lower-case) this instance stored lately for the district. */
    Map<String, String> contentHashes(String tenantId, List<String> statementIds) {
        String[] keys = keys(tenantId, statementIds);
        String[] hashed = new String[keys.length];
        synchronized (hashes) {
            for (int i = 0; i < keys.length; i++) hashed[i] = hashes.get(keys[i]);
        }
        Map<String, String> found = new HashMap<>();
        for (int i = 0; i < keys.length; i++) {
            if (hashed[i] != null) found.put(statementIds.get(i), hashed[i]);
        }
        return found;
    }

    /** Whether this instance stored the statement (lower-case id) for the district lately. */
    boolean contains(String tenantId, String statementId) {
        synchronized (hashes) {
            return hashes.containsKey(Topics.tenantScopedKey(tenantId, statementId));
        }
    }

    /** Remembers statements of the district that Kafka acknowledged. */
    void remember(String tenantId, List<Statement> statements) {
        String[] keys = keys(tenantId, statements.stream().map(statement -> statement.id().toString()).toList());
        synchronized (hashes) {
            for (int i = 0; i < keys.length; i++) hashes.put(keys[i], statements.get(i).contentHash());
        }
    }

    /** The keys of {@code statementIds}, built before the lock is taken. */
    private static String[] keys(String tenantId, List<String> statementIds) {
        String[] keys = new String[statementIds.size()];
        for (int i = 0; i < keys.length; i++) keys[i] = Topics.tenantScopedKey(tenantId, statementIds.get(i));
        return keys;
    }
}

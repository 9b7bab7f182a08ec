package io.learnstream.ingest;

import io.learnstream.ingest.xapi.Statement;
import io.learnstream.schemas.topic.Topics;
import java.util.Collection;
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
 * <p>One lock, taken once per request's batch: the work under it is a few map operations per statement.
 */
final class RecentStatements {
    private final LinkedHashMap<String, String> hashes;

    RecentStatements(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        this.hashes = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The content hashes of those of {@code statementIds} (lower-case) this instance stored lately for the district. */
    Map<String, String> contentHashes(String tenantId, Collection<String> statementIds) {
        Map<String, String> found = new HashMap<>();
        synchronized (hashes) {
            for (String id : statementIds) {
                String hash = hashes.get(Topics.tenantScopedKey(tenantId, id));
                if (hash != null) found.put(id, hash);
            }
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
        synchronized (hashes) {
            for (Statement statement : statements) {
                hashes.put(Topics.tenantScopedKey(tenantId, statement.id().toString()), statement.contentHash());
            }
        }
    }
}

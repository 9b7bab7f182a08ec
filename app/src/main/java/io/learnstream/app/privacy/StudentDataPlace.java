package io.learnstream.app.privacy;

/**
 * One place learnstream keeps a student's data, and how to remove them from it: a table, a compacted topic, a
 * document store. The extension point for new places (xAPI State and Agent Profile documents, keyed by district and
 * actor, plug in as one more implementation handed to {@link StudentEraser}).
 *
 * <p>An implementation removes every record of the subject it holds, nothing of anyone else, and says how many it
 * removed. Running it again removes nothing more (and says 0).
 */
public interface StudentDataPlace {
    /** What the report calls it, e.g. {@code table risk_history_versions} or {@code topic learnstream.alerts}. */
    String name();

    /** Removes the subject's records; returns how many were removed. */
    long erase(ErasureSubject subject);
}

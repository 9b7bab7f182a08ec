package io.learnstream.ingest.lrs;

import java.time.Duration;

/**
 * How a read that waits for the archive to take in this instance's latest writes polls it: every {@link #INTERVAL}
 * until its deadline, and never past an interrupt.
 */
final class ArchivePolling {
    /** How long a waiting read sleeps between two looks at the archive. */
    static final Duration INTERVAL = Duration.ofMillis(20);

    private ArchivePolling() {}

    /**
     * Sleeps one {@link #INTERVAL}.
     *
     * @return {@code false} when the thread was interrupted (its interrupt status is set again): the wait ends there
     */
    static boolean pause() {
        try {
            Thread.sleep(INTERVAL);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

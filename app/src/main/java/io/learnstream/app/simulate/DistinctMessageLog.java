package io.learnstream.app.simulate;

import org.slf4j.Logger;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Logs each distinct message once, so that a server rejecting every batch for the same reason yields one line,
 * not thousands. Remembers at most {@value #MAX_REMEMBERED} messages, then says it stops logging new ones.
 */
final class DistinctMessageLog {

    static final int MAX_REMEMBERED = 1_000;

    private final Logger log;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean full = new AtomicBoolean();

    DistinctMessageLog(Logger log) {
        this.log = log;
    }

    /** Logs the message at WARN unless it was logged before; returns whether it was logged. */
    boolean warnOnce(String message) {
        if (seen.size() >= MAX_REMEMBERED) {
            if (full.compareAndSet(false, true)) {
                log.warn("{} distinct messages logged; further new ones are not logged", MAX_REMEMBERED);
            }
            return false;
        }
        if (seen.add(message)) {
            log.warn(message);
            return true;
        }
        return false;
    }
}

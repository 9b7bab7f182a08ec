package io.learnstream.ingest.auth;

import io.learnstream.ingest.auth.AuthenticationException.Reason;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs refused requests without flooding the log: a wrong secret, a throttled credential or a revoked one is worth a warning (a tool
 * is misconfigured, or someone tries a key), at most one per credential per {@link #WARN_EVERY}; everything else,
 * and the repeats, go to debug. Known credential keys are logged; secrets and unknown keys (perhaps a secret typed
 * in the wrong field) never are.
 */
final class AuthFailureLog {
    private static final Logger log = LoggerFactory.getLogger(Authenticator.class);
    static final Duration WARN_EVERY = Duration.ofMinutes(1);

    private final ConcurrentMap<String, Long> lastWarnedNanos = new ConcurrentHashMap<>();

    void refused(AuthenticationException e, String tenantId, String tool) {
        if (e.credentialKey().isEmpty() || !(e.reason() == Reason.WRONG_SECRET || e.reason() == Reason.REVOKED || e.reason() == Reason.THROTTLED)) {
            log.debug("refused a request: {}", e.getMessage());
            return;
        }
        String key = e.credentialKey().get();
        long now = System.nanoTime();
        Long last = lastWarnedNanos.get(key);
        boolean warn = (last == null || now - last >= WARN_EVERY.toNanos())
                && (last == null ? lastWarnedNanos.putIfAbsent(key, now) == null : lastWarnedNanos.replace(key, last, now));
        if (warn) {
            log.warn("refused requests with credential {} of tool '{}' of district '{}': {} (next report of this credential in {} s at the earliest)",
                    key, tool, tenantId, e.getMessage(), WARN_EVERY.toSeconds());
        } else {
            log.debug("refused a request with credential {}: {}", key, e.getMessage());
        }
    }

    /** The credential is gone: forget when it was last reported. */
    void forget(String key) {
        lastWarnedNanos.remove(key);
    }
}

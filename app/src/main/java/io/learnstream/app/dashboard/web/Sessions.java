package io.learnstream.app.dashboard.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.learnstream.app.dashboard.authz.Principal;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Signed-in sessions, in memory: a random 256-bit token (the HttpOnly cookie's value) to the principal and the
 * session's CSRF token, forgotten after {@code idle} without a request. A restart signs everyone out.
 */
public final class Sessions {
    private final Cache<String, Session> sessions;
    private final SecureRandom random = new SecureRandom();

    /** A signed-in session: whose, and the token its state-changing requests must carry. */
    public record Session(Principal principal, String csrfToken) {}

    public Sessions(Duration idle, Ticker ticker) {
        this.sessions = Caffeine.newBuilder().expireAfterAccess(idle).ticker(ticker).maximumSize(100_000).build();
    }

    /** A new session of {@code principal}; its token. */
    public String open(Principal principal) {
        String token = token();
        sessions.put(token, new Session(principal, token()));
        return token;
    }

    public Optional<Session> find(String token) {
        return token == null ? Optional.empty() : Optional.ofNullable(sessions.getIfPresent(token));
    }

    public void close(String token) {
        if (token != null) sessions.invalidate(token);
    }

    private String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

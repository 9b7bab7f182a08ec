package io.learnstream.ingest.auth;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A request could not be authenticated. The {@link #reason()} is for logs and metrics; the client only ever gets a
 * plain 401, so it learns nothing about which keys exist or are revoked. The message never holds a secret.
 *
 * <p>Thrown for every refused request, so it carries no stack trace.
 */
public final class AuthenticationException extends Exception {
    /** Why a request was refused. */
    public enum Reason {
        /** No {@code Authorization} header. */
        MISSING_HEADER,
        /** An {@code Authorization} header of another scheme than {@code Basic}. */
        NOT_BASIC,
        /** {@code Basic} followed by something that is not base64. */
        MALFORMED_BASE64,
        /** Base64 that does not decode to UTF-8 {@code key:secret} with a non-empty key. */
        MALFORMED_CREDENTIALS,
        /** No credential has the key. */
        UNKNOWN_KEY,
        /** The credential exists but the secret is not its secret. */
        WRONG_SECRET,
        /** The credential was revoked. */
        REVOKED,
        /** A secret not checked before, for a credential that had too many wrong secrets lately: refused unchecked. */
        THROTTLED;

        /** The metric tag and log word, e.g. {@code wrong_secret}. */
        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Reason reason;
    private final String credentialKey;

    /**
     * @param credentialKey the key of an existing credential the request named, or null when there is none (only known
     *     keys are kept, so a secret pasted as key never reaches a log through here)
     */
    public AuthenticationException(Reason reason, String detail, String credentialKey) {
        super(Objects.requireNonNull(reason, "reason").tag() + ": " + Objects.requireNonNull(detail, "detail"), null, false, false);
        this.reason = reason;
        this.credentialKey = credentialKey;
    }

    public Reason reason() {
        return reason;
    }

    /** The key of the existing credential the request named, when it named one. */
    public Optional<String> credentialKey() {
        return Optional.ofNullable(credentialKey);
    }
}

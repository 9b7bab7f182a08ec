package io.learnstream.ingest.auth;

import io.learnstream.ingest.auth.AuthenticationException.Reason;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * The key and secret of an HTTP Basic {@code Authorization} header (RFC 7617): {@code Basic base64(key:secret)},
 * the scheme matched case-insensitively, the credentials as UTF-8, split at the first colon.
 */
record BasicCredentials(String key, String secret) {
    /** Longer headers are refused before decoding: generated credentials are well under a hundred characters. */
    static final int MAX_HEADER_LENGTH = 4_096;
    private static final String SCHEME = "Basic";

    BasicCredentials {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(secret, "secret");
    }

    static BasicCredentials parse(String header) throws AuthenticationException {
        if (header == null || header.isBlank()) {
            throw new AuthenticationException(Reason.MISSING_HEADER, "the request has no Authorization header", null);
        }
        if (header.length() > MAX_HEADER_LENGTH) {
            throw new AuthenticationException(Reason.MALFORMED_CREDENTIALS,
                    "the Authorization header has " + header.length() + " characters, more than " + MAX_HEADER_LENGTH, null);
        }
        String trimmed = header.strip();
        int space = firstWhitespace(trimmed);
        String scheme = space < 0 ? trimmed : trimmed.substring(0, space);
        if (!scheme.equalsIgnoreCase(SCHEME)) {
            throw new AuthenticationException(Reason.NOT_BASIC, "the Authorization scheme is not Basic", null);
        }
        String token = space < 0 ? "" : trimmed.substring(space).strip();
        if (token.isEmpty()) {
            throw new AuthenticationException(Reason.MALFORMED_BASE64, "nothing follows 'Basic' in the Authorization header", null);
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            throw new AuthenticationException(Reason.MALFORMED_BASE64, "the Basic credentials are not base64 (" + e.getMessage() + ")", null);
        }
        String pair;
        try {
            pair = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(decoded)).toString();
        } catch (CharacterCodingException e) {
            throw new AuthenticationException(Reason.MALFORMED_CREDENTIALS, "the Basic credentials are not UTF-8 text", null);
        }
        int colon = pair.indexOf(':');
        if (colon < 0) {
            throw new AuthenticationException(Reason.MALFORMED_CREDENTIALS, "the Basic credentials have no ':' between key and secret", null);
        }
        if (colon == 0) {
            throw new AuthenticationException(Reason.MALFORMED_CREDENTIALS, "the Basic credentials have an empty key", null);
        }
        return new BasicCredentials(pair.substring(0, colon), pair.substring(colon + 1));
    }

    /** The {@code Authorization} header value that carries {@code key} and {@code secret}. */
    static String header(String key, String secret) {
        return SCHEME + " " + Base64.getEncoder().encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private static int firstWhitespace(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) return i;
        }
        return -1;
    }

    @Override
    public String toString() {
        return "BasicCredentials[" + key + ", ****]";
    }
}

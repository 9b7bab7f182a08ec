package io.learnstream.app.simulate;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * HTTP Basic credentials for the xAPI endpoint (an LRS key and secret). The secret never appears in
 * {@link #toString()}.
 */
public record Credentials(String key, String secret) {

    public Credentials {
        Objects.requireNonNull(key, "credentials key must not be null");
        Objects.requireNonNull(secret, "credentials secret must not be null");
        if (key.isBlank()) {
            throw new IllegalArgumentException("credentials key must not be blank");
        }
        if (key.indexOf(':') >= 0) {
            throw new IllegalArgumentException("credentials key must not contain ':' (HTTP Basic separates key and secret with it)");
        }
    }

    /** The value of the {@code Authorization} header. */
    public String authorizationHeader() {
        return "Basic " + Base64.getEncoder().encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "Credentials[key=" + key + ", secret=****]";
    }
}

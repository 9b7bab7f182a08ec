package io.learnstream.schemas.registry;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach the schema registry. Keys (Confluent's names where Confluent has one):
 * <ul>
 *   <li>{@value #URL} (required) the registry's base URL, http or https</li>
 *   <li>{@value #REQUEST_TIMEOUT_MS} (default 10000) bound on each request</li>
 *   <li>{@value #BASIC_AUTH_USER_INFO} (optional) {@code user:password} for HTTP basic auth</li>
 * </ul>
 *
 * @param url the registry's base URL
 * @param requestTimeout bound on each request, connect included
 * @param basicAuthUserInfo {@code user:password}, masked in {@link #toString()}
 */
public record SchemaRegistryClientConfig(URI url, Duration requestTimeout, Optional<String> basicAuthUserInfo) {
    public static final String URL = "schema.registry.url";
    public static final String REQUEST_TIMEOUT_MS = "schema.registry.request.timeout.ms";
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

    public SchemaRegistryClientConfig {
        Objects.requireNonNull(url, URL);
        Objects.requireNonNull(requestTimeout, REQUEST_TIMEOUT_MS);
        Objects.requireNonNull(basicAuthUserInfo, BASIC_AUTH_USER_INFO);
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme()) || url.getHost() == null) {
            throw new IllegalArgumentException(URL + " must be an http(s) URL with a host, got '" + url + "'");
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException(REQUEST_TIMEOUT_MS + " must be positive, got " + requestTimeout.toMillis());
        }
        basicAuthUserInfo.ifPresent(info -> {
            if (info.indexOf(':') < 1) {
                throw new IllegalArgumentException(BASIC_AUTH_USER_INFO + " must be 'user:password'");
            }
        });
    }

    /** A config with the default timeout and no authentication. */
    public static SchemaRegistryClientConfig of(URI url) {
        return new SchemaRegistryClientConfig(url, DEFAULT_REQUEST_TIMEOUT, Optional.empty());
    }

    /** Reads and validates the keys above; other keys are ignored, so a shared client config map can be passed. */
    public static SchemaRegistryClientConfig from(Map<String, String> config) {
        String url = config.get(URL);
        if (url == null || url.isBlank()) throw new IllegalArgumentException(URL + " is required");
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(URL + " is not a URL: '" + url + "'", e);
        }
        Duration timeout = DEFAULT_REQUEST_TIMEOUT;
        String timeoutText = config.get(REQUEST_TIMEOUT_MS);
        if (timeoutText != null) {
            try {
                timeout = Duration.ofMillis(Long.parseLong(timeoutText.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(REQUEST_TIMEOUT_MS + " must be a number of milliseconds, got '" + timeoutText + "'", e);
            }
        }
        return new SchemaRegistryClientConfig(uri, timeout, Optional.ofNullable(config.get(BASIC_AUTH_USER_INFO)));
    }

    @Override
    public String toString() {
        return "SchemaRegistryClientConfig[url=" + url + ", requestTimeout=" + requestTimeout
                + ", basicAuthUserInfo=" + basicAuthUserInfo.map(i -> i.substring(0, i.indexOf(':')) + ":****").orElse("none") + "]";
    }
}

package io.learnstream.ingest;

import io.learnstream.ingest.xapi.XapiVersion;
import java.util.Map;
import java.util.Objects;

/**
 * Ingest's settings, parsed and validated once at the entry point.
 *
 * @param host interface the HTTP server binds to
 * @param port HTTP port (0 picks a free one)
 * @param maxRequestBytes largest request body accepted
 * @param publicUrl the address tools reach this LRS at; names the LRS in the authority it sets on statements
 * @param maxStatementsPerRequest most statements (or Caliper data items) one request may carry
 * @param defaultXapiVersion the version the LRS answers a request that names none (no or an unsupported
 *     {@code X-Experience-API-Version} header) with: {@link #DEFAULT_XAPI_VERSION} unless set, since xAPI 2.0
 *     (IEEE 9274.1.1, Part Three 4.1.1) says the LRS sets the header to 2.0.0 in every answer; 1.0.3 for an LRS that
 *     must answer as the 1.0.3 specification says (it sets the header to 1.0.3)
 */
public record IngestConfig(String host, int port, long maxRequestBytes, String publicUrl,
        int maxStatementsPerRequest, XapiVersion defaultXapiVersion) {
    public static final String HOST = "ingest.host";
    public static final String PORT = "ingest.port";
    public static final String MAX_REQUEST_BYTES = "ingest.max.request.bytes";
    public static final String PUBLIC_URL = "ingest.public.url";
    public static final String MAX_STATEMENTS_PER_REQUEST = "ingest.max.statements.per.request";
    public static final String DEFAULT_XAPI_VERSION_KEY = "ingest.xapi.default.version";
    /** The current xAPI version, what a request without a version header is answered with unless set otherwise. */
    public static final XapiVersion DEFAULT_XAPI_VERSION = XapiVersion.V2_0_0;

    public IngestConfig {
        if (host == null || host.isBlank()) throw new IllegalArgumentException(HOST + " must not be blank");
        if (port < 0 || port > 65_535) throw new IllegalArgumentException(PORT + " must be 0..65535, got " + port);
        if (maxRequestBytes < 1024) throw new IllegalArgumentException(MAX_REQUEST_BYTES + " must be at least 1024, got " + maxRequestBytes);
        if (publicUrl == null || !publicUrl.matches("https?://[^\\s]+")) {
            throw new IllegalArgumentException(PUBLIC_URL + " must be an http(s) URL, got '" + publicUrl + "'");
        }
        if (maxStatementsPerRequest < 1) {
            throw new IllegalArgumentException(MAX_STATEMENTS_PER_REQUEST + " must be at least 1, got " + maxStatementsPerRequest);
        }
        Objects.requireNonNull(defaultXapiVersion, DEFAULT_XAPI_VERSION_KEY);
        if (publicUrl.endsWith("/")) publicUrl = publicUrl.substring(0, publicUrl.length() - 1);
    }

    /** The account home page of the authority the LRS sets on statements (the credential's key is the name). */
    public String authorityHomePage() {
        return publicUrl + "/credentials";
    }

    public static IngestConfig defaults() {
        return from(Map.of());
    }

    public static IngestConfig from(Map<String, String> settings) {
        String host = settings.getOrDefault(HOST, "127.0.0.1");
        int port = parseInt(settings, PORT, 8080);
        return new IngestConfig(
                host,
                port,
                parseLong(settings, MAX_REQUEST_BYTES, 10L * 1024 * 1024),
                settings.getOrDefault(PUBLIC_URL, "http://" + host + ":" + port),
                parseInt(settings, MAX_STATEMENTS_PER_REQUEST, 1_000),
                settings.containsKey(DEFAULT_XAPI_VERSION_KEY)
                        ? XapiVersion.ofSetting(DEFAULT_XAPI_VERSION_KEY, settings.get(DEFAULT_XAPI_VERSION_KEY))
                        : DEFAULT_XAPI_VERSION);
    }

    public IngestConfig withPort(int newPort) {
        return new IngestConfig(host, newPort, maxRequestBytes, publicUrl, maxStatementsPerRequest, defaultXapiVersion);
    }

    public IngestConfig withDefaultXapiVersion(XapiVersion version) {
        return new IngestConfig(host, port, maxRequestBytes, publicUrl, maxStatementsPerRequest, version);
    }

    private static int parseInt(Map<String, String> settings, String key, int fallback) {
        return (int) parseLong(settings, key, fallback);
    }

    private static long parseLong(Map<String, String> settings, String key, long fallback) {
        String value = settings.get(key);
        if (value == null) return fallback;
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, got '" + value + "'");
        }
    }
}

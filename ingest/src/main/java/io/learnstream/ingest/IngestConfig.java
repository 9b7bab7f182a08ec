package io.learnstream.ingest;

import java.util.Map;

/**
 * Ingest's settings, parsed and validated once at the entry point.
 *
 * @param host interface the HTTP server binds to
 * @param port HTTP port (0 picks a free one)
 * @param maxRequestBytes largest request body accepted
 * @param publicUrl the address tools reach this LRS at; names the LRS in the authority it sets on statements
 * @param maxStatementsPerRequest most statements (or Caliper data items) one request may carry
 */
public record IngestConfig(String host, int port, long maxRequestBytes, String publicUrl,
        int maxStatementsPerRequest) {
    public static final String HOST = "ingest.host";
    public static final String PORT = "ingest.port";
    public static final String MAX_REQUEST_BYTES = "ingest.max.request.bytes";
    public static final String PUBLIC_URL = "ingest.public.url";
    public static final String MAX_STATEMENTS_PER_REQUEST = "ingest.max.statements.per.request";

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
                parseInt(settings, MAX_STATEMENTS_PER_REQUEST, 1_000));
    }

    public IngestConfig withPort(int newPort) {
        return new IngestConfig(host, newPort, maxRequestBytes, publicUrl, maxStatementsPerRequest);
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

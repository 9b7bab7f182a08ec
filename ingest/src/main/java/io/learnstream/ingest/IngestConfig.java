package io.learnstream.ingest;

import java.util.Map;

/**
 * Ingest's settings, parsed and validated once at the entry point.
 *
 * @param host interface the HTTP server binds to
 * @param port HTTP port (0 picks a free one)
 * @param maxRequestBytes largest request body accepted
 * @param defaultTenant the district statements belong to when the request does not authenticate one
 * @param defaultTool the tool name recorded when a statement names no platform
 */
public record IngestConfig(String host, int port, long maxRequestBytes, String defaultTenant, String defaultTool) {
    public static final String HOST = "ingest.host";
    public static final String PORT = "ingest.port";
    public static final String MAX_REQUEST_BYTES = "ingest.max.request.bytes";
    public static final String DEFAULT_TENANT = "ingest.default.tenant";
    public static final String DEFAULT_TOOL = "ingest.default.tool";

    public IngestConfig {
        if (host == null || host.isBlank()) throw new IllegalArgumentException(HOST + " must not be blank");
        if (port < 0 || port > 65_535) throw new IllegalArgumentException(PORT + " must be 0..65535, got " + port);
        if (maxRequestBytes < 1024) throw new IllegalArgumentException(MAX_REQUEST_BYTES + " must be at least 1024, got " + maxRequestBytes);
        if (defaultTenant == null || !defaultTenant.matches("[a-z0-9][a-z0-9_-]{0,62}")) {
            throw new IllegalArgumentException(DEFAULT_TENANT + " must be a lowercase id (a-z, 0-9, _ and -), got '" + defaultTenant + "'");
        }
        if (defaultTool == null || defaultTool.isBlank()) throw new IllegalArgumentException(DEFAULT_TOOL + " must not be blank");
    }

    public static IngestConfig defaults() {
        return from(Map.of());
    }

    public static IngestConfig from(Map<String, String> settings) {
        return new IngestConfig(
                settings.getOrDefault(HOST, "127.0.0.1"),
                parseInt(settings, PORT, 8080),
                parseLong(settings, MAX_REQUEST_BYTES, 10L * 1024 * 1024),
                settings.getOrDefault(DEFAULT_TENANT, "demo"),
                settings.getOrDefault(DEFAULT_TOOL, "unknown"));
    }

    public IngestConfig withPort(int newPort) {
        return new IngestConfig(host, newPort, maxRequestBytes, defaultTenant, defaultTool);
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

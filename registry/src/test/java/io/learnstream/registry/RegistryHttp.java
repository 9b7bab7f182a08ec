package io.learnstream.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** Plain HTTP against a registry, so tests see the JSON exactly as a Confluent client would. */
public final class RegistryHttp implements AutoCloseable {
    /** One answer: status, content type, raw body and the body as JSON (null when it is not JSON). */
    public record Answer(int status, String contentType, String body, JsonNode json) {
        public int errorCode() {
            return json.path("error_code").asInt(-1);
        }

        public String message() {
            return json.path("message").asText();
        }
    }

    public static final String V1 = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public RegistryHttp(URI base) {
        this.base = base;
    }

    public Answer get(String path) {
        return send(request(path).GET(), Map.of());
    }

    public Answer get(String path, Map<String, String> headers) {
        return send(request(path).GET(), headers);
    }

    public Answer delete(String path) {
        return send(request(path).DELETE(), Map.of());
    }

    public Answer post(String path, String body) {
        return post(path, body, Map.of("Content-Type", V1));
    }

    public Answer post(String path, String body, Map<String, String> headers) {
        return send(request(path).POST(HttpRequest.BodyPublishers.ofString(body)), headers);
    }

    public Answer put(String path, String body) {
        return send(request(path).PUT(HttpRequest.BodyPublishers.ofString(body)), Map.of("Content-Type", V1));
    }

    /** {@code {"schema": "<text>"}}, the body of register, lookup and compatibility requests. */
    public static String schemaBody(String schemaText) {
        return json(Map.of("schema", schemaText));
    }

    public static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(15));
    }

    private Answer send(HttpRequest.Builder builder, Map<String, String> headers) {
        headers.forEach(builder::header);
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json;
            try {
                json = JSON.readTree(response.body());
            } catch (IOException notJson) {
                json = null;
            }
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null), response.body(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        http.close();
    }
}

package io.learnstream.app.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A tiny xAPI endpoint on the loopback interface for tests: records every request to {@code /xAPI/statements}
 * and answers as the test scripts it, by request number (from 1); by default 200 with the statement ids.
 */
final class RecordingXapiServer implements AutoCloseable {

    /** A scripted answer; {@code null} body means "the ids of the statements received". */
    record Answer(int status, Map<String, String> headers, String body) {
        static Answer ok() {
            return new Answer(200, Map.of(), null);
        }

        static Answer of(int status, String body) {
            return new Answer(status, Map.of("Content-Type", "application/json"), body);
        }
    }

    /** One received request. */
    record Received(String method, String path, Headers headers, JsonNode body) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile IntFunction<Answer> script = n -> Answer.ok();
    private volatile Runnable onRequest = () -> { };

    private RecordingXapiServer(HttpServer server) {
        this.server = server;
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    static RecordingXapiServer start() throws IOException {
        return start(0);
    }

    static RecordingXapiServer start(int port) throws IOException {
        return new RecordingXapiServer(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0));
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    int port() {
        return server.getAddress().getPort();
    }

    void answer(IntFunction<Answer> script) {
        this.script = script;
    }

    void onRequest(Runnable action) {
        this.onRequest = action;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** Every statement received, in the order of the requests. */
    List<JsonNode> statements() {
        List<JsonNode> all = new ArrayList<>();
        for (Received r : received) {
            r.body().forEach(all::add);
        }
        return all;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] bytes = exchange.getRequestBody().readAllBytes();
            JsonNode body = MAPPER.readTree(bytes);
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders(), body));
            Answer answer = script.apply(requests.incrementAndGet());
            String text = answer.body();
            if (text == null) {
                List<String> ids = new ArrayList<>();
                body.forEach(s -> ids.add(s.path("id").asText()));
                text = MAPPER.writeValueAsString(ids);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
            }
            answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            byte[] out = text.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                try (OutputStream os = exchange.getResponseBody()) {
                    os.write(out);
                }
            }
            onRequest.run();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}

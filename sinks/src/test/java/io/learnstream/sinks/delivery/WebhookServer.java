package io.learnstream.sinks.delivery;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

/** An in-process webhook receiver on a free loopback port: records each request and answers the status it is told. */
final class WebhookServer implements AutoCloseable {
    record Request(Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(h -> h.getValue().getFirst())
                    .findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    final List<Request> requests = new CopyOnWriteArrayList<>();

    /** @param status the status to answer the n-th request with (1 for the first) */
    WebhookServer(IntUnaryOperator status) throws IOException {
        AtomicInteger count = new AtomicInteger();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hooks/learnstream", exchange -> {
            requests.add(new Request(Map.copyOf(exchange.getRequestHeaders()), exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(status.applyAsInt(count.incrementAndGet()), -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/learnstream";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

package io.learnstream.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client's side of the wire: what it sends and how it reads answers, against a scripted HTTP endpoint.
 * Its behaviour against our real registry server is tested in the registry module.
 */
class RestSchemaRegistryClientTest {
    private record Seen(String method, String uri, String contentType, String accept, String authorization, String body) {}

    private record Scripted(int status, String body) {}

    private static final Schema PERSON = AvroSchemas.parse("""
            {"type": "record", "name": "Person", "fields": [{"name": "id", "type": "string"}]}""");

    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final Map<String, Scripted> answers = new ConcurrentHashMap<>();
    private HttpServer server;
    private URI url;

    @BeforeEach
    void startEndpoint() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
        url = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stopEndpoint() {
        server.stop(0);
    }

    @Test
    void shouldRegisterWithConfluentsRequestShapeAndCacheTheId() {
        answers.put("POST /subjects/my%20topic-value/versions", new Scripted(200, "{\"id\": 7}"));
        try (RestSchemaRegistryClient client = new RestSchemaRegistryClient(SchemaRegistryClientConfig.of(url))) {
            assertThat(client.register("my topic-value", PERSON)).isEqualTo(7);
            assertThat(client.register("my topic-value", PERSON)).isEqualTo(7);
            assertThat(client.getById(7)).isEqualTo(PERSON);
        }

        assertThat(seen).singleElement().satisfies(request -> {
            assertThat(request.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
            assertThat(request.accept()).startsWith("application/vnd.schemaregistry.v1+json");
            assertThat(request.body()).isEqualTo("{\"schema\":" + quoted(PERSON.toString()) + "}");
        });
    }

    @Test
    void shouldFetchASchemaByIdOnce() {
        answers.put("GET /schemas/ids/3", new Scripted(200, "{\"schema\": " + quoted(PERSON.toString()) + "}"));
        try (RestSchemaRegistryClient client = new RestSchemaRegistryClient(SchemaRegistryClientConfig.of(url))) {
            assertThat(client.getById(3)).isEqualTo(PERSON);
            assertThat(client.getById(3)).isEqualTo(PERSON);
        }
        assertThat(seen).hasSize(1);
    }

    @Test
    void shouldCarryTheRegistrysErrorCodeAndMessage() {
        answers.put("GET /subjects/orders-value/versions/latest",
                new Scripted(404, "{\"error_code\": 40401, \"message\": \"Subject 'orders-value' not found.\"}"));
        try (RestSchemaRegistryClient client = new RestSchemaRegistryClient(SchemaRegistryClientConfig.of(url))) {
            assertThatThrownBy(() -> client.latestVersion("orders-value"))
                    .isInstanceOfSatisfying(SchemaRegistryRestException.class, e -> {
                        assertThat(e.status()).isEqualTo(404);
                        assertThat(e.errorCode()).isEqualTo(40401);
                        assertThat(e.registryMessage()).isEqualTo("Subject 'orders-value' not found.");
                        assertThat(e.getMessage()).contains("GET " + url + "/subjects/orders-value/versions/latest", "40401");
                    });
        }
    }

    @Test
    void shouldSayWhenTheAnswerIsNotARegistryErrorBody() {
        answers.put("GET /subjects", new Scripted(502, "<html>bad gateway</html>"));
        try (RestSchemaRegistryClient client = new RestSchemaRegistryClient(SchemaRegistryClientConfig.of(url))) {
            assertThatThrownBy(client::subjects)
                    .isInstanceOfSatisfying(SchemaRegistryRestException.class, e -> {
                        assertThat(e.status()).isEqualTo(502);
                        assertThat(e.registryMessage()).contains("not a registry error body", "bad gateway");
                    });
        }
    }

    @Test
    void shouldFailWithTheUrlWhenTheRegistryIsUnreachable() {
        server.stop(0);
        try (RestSchemaRegistryClient client = new RestSchemaRegistryClient(SchemaRegistryClientConfig.of(url))) {
            assertThatThrownBy(client::subjects)
                    .isInstanceOf(SchemaRegistryException.class)
                    .hasMessageContaining("GET " + url + "/subjects failed");
        }
    }

    @Test
    void shouldSendBasicAuthWhenConfigured() {
        answers.put("GET /config", new Scripted(200, "{\"compatibilityLevel\": \"FULL\"}"));
        SchemaRegistryClientConfig config = SchemaRegistryClientConfig.from(Map.of(
                "schema.registry.url", url.toString(), "basic.auth.user.info", "svc:pw"));
        try (RestSchemaRegistryClient client = new RestSchemaRegistryClient(config)) {
            assertThat(client.globalCompatibility()).isEqualTo(CompatibilityLevel.FULL);
        }
        assertThat(seen).singleElement().extracting(Seen::authorization).isEqualTo("Basic c3ZjOnB3");
    }

    @Test
    void shouldAskForTheSubjectLevelFallingBackToTheGlobalOne() {
        answers.put("GET /config/orders-value?defaultToGlobal=true", new Scripted(200, "{\"compatibilityLevel\": \"NONE\"}"));
        try (RestSchemaRegistryClient client = new RestSchemaRegistryClient(SchemaRegistryClientConfig.of(url))) {
            assertThat(client.compatibility("orders-value")).isEqualTo(CompatibilityLevel.NONE);
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String key = exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        seen.add(new Seen(exchange.getRequestMethod(), key, exchange.getRequestHeaders().getFirst("Content-Type"),
                exchange.getRequestHeaders().getFirst("Accept"), exchange.getRequestHeaders().getFirst("Authorization"), body));
        Scripted scripted = answers.getOrDefault(key, new Scripted(404,
                "{\"error_code\": 404, \"message\": \"no scripted answer for " + key + "\"}"));
        byte[] bytes = scripted.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
        exchange.sendResponseHeaders(scripted.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}

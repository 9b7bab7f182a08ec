package io.learnstream.sinks.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.learnstream.sinks.spi.DeliveryException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The webhook channel against an in-process HTTP server. */
class WebhookAlertNotifierTest {
    private static final String SECRET = "riverside-lms-secret";
    private final WebhookAlertNotifier notifier = new WebhookAlertNotifier(HttpClient.newHttpClient(),
            (tenant, teacher) -> "t-rivera".equals(teacher) ? Optional.of(SECRET) : Optional.empty(), Duration.ofSeconds(5));

    @Test
    void shouldPostTheAlertAsJsonSignedWithTheTeachersSecret() throws Exception {
        try (WebhookServer server = new WebhookServer(n -> 204)) {
            notifier.send(Deliveries.toRivera(server.url()));

            assertThat(server.requests).hasSize(1);
            WebhookServer.Request request = server.requests.getFirst();
            assertThat(WebhookSignature.verify(SECRET, request.body(), request.header(WebhookSignature.HEADER))).isTrue();
            assertThat(WebhookSignature.verify("another secret", request.body(), request.header(WebhookSignature.HEADER))).isFalse();
            assertThat(request.header(WebhookAlertNotifier.DELIVERY_HEADER)).isEqualTo("0f3c2a9b7d1e4c5a8b6f0e2d4c6a8b0f");
            assertThat(request.header("Content-Type")).isEqualTo("application/json");
            JsonNode body = new ObjectMapper().readTree(request.body());
            assertThat(body.path("district").asText()).isEqualTo("riverside");
            assertThat(body.path("teacher").asText()).isEqualTo("t-rivera");
            JsonNode alert = body.path("alerts").get(0);
            assertThat(alert.path("reasons").toString()).isEqualTo("[\"no activity for 9 days\",\"2 of 3 assignments missed\"]");
            assertThat(alert.path("link").asText()).isEqualTo("http://localhost:8090/classes/northside-math-6-2/students/ann");
            assertThat(body.path("text").asText()).contains("no activity for 9 days");
        }
    }

    @Test
    void shouldSignWithTheDocumentedHmac() {
        // sha256=HMAC-SHA256("key", "The quick brown fox jumps over the lazy dog"), the RFC 4231-style known answer
        assertThat(WebhookSignature.sign("key", "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    }

    @Test
    void shouldSayAServerErrorMayBeRetriedAndARefusalMayNot() throws Exception {
        try (WebhookServer failing = new WebhookServer(n -> 503); WebhookServer refusing = new WebhookServer(n -> 410)) {
            assertThatThrownBy(() -> notifier.send(Deliveries.toRivera(failing.url())))
                    .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.retryable()).isTrue())
                    .hasMessage("webhook " + failing.url() + " answered 503");
            assertThatThrownBy(() -> notifier.send(Deliveries.toRivera(refusing.url())))
                    .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.retryable()).isFalse());
        }
    }

    @Test
    void shouldNotPostUnsignedForATeacherWithoutASecret() {
        WebhookAlertNotifier unsigned = new WebhookAlertNotifier(HttpClient.newHttpClient(), (tenant, teacher) -> Optional.empty(),
                Duration.ofSeconds(5));

        assertThatThrownBy(() -> unsigned.send(Deliveries.toRivera("http://127.0.0.1:1/hooks/learnstream")))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("has no webhook secret");
    }
}

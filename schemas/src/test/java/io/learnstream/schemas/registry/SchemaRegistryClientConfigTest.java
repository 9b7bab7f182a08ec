package io.learnstream.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemaRegistryClientConfigTest {
    @Test
    void shouldReadUrlTimeoutAndCredentials() {
        SchemaRegistryClientConfig config = SchemaRegistryClientConfig.from(Map.of(
                "schema.registry.url", "http://127.0.0.1:8081",
                "schema.registry.request.timeout.ms", "2500",
                "basic.auth.user.info", "svc:s3cret",
                "bootstrap.servers", "ignored:9092"));

        assertThat(config.url()).isEqualTo(URI.create("http://127.0.0.1:8081"));
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(config.basicAuthUserInfo()).contains("svc:s3cret");
    }

    @Test
    void shouldMaskThePasswordInToString() {
        SchemaRegistryClientConfig config = SchemaRegistryClientConfig.from(Map.of(
                "schema.registry.url", "http://127.0.0.1:8081", "basic.auth.user.info", "svc:s3cret"));

        assertThat(config.toString()).contains("svc:****").doesNotContain("s3cret");
    }

    @Test
    void shouldRequireTheUrl() {
        assertThatThrownBy(() -> SchemaRegistryClientConfig.from(Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("schema.registry.url is required");
    }

    @Test
    void shouldRejectANonHttpUrlAndABadTimeout() {
        assertThatThrownBy(() -> SchemaRegistryClientConfig.from(Map.of("schema.registry.url", "ftp://host")))
                .hasMessageContaining("schema.registry.url must be an http(s) URL");
        assertThatThrownBy(() -> SchemaRegistryClientConfig.from(Map.of(
                "schema.registry.url", "http://h:1", "schema.registry.request.timeout.ms", "soon")))
                .hasMessageContaining("schema.registry.request.timeout.ms must be a number of milliseconds, got 'soon'");
        assertThatThrownBy(() -> SchemaRegistryClientConfig.from(Map.of(
                "schema.registry.url", "http://h:1", "schema.registry.request.timeout.ms", "0")))
                .hasMessageContaining("schema.registry.request.timeout.ms must be positive");
    }
}

package io.learnstream.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.learnstream.registry.store.KafkaStoreConfig;
import io.learnstream.schemas.registry.CompatibilityLevel;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistryConfigTest {
    @Test
    void shouldDefaultToLoopbackAnyPortBackwardAndNoKafka() {
        RegistryConfig config = RegistryConfig.from(Map.of());

        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.port()).isZero();
        assertThat(config.defaultCompatibility()).isEqualTo(CompatibilityLevel.BACKWARD);
        assertThat(config.kafkaStore()).isEmpty();
    }

    @Test
    void shouldReadEveryKey() {
        RegistryConfig config = RegistryConfig.from(Map.of(
                "host", "0.0.0.0", "port", "8081", "schema.compatibility.level", "full",
                "kafkastore.bootstrap.servers", "127.0.0.1:9092", "kafkastore.topic", "_learnstream_schemas",
                "kafkastore.topic.replication.factor", "3", "kafkastore.timeout.ms", "500", "kafkastore.init.timeout.ms", "7000"));

        assertThat(config.host()).isEqualTo("0.0.0.0");
        assertThat(config.port()).isEqualTo(8081);
        assertThat(config.defaultCompatibility()).isEqualTo(CompatibilityLevel.FULL);
        assertThat(config.kafkaStore()).contains(new KafkaStoreConfig("127.0.0.1:9092", "_learnstream_schemas", (short) 3,
                Duration.ofMillis(500), Duration.ofMillis(7000)));
    }

    @Test
    void shouldDefaultTheStoreTopicToConfluentsName() {
        assertThat(RegistryConfig.from(Map.of("kafkastore.bootstrap.servers", "h:1")).kafkaStore().orElseThrow().topic())
                .isEqualTo("_schemas");
    }

    @Test
    void shouldRejectUnknownKeysNamingThem() {
        assertThatThrownBy(() -> RegistryConfig.from(Map.of("kafkastore.topik", "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown registry config keys [kafkastore.topik]");
    }

    @Test
    void shouldRejectBadValuesNamingTheKey() {
        assertThatThrownBy(() -> RegistryConfig.from(Map.of("port", "http")))
                .hasMessage("port must be a whole number, got 'http'");
        assertThatThrownBy(() -> RegistryConfig.from(Map.of("port", "70000")))
                .hasMessage("port must be in 0..65535, got 70000");
        assertThatThrownBy(() -> RegistryConfig.from(Map.of("schema.compatibility.level", "LOOSE")))
                .hasMessageContaining("schema.compatibility.level must be one of NONE, BACKWARD");
        assertThatThrownBy(() -> RegistryConfig.from(Map.of("kafkastore.bootstrap.servers", "nohost")))
                .hasMessageContaining("'nohost' is not host:port");
        assertThatThrownBy(() -> RegistryConfig.from(Map.of("kafkastore.bootstrap.servers", "h:1", "kafkastore.topic", "bad topic")))
                .hasMessageContaining("'bad topic' is not a valid Kafka topic name");
        assertThatThrownBy(() -> RegistryConfig.from(Map.of("kafkastore.topic", "t")))
                .hasMessage("kafkastore.topic is set but kafkastore.bootstrap.servers is not");
    }

    @Test
    void shouldRefuseToStartOnKafkaWithoutBrokers() {
        assertThatThrownBy(() -> SchemaRegistryServer.start(RegistryConfig.withoutKafka(), new io.micrometer.core.instrument.simple.SimpleMeterRegistry()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("kafkastore.bootstrap.servers is required to start the registry on Kafka");
    }
}

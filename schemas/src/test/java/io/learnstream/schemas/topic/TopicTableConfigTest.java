package io.learnstream.schemas.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TopicTableConfigTest {
    @Test
    void defaultsToAMinuteToStartFifteenSecondsPerWriteAndOnePartitionWhenCreated() {
        TopicTableConfig config = TopicTableConfig.of(" localhost:9092 ");

        assertThat(config.bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(config.clientId()).isEqualTo("learnstream-table");
        assertThat(config.startTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.writeTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(config.partitionsWhenCreated()).isEqualTo(1);
    }

    @Test
    void refusesBlankBrokersAndClientIds() {
        assertThatThrownBy(() -> TopicTableConfig.of(" ")).hasMessageContaining("bootstrapServers");
        assertThatThrownBy(() -> TopicTableConfig.of("k:9092").withClientId("")).hasMessageContaining("clientId");
    }

    @Test
    void refusesTimeoutsThatAreNotPositive() {
        TopicTableConfig config = TopicTableConfig.of("k:9092");

        assertThatThrownBy(() -> config.withStartTimeout(Duration.ZERO)).hasMessageContaining("startTimeout must be positive");
        assertThatThrownBy(() -> config.withWriteTimeout(Duration.ofSeconds(-1))).hasMessageContaining("writeTimeout must be positive");
        assertThatThrownBy(() -> config.withWriteTimeout(Duration.ofDays(30))).hasMessageContaining("below 24 days");
    }

    @Test
    void refusesFewerThanOnePartition() {
        assertThatThrownBy(() -> TopicTableConfig.of("k:9092").withPartitionsWhenCreated(0))
                .hasMessageContaining("partitionsWhenCreated must be at least 1, got 0");
    }
}

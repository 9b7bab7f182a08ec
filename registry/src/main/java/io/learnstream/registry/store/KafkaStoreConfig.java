package io.learnstream.registry.store;

import java.time.Duration;
import java.util.Objects;

/**
 * Where and how the registry keeps its records in Kafka.
 *
 * @param bootstrapServers the brokers, {@code host:port[,host:port...]}
 * @param topic the compacted, single-partition topic of registry records (Confluent's default: {@code _schemas})
 * @param replicationFactor replication factor used when the registry creates the topic
 * @param timeout bound on each write's acknowledgement
 * @param initTimeout bound on creating the topic and reading it to its end at start
 */
public record KafkaStoreConfig(String bootstrapServers, String topic, short replicationFactor, Duration timeout, Duration initTimeout) {
    public static final String DEFAULT_TOPIC = "_schemas";

    public KafkaStoreConfig {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(initTimeout, "initTimeout");
        if (bootstrapServers.isBlank()) throw new IllegalArgumentException("Kafka bootstrap servers are blank");
        for (String server : bootstrapServers.split(",")) {
            int colon = server.trim().lastIndexOf(':');
            if (colon < 1 || colon == server.trim().length() - 1) {
                throw new IllegalArgumentException("Kafka bootstrap server '" + server.trim() + "' is not host:port");
            }
        }
        if (topic.isBlank() || !topic.matches("[a-zA-Z0-9._-]{1,249}")) {
            throw new IllegalArgumentException("store topic '" + topic + "' is not a valid Kafka topic name (letters, digits, '.', '_', '-', at most 249)");
        }
        if (replicationFactor < 1) throw new IllegalArgumentException("store topic replication factor must be >= 1, got " + replicationFactor);
        if (!timeout.isPositive()) throw new IllegalArgumentException("store write timeout must be positive, got " + timeout);
        if (!initTimeout.isPositive()) throw new IllegalArgumentException("store init timeout must be positive, got " + initTimeout);
    }

    /** The defaults for a single local broker: topic {@code _schemas}, replication 1, 10 s writes, 60 s start. */
    public static KafkaStoreConfig local(String bootstrapServers) {
        return new KafkaStoreConfig(bootstrapServers, DEFAULT_TOPIC, (short) 1, Duration.ofSeconds(10), Duration.ofSeconds(60));
    }

    public KafkaStoreConfig withTopic(String otherTopic) {
        return new KafkaStoreConfig(bootstrapServers, otherTopic, replicationFactor, timeout, initTimeout);
    }
}

package io.learnstream.registry;

import io.learnstream.registry.store.KafkaStoreConfig;
import io.learnstream.schemas.registry.CompatibilityLevel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The registry server's configuration, validated once by {@link #from(Map)}. Keys (Confluent's names where it has one):
 * <ul>
 *   <li>{@value #HOST} (default 127.0.0.1) the address to listen on</li>
 *   <li>{@value #PORT} (default 0: any free port) the port to listen on</li>
 *   <li>{@value #COMPATIBILITY_LEVEL} (default BACKWARD) the level of subjects that set none, until {@code PUT /config}</li>
 *   <li>{@value #BOOTSTRAP_SERVERS} the Kafka brokers that keep the registry (required to start on Kafka)</li>
 *   <li>{@value #TOPIC} (default {@code _schemas}) the compacted topic of registry records</li>
 *   <li>{@value #REPLICATION_FACTOR} (default 1) replication of that topic when the registry creates it</li>
 *   <li>{@value #TIMEOUT_MS} (default 10000) bound on each store write</li>
 *   <li>{@value #INIT_TIMEOUT_MS} (default 60000) bound on preparing and reading the topic at start</li>
 * </ul>
 *
 * @param host the address to listen on
 * @param port the port, 0 for any free one
 * @param defaultCompatibility the level in force until one is set
 * @param kafkaStore where the records live; empty when the server is started on another store
 */
public record RegistryConfig(String host, int port, CompatibilityLevel defaultCompatibility, Optional<KafkaStoreConfig> kafkaStore) {
    public static final String HOST = "host";
    public static final String PORT = "port";
    public static final String COMPATIBILITY_LEVEL = "schema.compatibility.level";
    public static final String BOOTSTRAP_SERVERS = "kafkastore.bootstrap.servers";
    public static final String TOPIC = "kafkastore.topic";
    public static final String REPLICATION_FACTOR = "kafkastore.topic.replication.factor";
    public static final String TIMEOUT_MS = "kafkastore.timeout.ms";
    public static final String INIT_TIMEOUT_MS = "kafkastore.init.timeout.ms";
    public static final List<String> KEYS = List.of(HOST, PORT, COMPATIBILITY_LEVEL, BOOTSTRAP_SERVERS, TOPIC, REPLICATION_FACTOR, TIMEOUT_MS, INIT_TIMEOUT_MS);
    public static final String DEFAULT_HOST = "127.0.0.1";

    public RegistryConfig {
        Objects.requireNonNull(host, HOST);
        Objects.requireNonNull(defaultCompatibility, COMPATIBILITY_LEVEL);
        Objects.requireNonNull(kafkaStore, "kafkaStore");
        if (host.isBlank()) throw new IllegalArgumentException(HOST + " is blank");
        if (port < 0 || port > 65_535) throw new IllegalArgumentException(PORT + " must be in 0..65535, got " + port);
    }

    /** Listen on 127.0.0.1, any free port, BACKWARD by default, records in {@code _schemas} on these brokers. */
    public static RegistryConfig onKafka(String bootstrapServers) {
        return new RegistryConfig(DEFAULT_HOST, 0, CompatibilityLevel.BACKWARD, Optional.of(KafkaStoreConfig.local(bootstrapServers)));
    }

    /** Listen on 127.0.0.1, any free port, BACKWARD by default, with no Kafka store (start it on another store). */
    public static RegistryConfig withoutKafka() {
        return new RegistryConfig(DEFAULT_HOST, 0, CompatibilityLevel.BACKWARD, Optional.empty());
    }

    public RegistryConfig withPort(int otherPort) {
        return new RegistryConfig(host, otherPort, defaultCompatibility, kafkaStore);
    }

    /**
     * Reads and validates the keys above.
     *
     * @throws IllegalArgumentException naming the key and the problem, for an unknown key too (most likely a typo)
     */
    public static RegistryConfig from(Map<String, String> config) {
        Set<String> unknown = new TreeSet<>(config.keySet());
        KEYS.forEach(unknown::remove);
        if (!unknown.isEmpty()) throw new IllegalArgumentException("unknown registry config keys " + unknown + "; known keys are " + KEYS);
        String host = config.getOrDefault(HOST, DEFAULT_HOST).trim();
        int port = (int) number(config, PORT, 0, 0, 65_535);
        String levelText = config.getOrDefault(COMPATIBILITY_LEVEL, CompatibilityLevel.BACKWARD.name());
        CompatibilityLevel level = CompatibilityLevel.parse(levelText).orElseThrow(() -> new IllegalArgumentException(
                COMPATIBILITY_LEVEL + " must be one of " + CompatibilityLevel.validNames() + ", got '" + levelText + "'"));
        String bootstrap = config.get(BOOTSTRAP_SERVERS);
        if (bootstrap == null) {
            for (String key : List.of(TOPIC, REPLICATION_FACTOR, TIMEOUT_MS, INIT_TIMEOUT_MS)) {
                if (config.containsKey(key)) throw new IllegalArgumentException(key + " is set but " + BOOTSTRAP_SERVERS + " is not");
            }
            return new RegistryConfig(host, port, level, Optional.empty());
        }
        KafkaStoreConfig kafka;
        try {
            kafka = new KafkaStoreConfig(bootstrap.trim(), config.getOrDefault(TOPIC, KafkaStoreConfig.DEFAULT_TOPIC).trim(),
                    (short) number(config, REPLICATION_FACTOR, 1, 1, Short.MAX_VALUE),
                    Duration.ofMillis(number(config, TIMEOUT_MS, 10_000, 1, Integer.MAX_VALUE)),
                    Duration.ofMillis(number(config, INIT_TIMEOUT_MS, 60_000, 1, Integer.MAX_VALUE)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid Kafka store settings (" + BOOTSTRAP_SERVERS + ", " + TOPIC + "): " + e.getMessage(), e);
        }
        return new RegistryConfig(host, port, level, Optional.of(kafka));
    }

    private static long number(Map<String, String> config, String key, long fallback, long min, long max) {
        String text = config.get(key);
        if (text == null) return fallback;
        long value;
        try {
            value = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, got '" + text + "'", e);
        }
        if (value < min || value > max) throw new IllegalArgumentException(key + " must be in " + min + ".." + max + ", got " + value);
        return value;
    }
}

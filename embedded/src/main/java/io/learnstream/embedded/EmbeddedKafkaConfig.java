package io.learnstream.embedded;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to run the embedded single-node KRaft broker.
 *
 * @param dataDir           where the broker keeps its metadata log and topic data; reused (not re-formatted)
 *                          when it already holds a formatted node, so topics and records survive a restart
 * @param port              the client (PLAINTEXT) port on 127.0.0.1, or {@code 0} to pick a free one
 * @param defaultPartitions partitions of a topic created without an explicit count ({@code num.partitions})
 */
public record EmbeddedKafkaConfig(Path dataDir, int port, int defaultPartitions) {

    /** A free port is chosen when {@link #port()} is this value. */
    public static final int ANY_FREE_PORT = 0;

    /** Kafka's own default for {@code num.partitions}. */
    public static final int DEFAULT_PARTITIONS = 1;

    public EmbeddedKafkaConfig {
        Objects.requireNonNull(dataDir, "dataDir of the embedded Kafka broker must not be null");
        dataDir = dataDir.toAbsolutePath().normalize();
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException(
                    "port of the embedded Kafka broker must be 0 (any free port) or 1..65535, was " + port);
        }
        if (defaultPartitions < 1) {
            throw new IllegalArgumentException(
                    "defaultPartitions of the embedded Kafka broker must be at least 1, was " + defaultPartitions);
        }
    }

    /** A broker on a free port with Kafka's default partition count. */
    public static EmbeddedKafkaConfig of(Path dataDir) {
        return new EmbeddedKafkaConfig(dataDir, ANY_FREE_PORT, DEFAULT_PARTITIONS);
    }

    public boolean fixedPort() {
        return port != ANY_FREE_PORT;
    }
}

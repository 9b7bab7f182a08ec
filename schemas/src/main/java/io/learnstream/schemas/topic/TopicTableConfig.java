package io.learnstream.schemas.topic;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link TopicTable} reaches its topic.
 *
 * @param bootstrapServers the Kafka brokers, {@code host:port[,host:port]}
 * @param clientId prefix of the client ids of the view's consumer and producer (as seen in broker logs and quotas)
 * @param startTimeout bound on preparing the topic and reading it to its end offsets when the view opens
 * @param writeTimeout bound on one {@link TopicTable#put}/{@link TopicTable#delete}: the acknowledgement by all
 *     in-sync replicas and this view having read the write back
 * @param partitionsWhenCreated partitions of the topic when the view creates it because it is missing
 */
public record TopicTableConfig(String bootstrapServers, String clientId, Duration startTimeout, Duration writeTimeout,
        int partitionsWhenCreated) {
    public static final String DEFAULT_CLIENT_ID = "learnstream-table";
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(15);

    public TopicTableConfig {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(startTimeout, "startTimeout");
        Objects.requireNonNull(writeTimeout, "writeTimeout");
        bootstrapServers = bootstrapServers.trim();
        if (bootstrapServers.isEmpty()) throw new IllegalArgumentException("bootstrapServers is blank");
        if (clientId.isBlank()) throw new IllegalArgumentException("clientId is blank");
        requirePositive("startTimeout", startTimeout);
        requirePositive("writeTimeout", writeTimeout);
        if (partitionsWhenCreated < 1) {
            throw new IllegalArgumentException("partitionsWhenCreated must be at least 1, got " + partitionsWhenCreated);
        }
    }

    /** Defaults: client id {@value #DEFAULT_CLIENT_ID}, 60 s to start, 15 s per write, one partition when created. */
    public static TopicTableConfig of(String bootstrapServers) {
        return new TopicTableConfig(bootstrapServers, DEFAULT_CLIENT_ID, DEFAULT_START_TIMEOUT, DEFAULT_WRITE_TIMEOUT, 1);
    }

    public TopicTableConfig withClientId(String otherClientId) {
        return new TopicTableConfig(bootstrapServers, otherClientId, startTimeout, writeTimeout, partitionsWhenCreated);
    }

    public TopicTableConfig withStartTimeout(Duration otherStartTimeout) {
        return new TopicTableConfig(bootstrapServers, clientId, otherStartTimeout, writeTimeout, partitionsWhenCreated);
    }

    public TopicTableConfig withWriteTimeout(Duration otherWriteTimeout) {
        return new TopicTableConfig(bootstrapServers, clientId, startTimeout, otherWriteTimeout, partitionsWhenCreated);
    }

    public TopicTableConfig withPartitionsWhenCreated(int partitions) {
        return new TopicTableConfig(bootstrapServers, clientId, startTimeout, writeTimeout, partitions);
    }

    private static void requirePositive(String name, Duration value) {
        if (value.isNegative() || value.isZero()) throw new IllegalArgumentException(name + " must be positive, got " + value);
        if (value.toMillis() > Integer.MAX_VALUE) throw new IllegalArgumentException(name + " must be below 24 days, got " + value);
    }
}

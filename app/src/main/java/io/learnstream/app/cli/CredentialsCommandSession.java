package io.learnstream.app.cli;

import io.learnstream.ingest.publish.ProducerSettings;
import io.learnstream.schemas.topic.TopicPublisher;
import org.apache.kafka.clients.producer.KafkaProducer;

import io.learnstream.app.pipeline.Shutdown;
import io.learnstream.app.pipeline.TopicSetup;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import io.learnstream.embedded.EmbeddedKafka;
import io.learnstream.embedded.EmbeddedKafkaConfig;
import io.learnstream.embedded.EmbeddedKafkaException;
import io.learnstream.ingest.auth.TenantDirectory;
import io.learnstream.registry.RegistryConfig;
import io.learnstream.registry.SchemaRegistryServer;
import io.learnstream.schemas.registry.RestSchemaRegistryClient;
import io.learnstream.schemas.registry.SchemaRegistryClientConfig;
import io.learnstream.schemas.serde.AvroSerdes;
import io.learnstream.schemas.topic.TopicTableConfig;
import io.learnstream.schemas.topic.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What one {@code learnstream credentials} command works on, opened for the command and closed after it: the
 * districts and credentials of a Kafka cluster, plus, in embedded mode, the broker on the data directory and a
 * schema registry on it.
 */
final class CredentialsCommandSession implements AutoCloseable {
    static final String CLIENT_ID = "learnstream-cli";

    private final TenantDirectory directory;
    private final Topics topics;
    private final String bootstrapServers;
    private final Deque<AutoCloseable> opened;

    private CredentialsCommandSession(TenantDirectory directory, Topics topics, String bootstrapServers, Deque<AutoCloseable> opened) {
        this.directory = directory;
        this.topics = topics;
        this.bootstrapServers = bootstrapServers;
        this.opened = opened;
    }

    /**
     * @throws IllegalStateException saying what to do when the embedded data directory is in use by a running demo
     */
    static CredentialsCommandSession open(CredentialsCommandTarget target, MeterRegistry meters) {
        Deque<AutoCloseable> opened = new ArrayDeque<>();
        try {
            String bootstrapServers;
            URI registryUrl;
            switch (target) {
                case CredentialsCommandTarget.Servers servers -> {
                    bootstrapServers = servers.bootstrapServers();
                    registryUrl = servers.registryUrl();
                }
                case CredentialsCommandTarget.Embedded embedded -> {
                    EmbeddedKafka kafka = startEmbeddedKafka(embedded.stackConfig().kafkaDir());
                    opened.push(kafka);
                    bootstrapServers = kafka.bootstrapServers();
                    SchemaRegistryServer registry = SchemaRegistryServer.start(RegistryConfig.onKafka(bootstrapServers), meters);
                    opened.push(registry);
                    registryUrl = registry.url();
                }
            }
            Topics topics = Topics.create(AvroSerdes.create(new RestSchemaRegistryClient(SchemaRegistryClientConfig.of(registryUrl))));
            TenantDirectory directory = TenantDirectory.open(TopicTableConfig.of(bootstrapServers).withClientId(CLIENT_ID), topics, meters);
            opened.push(directory);
            return new CredentialsCommandSession(directory, topics, bootstrapServers, opened);
        } catch (RuntimeException e) {
            Shutdown.inReverseOrder(opened);
            throw e;
        }
    }

    /**
     * The session a command's options name. A data directory a running demo holds is the usual mistake of a teacher's
     * first try: it is answered with the message saying to pass the demo's addresses (a user's error), not a stack trace.
     */
    static CredentialsCommandSession openForCommand(CredentialsCommandOptions where) {
        try {
            return open(where.target(), new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof EmbeddedKafkaException) throw new IllegalArgumentException(e.getMessage(), e);
            throw e;
        }
    }

    TenantDirectory directory() {
        return directory;
    }

    Topics topics() {
        return topics;
    }

    /** The Kafka this session works on. */
    String bootstrapServers() {
        return bootstrapServers;
    }

    /** How a command reads a compacted topic of this session's Kafka into memory. */
    TopicTableConfig tableConfig() {
        return TopicTableConfig.of(bootstrapServers).withClientId(CLIENT_ID);
    }

    /** Refuses a district the session's Kafka does not know, saying how to create it. */
    void requireDistrict(String district) {
        if (!directory().districts().exists(district)) {
            throw new IllegalArgumentException(unknownDistrict(district));
        }
    }

    static String unknownDistrict(String district) {
        return "district '" + district + "' is unknown (create it with learnstream credentials add)";
    }

    /** Creates learnstream's topics that do not exist yet (a fresh data directory, a new cluster), as the pipeline would. */
    void ensureTopics() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, AdminClientConfig.CLIENT_ID_CONFIG, CLIENT_ID))) {
            TopicSetup.ensure(admin, topics, CredentialsCommandTarget.Embedded.DEFAULT_PARTITIONS);
        }
    }

    /** A publisher to this Kafka, closed with the session. */
    TopicPublisher publisher() {
        TopicPublisher publisher = new TopicPublisher(new KafkaProducer<>(ProducerSettings.forIngest(bootstrapServers, CLIENT_ID)));
        opened.push(publisher);
        return publisher;
    }

    @Override
    public void close() {
        Shutdown.inReverseOrder(opened);
    }

    private static EmbeddedKafka startEmbeddedKafka(Path kafkaDir) {
        try {
            return EmbeddedKafka.start(new EmbeddedKafkaConfig(kafkaDir, EmbeddedKafkaConfig.ANY_FREE_PORT,
                    CredentialsCommandTarget.Embedded.DEFAULT_PARTITIONS));
        } catch (EmbeddedKafkaException e) {
            if (!isInUse(e)) throw e;
            throw new IllegalStateException("the data directory " + kafkaDir.getParent() + " is in use by a running learnstream"
                    + " (a demo?), whose embedded broker holds it. Pass --bootstrap-servers <the Kafka broker address the demo printed>"
                    + " --registry-url <the schema registry address it printed> to work on that broker while it runs", e);
        }
    }

    /** Whether the broker refused the directory because another broker holds its lock. */
    private static boolean isInUse(EmbeddedKafkaException e) {
        // EmbeddedKafka has no typed reason; it says "already used by another running broker" for a held lock
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof OverlappingFileLockException) return true;
            if (cause.getMessage() != null && cause.getMessage().contains("already used by another running broker")) return true;
        }
        return false;
    }

}

package io.learnstream.embedded;

import java.net.BindException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real Apache Kafka broker, one node in KRaft combined mode (broker and controller), run inside this JVM.
 *
 * <p>The storage under {@link EmbeddedKafkaConfig#dataDir()} is formatted with Kafka's own
 * {@link org.apache.kafka.metadata.storage.Formatter} on the first start only; later starts on the same
 * directory keep the cluster id, the topics and their records. Both listeners bind to 127.0.0.1.
 * {@link #start} returns once the broker answers an Admin {@code describeCluster} with itself as a live node.
 *
 * <p>Several brokers on different directories may run in one JVM; one directory can be used by one broker
 * at a time (Kafka locks it). As in a standalone broker, a fatal fault inside Kafka halts the process.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);

    /** How long {@link #start} waits for the started broker to serve clients. */
    static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    /** How long {@link #close} waits for a clean shutdown before giving up on it. */
    static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);
    private static final long READY_POLL_MILLIS = 50;
    /** Attempts with freshly chosen ports when a chosen free port was taken by someone else meanwhile. */
    private static final int BIND_ATTEMPTS = 3;

    private final EmbeddedKafkaConfig config;
    private final KafkaRaftServer server;
    private final DataDirLock dataDirLock;
    private final String clusterId;
    private final String bootstrapServers;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedKafka(EmbeddedKafkaConfig config, KafkaRaftServer server, DataDirLock dataDirLock,
                          String clusterId, int port) {
        this.config = config;
        this.server = server;
        this.dataDirLock = dataDirLock;
        this.clusterId = clusterId;
        this.bootstrapServers = BrokerSettings.LOOPBACK + ":" + port;
    }

    /** Starts a broker on a free port, keeping its data under {@code dataDir}. */
    public static EmbeddedKafka start(Path dataDir) {
        return start(EmbeddedKafkaConfig.of(dataDir));
    }

    /** Starts a broker as configured and returns once it serves clients. */
    public static EmbeddedKafka start(EmbeddedKafkaConfig config) {
        DataDirLock lock = DataDirLock.acquire(config.dataDir());
        try {
            return startLocked(config, lock);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private static EmbeddedKafka startLocked(EmbeddedKafkaConfig config, DataDirLock lock) {
        long startNanos = System.nanoTime();
        int attempts = config.fixedPort() ? 1 : BIND_ATTEMPTS;
        for (int attempt = 1; ; attempt++) {
            int brokerPort = config.fixedPort() ? config.port() : FreePort.onLoopback();
            int controllerPort = FreePort.onLoopback();
            KafkaConfig kafkaConfig = BrokerSettings.kafkaConfig(config, brokerPort, controllerPort);
            String clusterId = KraftStorage.formatIfNeeded(kafkaConfig);
            KafkaRaftServer server = new KafkaRaftServer(kafkaConfig, Time.SYSTEM);
            try {
                server.startup();
            } catch (RuntimeException e) {
                stopQuietly(server);
                if (isBindFailure(e) && attempt < attempts) {
                    log.warn("Kafka could not bind port {} or {} (taken meanwhile); retrying with other free ports",
                            brokerPort, controllerPort);
                    continue;
                }
                throw new EmbeddedKafkaException("the embedded Kafka broker on " + config.dataDir()
                        + " (client port " + brokerPort + ", controller port " + controllerPort
                        + ") failed to start: " + e.getMessage(), e);
            }
            EmbeddedKafka kafka = new EmbeddedKafka(config, server, lock, clusterId, brokerPort);
            try {
                kafka.awaitReady();
            } catch (RuntimeException e) {
                kafka.stop();
                throw e;
            }
            log.info("Embedded Kafka broker ready at {} (cluster {}, data {}) in {} ms", kafka.bootstrapServers,
                    clusterId, config.dataDir(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
            return kafka;
        }
    }

    /** {@code host:port} for the clients' {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The KRaft cluster id kept in meta.properties under the data directory. */
    public String clusterId() {
        return clusterId;
    }

    public EmbeddedKafkaConfig config() {
        return config;
    }

    /**
     * Shuts the broker down (controlled: the broker first, then the controller) and waits at most
     * {@link #SHUTDOWN_TIMEOUT}. Calling it again does nothing.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true) && stop()) {
            // a broker that did not stop keeps its directory locked, so no second broker can write into it
            dataDirLock.close();
        }
    }

    /** Shuts the server down, bounded by {@link #SHUTDOWN_TIMEOUT}; tells whether it stopped. */
    private boolean stop() {
        long startNanos = System.nanoTime();
        Thread stopper = Thread.ofPlatform().name("embedded-kafka-shutdown-" + bootstrapServers)
                .start(() -> stopQuietly(server));
        try {
            if (!stopper.join(SHUTDOWN_TIMEOUT)) {
                log.error("Embedded Kafka broker at {} did not shut down within {}; leaving its threads behind",
                        bootstrapServers, SHUTDOWN_TIMEOUT);
                return false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("Interrupted while waiting for the embedded Kafka broker at {} to shut down", bootstrapServers);
            return false;
        }
        log.info("Embedded Kafka broker at {} stopped in {} ms", bootstrapServers,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
        return true;
    }

    @Override
    public String toString() {
        return "EmbeddedKafka[" + bootstrapServers + ", cluster " + clusterId + ", data " + config.dataDir() + "]";
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        Map<String, Object> adminConfig = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "embedded-kafka-readiness");
        try (Admin admin = Admin.create(adminConfig)) {
            while (true) {
                long remainingMs = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (remainingMs <= 0) {
                    throw new EmbeddedKafkaException("the embedded Kafka broker at " + bootstrapServers
                            + " did not report itself as a live node within " + READY_TIMEOUT);
                }
                Collection<Node> nodes = admin.describeCluster(new DescribeClusterOptions()
                                .timeoutMs((int) Math.min(remainingMs, Integer.MAX_VALUE)))
                        .nodes().get(remainingMs, TimeUnit.MILLISECONDS);
                if (nodes.stream().anyMatch(node -> node.id() == BrokerSettings.NODE_ID)) {
                    return;
                }
                // registered but still fenced: ask again after a short pause
                TimeUnit.MILLISECONDS.sleep(READY_POLL_MILLIS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new EmbeddedKafkaException("the embedded Kafka broker at " + bootstrapServers
                    + " did not answer describeCluster within " + READY_TIMEOUT + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedKafkaException("interrupted while waiting for the embedded Kafka broker at "
                    + bootstrapServers + " to become ready", e);
        }
    }

    private static void stopQuietly(KafkaRaftServer server) {
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            log.warn("Error while shutting down an embedded Kafka broker", e);
        }
    }

    private static boolean isBindFailure(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException) {
                return true;
            }
        }
        return false;
    }
}

package io.learnstream.embedded;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import kafka.server.KafkaConfig;

/**
 * The server properties of a one-node KRaft cluster in combined mode (broker and controller in one
 * process), listening on 127.0.0.1 only.
 */
final class BrokerSettings {

    static final int NODE_ID = 1;
    static final String BROKER_LISTENER = "PLAINTEXT";
    static final String CONTROLLER_LISTENER = "CONTROLLER";
    static final String LOOPBACK = "127.0.0.1";

    /**
     * Partitions of the internal {@code __consumer_offsets} and {@code __transaction_state} topics.
     * Kafka's default of 50 exists to spread coordinators over many brokers; on one node it only
     * costs startup time and open files.
     */
    static final int INTERNAL_TOPIC_PARTITIONS = 5;

    /** Heap for the log cleaner's offset map; Kafka's 128 MiB default is sized for production brokers. */
    static final long LOG_CLEANER_DEDUPE_BUFFER_BYTES = 16L * 1024 * 1024;

    private BrokerSettings() {
    }

    /** The directory inside {@code dataDir} that holds the metadata log, meta.properties and topic data. */
    static Path logDir(Path dataDir) {
        return dataDir.resolve("kraft-combined-logs");
    }

    static KafkaConfig kafkaConfig(EmbeddedKafkaConfig config, int brokerPort, int controllerPort) {
        String logDir = logDir(config.dataDir()).toString();
        Map<String, Object> props = new HashMap<>();
        props.put("process.roles", "broker,controller");
        props.put("node.id", Integer.toString(NODE_ID));
        props.put("controller.quorum.voters", NODE_ID + "@" + LOOPBACK + ":" + controllerPort);
        props.put("listeners", BROKER_LISTENER + "://" + LOOPBACK + ":" + brokerPort + ","
                + CONTROLLER_LISTENER + "://" + LOOPBACK + ":" + controllerPort);
        props.put("advertised.listeners", BROKER_LISTENER + "://" + LOOPBACK + ":" + brokerPort);
        props.put("listener.security.protocol.map", BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("inter.broker.listener.name", BROKER_LISTENER);
        props.put("log.dirs", logDir);
        props.put("metadata.log.dir", logDir);

        props.put("num.partitions", Integer.toString(config.defaultPartitions()));
        props.put("default.replication.factor", "1");
        props.put("min.insync.replicas", "1");
        props.put("auto.create.topics.enable", "false");
        props.put("group.initial.rebalance.delay.ms", "0");

        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", Integer.toString(INTERNAL_TOPIC_PARTITIONS));
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", Integer.toString(INTERNAL_TOPIC_PARTITIONS));
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");

        props.put("log.cleaner.dedupe.buffer.size", Long.toString(LOG_CLEANER_DEDUPE_BUFFER_BYTES));
        return new KafkaConfig(props, false);
    }
}

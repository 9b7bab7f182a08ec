package io.learnstream.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;

import kafka.server.KafkaConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Formats the KRaft storage of a node the way {@code kafka-storage.sh format} does, but only when it has
 * not been formatted yet: an existing meta.properties (and with it the cluster id and all data) is kept.
 */
final class KraftStorage {

    private static final Logger log = LoggerFactory.getLogger(KraftStorage.class);

    private KraftStorage() {
    }

    /** Returns the cluster id of the node's storage, formatting it first when it is empty. */
    static String formatIfNeeded(KafkaConfig config) {
        String logDir = config.metadataLogDir();
        try {
            Files.createDirectories(java.nio.file.Path.of(logDir));
            MetaPropertiesEnsemble existing = new MetaPropertiesEnsemble.Loader()
                    .addLogDirs(List.of(logDir))
                    .addMetadataLogDir(logDir)
                    .load();
            if (!existing.errorLogDirs().isEmpty()) {
                throw new EmbeddedKafkaException("the Kafka log directory " + logDir
                        + " cannot be read (is meta.properties corrupt or unreadable?)");
            }
            Optional<String> clusterId = existing.clusterId();
            if (clusterId.isPresent() && existing.emptyLogDirs().isEmpty()) {
                log.info("Kafka storage {} is already formatted (cluster id {}); reusing it", logDir, clusterId.get());
                return clusterId.get();
            }
            return format(config, logDir);
        } catch (IOException e) {
            throw new EmbeddedKafkaException("could not inspect or create the Kafka log directory " + logDir, e);
        }
    }

    private static String format(KafkaConfig config, String logDir) {
        String clusterId = Uuid.randomUuid().toString();
        ByteArrayOutputStream formatterOutput = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(formatterOutput, true, StandardCharsets.UTF_8)) {
            new Formatter()
                    .setPrintStream(out)
                    .setNodeId(config.nodeId())
                    .setClusterId(clusterId)
                    .setDirectories(List.of(logDir))
                    .setMetadataLogDirectory(logDir)
                    .setControllerListenerName(config.controllerListenerNames().getFirst())
                    .setHasDynamicQuorum(false)
                    .setUnstableFeatureVersionsEnabled(false)
                    .setIgnoreFormatted(false)
                    .run();
        } catch (Exception e) {
            throw new EmbeddedKafkaException("could not format the Kafka log directory " + logDir
                    + ": " + e.getMessage(), e);
        }
        log.info("Formatted Kafka storage {} with new cluster id {}: {}", logDir, clusterId,
                formatterOutput.toString(StandardCharsets.UTF_8).strip());
        return clusterId;
    }
}

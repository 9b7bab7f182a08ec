package io.learnstream.app.roster;

import io.learnstream.ingest.publish.ProducerSettings;
import io.learnstream.schemas.avro.RosterImport;
import io.learnstream.schemas.topic.TopicPublisher;
import io.learnstream.schemas.topic.Topics;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * A OneRoster CSV export imported into the roster topics of a running cluster, as {@code roster import} does it: read
 * and checked whole by {@link RosterExportReader}, then published by {@link RosterPublisher} (a bulk file's removals
 * found with {@link TopicKeys}), the marker last. For commands that bring their own export, such as a replay.
 */
public final class RosterImporter {
    /** How long reading a roster topic's current keys (for a bulk file's removals) may take. */
    static final Duration READ_KEYS_TIMEOUT = Duration.ofMinutes(1);

    private RosterImporter() {}

    /**
     * @param clientId the Kafka client id the import's producer and key readers use
     * @return the marker written
     * @throws IllegalArgumentException naming file, line and column when the export does not pass the checks (nothing written)
     */
    public static RosterImport importExport(Path dir, String district, Topics topics, String bootstrapServers, String clientId)
            throws IOException {
        RosterChangeSet changes = RosterExportReader.read(dir, district, Instant.now());
        try (TopicPublisher publisher = new TopicPublisher(new KafkaProducer<>(ProducerSettings.forIngest(bootstrapServers, clientId)))) {
            return new RosterPublisher(topics, publisher,
                    (topic, tenant) -> TopicKeys.of(bootstrapServers, clientId, topic.name(), tenant, READ_KEYS_TIMEOUT))
                    .publish(changes, dir.toString());
        }
    }
}

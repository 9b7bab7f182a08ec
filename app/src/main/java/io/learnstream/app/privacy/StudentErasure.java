package io.learnstream.app.privacy;

import io.learnstream.ingest.identity.PseudonymKey;
import io.learnstream.ingest.publish.ProducerSettings;
import io.learnstream.schemas.topic.TopicTableConfig;
import io.learnstream.schemas.topic.Topics;
import io.learnstream.sinks.spi.ColumnStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * One erasure on a running Kafka and column store, wired as {@code students erase} runs it: the roster read from its
 * topics, the Streams changelogs found on the cluster, a producer for the tombstones, every standard place.
 */
public final class StudentErasure {
    private StudentErasure() {}

    public static ErasureReport run(String bootstrapServers, String clientId, Topics topics, ColumnStore store, String tenantId,
            String studentId, PseudonymKey key, Duration readTimeout, List<StudentDataPlace> morePlaces) {
        List<String> changelogs = changelogs(bootstrapServers, clientId);
        try (TopicRosterLookup roster = new TopicRosterLookup(topics, TopicTableConfig.of(bootstrapServers).withClientId(clientId));
                KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(ProducerSettings.forIngest(bootstrapServers, clientId))) {
            List<StudentDataPlace> places = new ArrayList<>(
                    StudentDataPlaces.standard(store, topics, changelogs, bootstrapServers, clientId, producer, readTimeout));
            places.addAll(morePlaces);
            StudentEraser eraser = new StudentEraser(new StudentIdResolver(roster), store, places);
            return eraser.erase(tenantId, studentId, key);
        }
    }

    /** The Kafka Streams store changelogs on the cluster. */
    static List<String> changelogs(String bootstrapServers, String clientId) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, AdminClientConfig.CLIENT_ID_CONFIG, clientId))) {
            return admin.listTopics().names().get().stream().filter(t -> t.endsWith(StudentDataPlaces.CHANGELOG_SUFFIX)).sorted().toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted listing the topics", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not list the topics of " + bootstrapServers + ": " + e.getCause().getMessage(), e.getCause());
        }
    }
}

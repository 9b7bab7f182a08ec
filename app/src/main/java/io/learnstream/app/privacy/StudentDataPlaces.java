package io.learnstream.app.privacy;

import io.learnstream.schemas.topic.Topics;
import io.learnstream.sinks.spi.ColumnStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.kafka.clients.producer.Producer;

/**
 * Every place learnstream keeps a student today: the statement and attachment archives, the analytics tables keyed by
 * student, alert feedback, and the compacted topics keyed by student (engagement, student mastery, alerts, attachment
 * data), the xAPI State and Agent Profile documents (keyed under the learner's actor key) and the Kafka Streams
 * stores' changelogs. Not reached: {@code alert-deliveries}, a short-lived stream of what was sent to teachers, which
 * expires with its retention, not by key.
 */
public final class StudentDataPlaces {
    /** Suffix Kafka Streams gives a store's changelog topic. */
    public static final String CHANGELOG_SUFFIX = "-changelog";

    private StudentDataPlaces() {}

    /**
     * @param changelogs the Streams changelog topics on the cluster (every topic ending in {@link #CHANGELOG_SUFFIX})
     */
    public static List<StudentDataPlace> standard(ColumnStore store, Topics topics, Collection<String> changelogs, String bootstrapServers,
            String clientId, Producer<byte[], byte[]> producer, Duration readTimeout) {
        List<StudentDataPlace> places = new ArrayList<>();
        places.add(TableRowsPlace.statements(store));
        places.add(TableRowsPlace.attachments(store));
        for (String table : TableRowsPlace.STUDENT_KEY_TABLES) places.add(TableRowsPlace.byStudentKey(store, table));
        places.add(TableRowsPlace.alertFeedback(store));
        for (String topic : List.of(topics.engagementDaily().name(), topics.studentMastery().name(), topics.alerts().name())) {
            places.add(new TopicTombstonesPlace(topic, TopicTombstonesPlace::studentKeys, bootstrapServers, clientId, producer, readTimeout));
        }
        places.add(new TopicTombstonesPlace(topics.xapiAttachments().name(), TopicTombstonesPlace::attachmentKeys, bootstrapServers, clientId,
                producer, readTimeout));
        for (String topic : List.of(topics.xapiStates().name(), topics.xapiAgentProfiles().name())) {
            places.add(new TopicTombstonesPlace(topic, TopicTombstonesPlace::documentKeys, bootstrapServers, clientId, producer, readTimeout));
        }
        for (String changelog : changelogs.stream().sorted().toList()) {
            places.add(new TopicTombstonesPlace(changelog, TopicTombstonesPlace::studentKeys, bootstrapServers, clientId, producer, readTimeout));
        }
        return places;
    }
}

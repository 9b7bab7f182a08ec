package io.learnstream.app.pipeline;

import io.learnstream.schemas.topic.Topic;
import io.learnstream.schemas.topic.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Creates learnstream's topics when they do not exist yet, each with the retention its role needs and the given
 * number of partitions (one for those {@link Topics#singlePartition()} names).
 */
public final class TopicSetup {
    private TopicSetup() {}

    public static void ensure(Admin admin, Topics topics, int partitions) {
        try {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (Topic<?, ?> topic : topics.all()) {
                if (!existing.contains(topic.name())) {
                    int count = topics.singlePartition().contains(topic) ? 1 : partitions;
                    missing.add(new NewTopic(topic.name(), java.util.Optional.of(count), java.util.Optional.empty())
                            .configs(configFor(topics, topic)));
                }
            }
            if (!missing.isEmpty()) admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not create learnstream's topics on Kafka: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }

    private static Map<String, String> configFor(Topics topics, Topic<?, ?> topic) {
        if (topics.compacted().contains(topic)) {
            // latest value per key: engagement figures per student, course and day; districts; credentials
            return Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        }
        // learning events and dead letters are the record of what happened: kept for replays
        return Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1");
    }
}

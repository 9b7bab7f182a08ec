package io.learnstream.schemas.topic;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure a table's topic exists and keeps the latest value per key forever: creates it compacted when missing,
 * refuses it when its cleanup policy would let retention delete entries.
 */
final class TopicTableAdmin {
    private static final Logger log = LoggerFactory.getLogger(TopicTableAdmin.class);

    private TopicTableAdmin() {}

    /** @return the topic's number of partitions */
    static int ensureCompactedTopic(String topic, TopicTableConfig config, long deadlineNanos) {
        try (Admin admin = createAdmin(topic, config)) {
            Optional<TopicDescription> description = describe(admin, topic, deadlineNanos);
            if (description.isEmpty()) {
                NewTopic newTopic = new NewTopic(topic, Optional.of(config.partitionsWhenCreated()), Optional.empty())
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
                try {
                    admin.createTopics(List.of(newTopic)).all().get(remainingMillis(deadlineNanos), TimeUnit.MILLISECONDS);
                    log.info("created topic '{}' for a table ({} partition(s), compacted)", topic, config.partitionsWhenCreated());
                    return config.partitionsWhenCreated();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) throw e;
                    // created by someone else meanwhile: check theirs like any existing topic
                }
                description = describe(admin, topic, deadlineNanos);
                if (description.isEmpty()) {
                    throw new TopicTableException("topic '" + topic + "' was reported as existing but cannot be described");
                }
            }
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            Config topicConfig = admin.describeConfigs(List.of(resource)).all()
                    .get(remainingMillis(deadlineNanos), TimeUnit.MILLISECONDS).get(resource);
            ConfigEntry policy = topicConfig.get(TopicConfig.CLEANUP_POLICY_CONFIG);
            String value = policy == null ? TopicConfig.CLEANUP_POLICY_DELETE : policy.value();
            if (!TopicConfig.CLEANUP_POLICY_COMPACT.equals(value.replace(" ", ""))) {
                throw new TopicTableException("topic '" + topic + "' has cleanup.policy=" + value + "; a table needs '"
                        + TopicConfig.CLEANUP_POLICY_COMPACT + "' alone, or retention would delete its entries");
            }
            return description.get().partitions().size();
        } catch (ExecutionException e) {
            throw new TopicTableException("preparing topic '" + topic + "' on " + config.bootstrapServers() + " failed: "
                    + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException | org.apache.kafka.common.errors.TimeoutException e) {
            throw new TopicTableException("could not prepare topic '" + topic + "' on " + config.bootstrapServers() + " within "
                    + config.startTimeout() + " (are the brokers reachable?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TopicTableException("interrupted while preparing topic '" + topic + "'", e);
        }
    }

    private static Admin createAdmin(String topic, TopicTableConfig config) {
        int timeoutMs = (int) config.startTimeout().toMillis();
        try {
            return Admin.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
                    AdminClientConfig.CLIENT_ID_CONFIG, config.clientId() + "-admin",
                    // the admin client insists on a request timeout no longer than the whole call's
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(timeoutMs, 30_000),
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs));
        } catch (KafkaException e) {
            Throwable reason = e.getCause() != null ? e.getCause() : e;
            throw new TopicTableException("cannot open a Kafka client on '" + config.bootstrapServers() + "' to prepare topic '"
                    + topic + "': " + reason.getMessage(), e);
        }
    }

    private static Optional<TopicDescription> describe(Admin admin, String topic, long deadlineNanos)
            throws InterruptedException, ExecutionException, TimeoutException {
        try {
            return Optional.ofNullable(admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(remainingMillis(deadlineNanos), TimeUnit.MILLISECONDS).get(topic));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) return Optional.empty();
            throw e;
        }
    }

    static long remainingMillis(long deadlineNanos) throws TimeoutException {
        long remaining = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
        if (remaining <= 0) throw new TimeoutException("deadline passed");
        return remaining;
    }
}

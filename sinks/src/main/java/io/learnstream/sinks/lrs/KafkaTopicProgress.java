package io.learnstream.sinks.lrs;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

/**
 * {@link TopicProgress} as the broker reports it: the topic's last stable offsets and the committed offsets of the
 * sink's consumer group, through an {@link Admin} client. Each call waits at most {@code timeout} and fails with a
 * {@link KafkaException} otherwise.
 */
public final class KafkaTopicProgress implements TopicProgress {
    private final Admin admin;
    private final String topic;
    private final String sinkGroupId;
    private final Duration timeout;

    /**
     * @param admin       a client of the cluster holding the topic (not closed here)
     * @param topic       the archived topic, e.g. {@code learnstream.xapi-statements}
     * @param sinkGroupId the consumer group of the {@code TopicSink} writing the archive
     * @param timeout     how long one call may wait for the broker
     */
    public KafkaTopicProgress(Admin admin, String topic, String sinkGroupId, Duration timeout) {
        this.admin = Objects.requireNonNull(admin, "admin");
        this.topic = Objects.requireNonNull(topic, "topic");
        this.sinkGroupId = Objects.requireNonNull(sinkGroupId, "sinkGroupId");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public Map<Integer, Long> endOffsets() {
        return lastStableOffsets(admin, topic, timeout);
    }

    /** Each partition's last stable offset of {@code topic}, waiting at most {@code timeout} for each answer. */
    public static Map<Integer, Long> lastStableOffsets(Admin admin, String topic, Duration timeout) {
        TopicDescription description = await(admin.describeTopics(java.util.List.of(topic)).topicNameValues().get(topic), topic, "", timeout);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        description.partitions().forEach(partition -> latest.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest()));
        Map<Integer, Long> ends = new HashMap<>();
        await(admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all(), topic, "", timeout)
                .forEach((partition, info) -> ends.put(partition.partition(), info.offset()));
        return ends;
    }

    /**
     * Whether no transaction is open on {@code topic}: every partition's last stable offset is its end. A Streams
     * application that forwarded output from a punctuation has it in an open transaction until its next commit.
     */
    public static boolean settled(Admin admin, String topic, Duration timeout) {
        TopicDescription description = await(admin.describeTopics(java.util.List.of(topic)).topicNameValues().get(topic), topic, "", timeout);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        description.partitions().forEach(partition -> latest.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest()));
        Map<TopicPartition, org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo> stable =
                await(admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all(), topic, "", timeout);
        Map<TopicPartition, org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo> end =
                await(admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED)).all(), topic, "", timeout);
        return stable.entrySet().stream().allMatch(e -> e.getValue().offset() == end.get(e.getKey()).offset());
    }

    @Override
    public Map<Integer, Long> archivedOffsets() {
        Map<TopicPartition, OffsetAndMetadata> committed =
                await(admin.listConsumerGroupOffsets(sinkGroupId).partitionsToOffsetAndMetadata());
        Map<Integer, Long> archived = new HashMap<>();
        committed.forEach((partition, offset) -> {
            if (partition.topic().equals(topic) && offset != null) archived.put(partition.partition(), offset.offset());
        });
        return archived;
    }

    private <T> T await(KafkaFuture<T> future) {
        return await(future, topic, " and group " + sinkGroupId, timeout);
    }

    private static <T> T await(KafkaFuture<T> future, String topic, String ofGroup, Duration timeout) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while asking the broker about " + topic, e);
        } catch (ExecutionException e) {
            throw new KafkaException("the broker could not tell the progress of " + topic + ofGroup + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new KafkaException("the broker did not tell the progress of " + topic + " within " + timeout, e);
        }
    }
}

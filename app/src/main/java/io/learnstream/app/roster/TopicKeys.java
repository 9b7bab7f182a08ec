package io.learnstream.app.roster;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The keys a compacted topic holds now for one district: it is read from the beginning to its end offsets as they
 * were when reading started, keys only (values are not deserialized), the latest record per key winning and a
 * tombstone removing it. What a bulk import needs to remove the records its files no longer list. Cheap for a
 * roster topic, which compaction keeps to about one record per key.
 */
public final class TopicKeys {
    private static final Duration POLL = Duration.ofMillis(200);

    private TopicKeys() {}

    /** The ids (the part after {@code <district>/}) of the district's live keys in {@code topic}. */
    public static Set<String> of(String bootstrapServers, String clientId, String topic, String district, Duration timeout) {
        String prefix = district + "/";
        Set<String> live = new HashSet<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, clientId,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!reached(consumer, ends, timeout)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read the keys of " + topic + " within " + timeout);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    if (record.key() == null) continue;
                    String key = new String(record.key(), StandardCharsets.UTF_8);
                    if (!key.startsWith(prefix)) continue;
                    String id = key.substring(prefix.length());
                    if (record.value() == null) live.remove(id);
                    else live.add(id);
                }
            }
        }
        return live;
    }

    private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> ends, Duration timeout) {
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (consumer.position(end.getKey(), timeout) < end.getValue()) return false;
        }
        return true;
    }
}

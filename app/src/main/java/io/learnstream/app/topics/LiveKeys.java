package io.learnstream.app.topics;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The keys of a compacted topic that have a live value now, as raw bytes, with the partition each is on: the topic
 * read from the beginning to its end offsets as they were when reading started, the latest record per key winning and
 * a tombstone removing it. Raw bytes, so it reads any topic alike (String keys, Avro keys of a Streams changelog).
 */
public final class LiveKeys {
    private static final Duration POLL = Duration.ofMillis(200);

    private LiveKeys() {}

    /** Live keys (wrapped, for equality) to their partition. */
    public static Map<ByteBuffer, Integer> of(String bootstrapServers, String clientId, String topic, Duration timeout) {
        Map<ByteBuffer, Integer> live = new HashMap<>();
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
                if (System.nanoTime() > deadline) throw new IllegalStateException("could not read " + topic + " to its end within " + timeout);
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    if (record.key() == null) continue;
                    ByteBuffer key = ByteBuffer.wrap(record.key());
                    if (record.value() == null) live.remove(key);
                    else live.put(key, record.partition());
                }
            }
        }
        return live;
    }

    /** Whether {@code key} holds any of {@code needles} (UTF-8) as a run of bytes. */
    public static boolean containsAny(byte[] key, Set<byte[]> needles) {
        for (byte[] needle : needles) {
            outer:
            for (int i = 0; i + needle.length <= key.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (key[i + j] != needle[j]) continue outer;
                }
                return true;
            }
        }
        return false;
    }

    private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> ends, Duration timeout) {
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (consumer.position(end.getKey(), timeout) < end.getValue()) return false;
        }
        return true;
    }
}

package io.learnstream.schemas.topic;

import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Sends typed records to typed topics through one shared byte-level producer, so one idempotent producer
 * (one connection set, one sequence space) serves every topic ingest writes to.
 */
public final class TopicPublisher implements AutoCloseable {
    private final Producer<byte[], byte[]> producer;

    public TopicPublisher(Producer<byte[], byte[]> producer) {
        this.producer = producer;
    }

    /** Completes when Kafka acknowledged the record (with the producer's acks setting), or fails with its error. */
    public <K, V> CompletableFuture<RecordMetadata> send(Topic<K, V> topic, K key, V value, long timestampMillis) {
        CompletableFuture<RecordMetadata> acked = new CompletableFuture<>();
        try {
            // inside the try: a serializer failure (e.g. the registry unreachable) fails this record's future
            byte[] keyBytes = topic.keySerde().serializer().serialize(topic.name(), key);
            byte[] valueBytes = topic.valueSerde().serializer().serialize(topic.name(), value);
            producer.send(new ProducerRecord<>(topic.name(), null, timestampMillis, keyBytes, valueBytes), (metadata, error) -> {
                if (error != null) acked.completeExceptionally(error);
                else acked.complete(metadata);
            });
        } catch (RuntimeException e) {
            acked.completeExceptionally(e);
        }
        return acked;
    }

    @Override
    public void close() {
        producer.close();
    }
}

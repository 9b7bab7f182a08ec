package io.learnstream.sinks.kafka;

import io.learnstream.schemas.avro.DeadLetter;
import io.learnstream.schemas.topic.Topic;
import io.learnstream.sinks.spi.ColumnStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies one topic into one ClickHouse table: poll a batch, insert it in one statement, then commit the
 * offsets. At-least-once: a crash between insert and commit writes the batch again, which the tables absorb
 * (ReplacingMergeTree keyed on the record's identity, versioned by offset). A record that cannot be read goes
 * to the dead-letter topic with the reason, and the sink goes on.
 */
public final class TopicSink<K, V> implements Runnable, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TopicSink.class);

    private final Topic<K, V> topic;
    private final KafkaConsumer<K, V> consumer;
    private final ColumnStore store;
    private final RowMapper<K, V> rows;
    private final Consumer<DeadLetter> deadLetters;
    private final Duration pollTimeout;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicLong lag = new AtomicLong(-1);
    private final AtomicLong lagMeasuredAtNanos = new AtomicLong(Long.MIN_VALUE);
    private final Counter rowsWritten;
    private final Counter deadLettered;
    private final Timer insertLatency;

    public TopicSink(Topic<K, V> topic, KafkaConsumer<K, V> consumer, ColumnStore store, RowMapper<K, V> rows,
            Consumer<DeadLetter> deadLetters, Duration pollTimeout, MeterRegistry meters) {
        this.topic = topic;
        this.consumer = consumer;
        this.store = store;
        this.rows = rows;
        this.deadLetters = deadLetters;
        this.pollTimeout = pollTimeout;
        this.rowsWritten = Counter.builder("learnstream.sink.rows").tag("table", rows.table()).register(meters);
        this.deadLettered = Counter.builder("learnstream.sink.dead_lettered").tag("table", rows.table()).register(meters);
        this.insertLatency = Timer.builder("learnstream.sink.insert.latency").tag("table", rows.table()).register(meters);
    }

    /** Standard settings of a sink's consumer: read only committed records, commit by hand after the insert. */
    public static Map<String, Object> consumerSettings(String bootstrapServers, String groupId) {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", bootstrapServers);
        config.put("group.id", groupId);
        config.put("isolation.level", "read_committed");
        config.put("enable.auto.commit", false);
        config.put("auto.offset.reset", "earliest");
        config.put("max.poll.records", 5_000);
        return config;
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(topic.name()));
            while (running.get()) {
                ConsumerRecords<K, V> batch;
                try {
                    batch = consumer.poll(pollTimeout);
                } catch (RecordDeserializationException e) {
                    skipUnreadable(e);
                    continue;
                }
                if (!batch.isEmpty()) write(batch);
                updateLag();
            }
        } catch (WakeupException e) {
            if (running.get()) throw e;
        } catch (RuntimeException e) {
            log.error("sink {} -> {} stopped on an error; it resumes from the last committed offset on restart",
                    topic.name(), rows.table(), e);
            throw e;
        } finally {
            consumer.close(Duration.ofSeconds(5));
            stopped.countDown();
        }
    }

    private void write(ConsumerRecords<K, V> batch) {
        List<List<?>> table = new ArrayList<>(batch.count());
        for (ConsumerRecord<K, V> record : batch) {
            if (record.value() != null) table.add(rows.row(record.key(), record.value(), record.offset()));
        }
        if (!table.isEmpty()) {
            long started = System.nanoTime();
            store.insert(rows.table(), rows.columns(), table);
            insertLatency.record(Duration.ofNanos(System.nanoTime() - started));
            rowsWritten.increment(table.size());
        }
        consumer.commitSync();
    }

    private void skipUnreadable(RecordDeserializationException e) {
        TopicPartition partition = e.topicPartition();
        byte[] payload = e.valueBuffer() == null ? new byte[0] : bytes(e.valueBuffer());
        deadLetters.accept(DeadLetter.newBuilder()
                .setSource("sink." + rows.table())
                .setReason(partition + "@" + e.offset() + " could not be read: " + e.getMessage()
                        + (e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")"))
                .setPayload("base64:" + Base64.getEncoder().encodeToString(payload))
                .setReceivedTime(Instant.now())
                .build());
        deadLettered.increment();
        log.warn("sink {}: record {}@{} unreadable, sent to the dead-letter topic", rows.table(), partition, e.offset());
        consumer.seek(partition, e.offset() + 1);
        // commit past it: nothing else may come to move the committed offset (and the archive's watermark) on
        consumer.commitSync(java.util.Map.of(partition, new org.apache.kafka.clients.consumer.OffsetAndMetadata(e.offset() + 1)));
    }

    private static byte[] bytes(java.nio.ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
    }

    private void updateLag() {
        long total = 0;
        for (TopicPartition partition : consumer.assignment()) {
            var partitionLag = consumer.currentLag(partition);
            if (partitionLag.isEmpty()) {
                lag.set(-1);
                lagMeasuredAtNanos.set(System.nanoTime());
                return;
            }
            total += partitionLag.getAsLong();
        }
        lag.set(consumer.assignment().isEmpty() ? -1 : total);
        lagMeasuredAtNanos.set(System.nanoTime());
    }

    /**
     * Committed records on the topic not yet written to ClickHouse (up to the last stable offset, as of the
     * sink's last fetch), or -1 while unknown (no assignment yet).
     */
    public long lag() {
        return lag.get();
    }

    /** When {@link #lag()} was last measured, on the {@link System#nanoTime()} scale. */
    public long lagMeasuredAtNanos() {
        return lagMeasuredAtNanos.get();
    }

    public long rowsWritten() {
        return (long) rowsWritten.count();
    }

    @Override
    public void close() {
        running.set(false);
        consumer.wakeup();
        try {
            stopped.await(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

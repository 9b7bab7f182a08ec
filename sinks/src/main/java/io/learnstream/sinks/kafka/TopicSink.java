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
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import io.learnstream.sinks.spi.ColumnStoreException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.Consumer;
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
    static final long INITIAL_BACKOFF_MS = 500;
    static final long MAX_BACKOFF_MS = 30_000;
    /** Dead letters must fit a Kafka message: larger unreadable payloads are cut (the record itself stays on its topic). */
    static final int MAX_DEAD_LETTER_PAYLOAD_BYTES = 256 * 1024;

    private final Topic<K, V> topic;
    private final Consumer<K, V> consumer;
    private final ColumnStore store;
    private final RowMapper<K, V> rows;
    private final Function<DeadLetter, CompletableFuture<?>> deadLetters;
    private final Duration pollTimeout;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final CountDownLatch stopped = new CountDownLatch(1);
    /** Per partition, the position this sink last committed (only its own thread touches it). */
    private final Map<TopicPartition, Long> committedPositions = new HashMap<>();
    private final Counter rowsWritten;
    private final Counter deadLettered;
    private final Counter insertFailures;
    private final Timer insertLatency;

    public TopicSink(Topic<K, V> topic, Consumer<K, V> consumer, ColumnStore store, RowMapper<K, V> rows,
            Function<DeadLetter, CompletableFuture<?>> deadLetters, Duration pollTimeout, MeterRegistry meters) {
        this.topic = topic;
        this.consumer = consumer;
        this.store = store;
        this.rows = rows;
        this.deadLetters = deadLetters;
        this.pollTimeout = pollTimeout;
        this.rowsWritten = Counter.builder("learnstream.sink.rows").tag("table", rows.table()).register(meters);
        this.deadLettered = Counter.builder("learnstream.sink.dead_lettered").tag("table", rows.table()).register(meters);
        this.insertFailures = Counter.builder("learnstream.sink.insert.failures").tag("table", rows.table()).register(meters);
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
            consumer.subscribe(List.of(topic.name()), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    partitions.forEach(committedPositions::remove);
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    // a partition may come back at a lower committed offset than this sink last committed for it
                    partitions.forEach(committedPositions::remove);
                }
            });
            while (running.get()) {
                ConsumerRecords<K, V> batch;
                try {
                    batch = consumer.poll(pollTimeout);
                } catch (RecordDeserializationException e) {
                    skipUnreadable(e);
                    continue;
                }
                if (!batch.isEmpty()) writeUntilDone(batch);
                else commitMovedPositions();
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

    /**
     * Writes the batch, retrying with backoff while ClickHouse refuses it (down, restarting, too many parts), so a
     * passing outage pauses the sink instead of ending it; then commits. A commit lost to a rebalance is harmless:
     * whoever gets the partitions writes the batch again, which the tables absorb.
     */
    private void writeUntilDone(ConsumerRecords<K, V> batch) {
        List<List<?>> table = new ArrayList<>(batch.count());
        for (ConsumerRecord<K, V> record : batch) {
            if (record.value() != null) table.add(rows.row(record.key(), record.value(), record.offset()));
        }
        long backoff = INITIAL_BACKOFF_MS;
        while (!table.isEmpty()) {
            try {
                long started = System.nanoTime();
                store.insert(rows.table(), rows.columns(), table);
                insertLatency.record(Duration.ofNanos(System.nanoTime() - started));
                rowsWritten.increment(table.size());
                break;
            } catch (ColumnStoreException e) {
                if (!running.get()) throw e;
                insertFailures.increment();
                log.warn("sink {} -> {}: insert of {} rows failed, retrying in {} ms: {}", topic.name(), rows.table(), table.size(),
                        backoff, e.getMessage());
                pause(backoff);
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
            }
        }
        commit(knownPositions(), "the new owner of the partitions writes the batch again");
    }

    /**
     * After a poll that returned nothing: a {@code read_committed} consumer moves past a transaction's commit marker
     * without returning a record, so on a topic written by exactly-once Streams the committed offset would stay one
     * short of the partition's end for ever, and no one could tell the sink has written everything. Commits such moves.
     */
    private void commitMovedPositions() {
        Map<TopicPartition, OffsetAndMetadata> moved = new HashMap<>();
        knownPositions().forEach((partition, position) -> {
            Long committed = committedPositions.get(partition);
            if (committed == null || position.offset() > committed) moved.put(partition, position);
        });
        if (!moved.isEmpty()) commit(moved, "it only moved past transaction markers, harmless");
    }

    /** Commits {@code positions} and remembers them; a commit lost to a rebalance is logged with {@code whyHarmless}. */
    private void commit(Map<TopicPartition, OffsetAndMetadata> positions, String whyHarmless) {
        try {
            consumer.commitSync(positions);
            positions.forEach((partition, offset) -> committedPositions.put(partition, offset.offset()));
        } catch (CommitFailedException | RebalanceInProgressException e) {
            log.info("sink {}: commit lost to a rebalance; {}", rows.table(), whyHarmless);
        }
    }

    /** The consumer's position on each assigned partition that has one (one just assigned may not yet). */
    private Map<TopicPartition, OffsetAndMetadata> knownPositions() {
        Map<TopicPartition, OffsetAndMetadata> positions = new HashMap<>();
        for (TopicPartition partition : consumer.assignment()) {
            try {
                positions.put(partition, new OffsetAndMetadata(consumer.position(partition, Duration.ofMillis(100))));
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                // not known yet: the next commit takes it
            }
        }
        return positions;
    }

    private void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WakeupException();
        }
    }

    /**
     * Sends an unreadable record to the dead-letter topic and, once that write is acknowledged, moves and commits
     * past it. If the dead letter cannot be written the sink stops rather than lose the record.
     */
    private void skipUnreadable(RecordDeserializationException e) {
        TopicPartition partition = e.topicPartition();
        byte[] payload = e.valueBuffer() == null ? new byte[0] : bytes(e.valueBuffer());
        boolean cut = payload.length > MAX_DEAD_LETTER_PAYLOAD_BYTES;
        String encoded = Base64.getEncoder().encodeToString(cut ? java.util.Arrays.copyOf(payload, MAX_DEAD_LETTER_PAYLOAD_BYTES) : payload);
        DeadLetter letter = DeadLetter.newBuilder()
                .setSource("sink." + rows.table())
                .setReason(partition + "@" + e.offset() + " could not be read: " + e.getMessage()
                        + (e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")")
                        + (cut ? "; payload cut to its first " + MAX_DEAD_LETTER_PAYLOAD_BYTES + " of " + payload.length
                                + " bytes (the record stays on " + partition + "@" + e.offset() + ")" : ""))
                .setPayload("base64:" + encoded)
                .setReceivedTime(Instant.now())
                .build();
        try {
            deadLetters.apply(letter).get(30, TimeUnit.SECONDS);
        } catch (Exception failed) {
            throw new IllegalStateException("sink " + rows.table() + ": could not dead-letter unreadable record " + partition + "@"
                    + e.offset() + "; stopping instead of skipping it", failed);
        }
        deadLettered.increment();
        log.warn("sink {}: record {}@{} unreadable, sent to the dead-letter topic", rows.table(), partition, e.offset());
        consumer.seek(partition, e.offset() + 1);
        // commit past it: nothing else may come to move the committed offset (and the archive's watermark) on
        consumer.commitSync(Map.of(partition, new OffsetAndMetadata(e.offset() + 1)));
    }

    private static byte[] bytes(java.nio.ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
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

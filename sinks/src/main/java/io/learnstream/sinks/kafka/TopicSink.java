package io.learnstream.sinks.kafka;

import io.learnstream.schemas.avro.DeadLetter;
import io.learnstream.schemas.topic.Topic;
import io.learnstream.sinks.spi.ColumnStore;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import io.micrometer.core.instrument.MeterRegistry;
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
 * (ReplacingMergeTree keyed on the record's identity, versioned by offset). While the store is down the sink backs
 * off and retries the same batch (Failsafe, 0.5 s doubling to 30 s), committing nothing. A record that cannot be
 * read, that the mapper rejects or whose row the table refuses goes to the dead-letter topic with the reason, and
 * the sink goes on. Meters: {@link SinkMetrics}.
 */
public final class TopicSink<K, V> implements Runnable, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TopicSink.class);
    static final Duration INITIAL_BACKOFF = Duration.ofMillis(500);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
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
    private final SinkMetrics metrics;
    private final InsertFailures failures;
    private final RetryPolicy<Object> whileStoreUnavailable;
    /** The thread running the sink, interrupted by {@link #close()} while it backs off. */
    private volatile Thread runner;
    private volatile boolean retrying;

    public TopicSink(Topic<K, V> topic, Consumer<K, V> consumer, ColumnStore store, RowMapper<K, V> rows,
            Function<DeadLetter, CompletableFuture<?>> deadLetters, Duration pollTimeout, MeterRegistry meters) {
        this.topic = topic;
        this.consumer = consumer;
        this.store = store;
        this.rows = rows;
        this.deadLetters = deadLetters;
        this.pollTimeout = pollTimeout;
        this.metrics = new SinkMetrics(meters, rows.table());
        this.failures = new InsertFailures(store);
        this.whileStoreUnavailable = retryWhileStoreUnavailable();
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
        runner = Thread.currentThread();
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
                else {
                    commitMovedPositions();
                    updateLag();
                }
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
     * Writes the batch and then commits it. A record the mapper rejects, or a row the table refuses, goes to the
     * dead-letter topic with the reason (and is committed past, as written). While ClickHouse refuses the batch for
     * a reason that passes (down, restarting, too many parts) the sink backs off and retries the same rows, so a
     * passing outage pauses the sink instead of ending it; nothing is committed until the store took the rows. A
     * commit lost to a rebalance is harmless: whoever gets the partitions writes the batch again, which the tables
     * absorb.
     */
    private void writeUntilDone(ConsumerRecords<K, V> batch) {
        long started = System.nanoTime();
        List<Row<K, V>> table = new ArrayList<>(batch.count());
        for (ConsumerRecord<K, V> record : batch) {
            try {
                if (record.value() == null) {
                    rows.tombstone(record.key(), record.offset()).ifPresent(row -> table.add(new Row<>(record, row)));
                } else {
                    table.add(new Row<>(record, rows.row(record.key(), record.value(), record.offset())));
                }
            } catch (RuntimeException rejected) {
                deadLetter(record, "the row mapper rejected it: " + describe(rejected));
            }
        }
        if (!table.isEmpty()) {
            retrying = true;
            try {
                Failsafe.with(whileStoreUnavailable).run(() -> insertOrSplit(table));
            } catch (FailsafeException e) {
                throw new WakeupException(); // interrupted while backing off: the sink is closing
            } finally {
                retrying = false;
                Thread.interrupted(); // an interrupt meant for the backoff must not reach the consumer
            }
        }
        commit(knownPositions(), "the new owner of the partitions writes the batch again");
        metrics.batchLatency.record(Duration.ofNanos(System.nanoTime() - started));
        updateLag();
    }

    /**
     * Inserts {@code table}; when ClickHouse refuses it for the rows' sake, halves it until the rows it refuses are
     * alone and dead-letters them with ClickHouse's reason. Halves written before the store went away are written
     * again on the retry: the same rows, harmless.
     */
    private void insertOrSplit(List<Row<K, V>> table) {
        try {
            long started = System.nanoTime();
            store.insert(rows.table(), rows.columns(), table.stream().map(Row::values).toList());
            metrics.insertLatency.record(Duration.ofNanos(System.nanoTime() - started));
            metrics.rowsWritten.increment(table.size());
        } catch (ColumnStoreException e) {
            metrics.insertFailures.increment();
            if (!failures.rowsAtFault(e)) throw e;
            if (table.size() == 1) {
                deadLetter(table.getFirst().record(), "table " + rows.table() + " refused the row: " + e.clickHouseMessage());
                return;
            }
            int half = table.size() / 2;
            insertOrSplit(table.subList(0, half));
            insertOrSplit(table.subList(half, table.size()));
        }
    }

    private RetryPolicy<Object> retryWhileStoreUnavailable() {
        return RetryPolicy.builder()
                .handle(ColumnStoreException.class)
                .withBackoff(INITIAL_BACKOFF, MAX_BACKOFF)
                .withMaxRetries(-1)
                .abortIf((result, failure) -> !running.get())
                .onRetryScheduled(event -> log.warn("sink {} -> {}: insert failed, retrying in {} ms: {}", topic.name(), rows.table(),
                        event.getDelay().toMillis(), event.getLastException() == null ? "" : event.getLastException().getMessage()))
                .build();
    }

    /** The records on the sink's partitions it has not read yet, as the consumer last heard of the partitions' ends. */
    private void updateLag() {
        long lag = 0;
        for (TopicPartition partition : consumer.assignment()) {
            lag += consumer.currentLag(partition).orElse(0);
        }
        metrics.lag(lag);
    }

    /** A record and the row it became. */
    private record Row<K, V>(ConsumerRecord<K, V> record, List<Object> values) {}

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

    /**
     * Sends an unreadable record to the dead-letter topic and, once that write is acknowledged, moves and commits
     * past it. If the dead letter cannot be written the sink stops rather than lose the record.
     */
    private void skipUnreadable(RecordDeserializationException e) {
        TopicPartition partition = e.topicPartition();
        byte[] payload = e.valueBuffer() == null ? new byte[0] : bytes(e.valueBuffer());
        boolean cut = payload.length > MAX_DEAD_LETTER_PAYLOAD_BYTES;
        String encoded = Base64.getEncoder().encodeToString(cut ? java.util.Arrays.copyOf(payload, MAX_DEAD_LETTER_PAYLOAD_BYTES) : payload);
        send(partition + "@" + e.offset(), partition + "@" + e.offset() + " could not be read: " + e.getMessage()
                + (e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")")
                + (cut ? "; payload cut to its first " + MAX_DEAD_LETTER_PAYLOAD_BYTES + " of " + payload.length
                        + " bytes (the record stays on " + partition + "@" + e.offset() + ")" : ""), "base64:" + encoded);
        consumer.seek(partition, e.offset() + 1);
        // commit past it: nothing else may come to move the committed offset (and the archive's watermark) on
        consumer.commitSync(Map.of(partition, new OffsetAndMetadata(e.offset() + 1)));
    }

    /**
     * Sends a record that was read but can never be written to the dead-letter topic: the reason, and the record as
     * text (an Avro record as JSON), cut to fit a Kafka message. Stops the sink rather than lose it.
     */
    private void deadLetter(ConsumerRecord<K, V> record, String reason) {
        String at = record.topic() + "-" + record.partition() + "@" + record.offset();
        String payload = String.valueOf(record.value());
        boolean cut = payload.length() > MAX_DEAD_LETTER_PAYLOAD_BYTES / 4;
        send(at, at + " (key " + record.key() + "): " + reason
                        + (cut ? "; payload cut to its first " + MAX_DEAD_LETTER_PAYLOAD_BYTES / 4 + " characters (the record stays on " + at + ")" : ""),
                cut ? payload.substring(0, MAX_DEAD_LETTER_PAYLOAD_BYTES / 4) : payload);
    }

    private void send(String at, String reason, String payload) {
        DeadLetter letter = DeadLetter.newBuilder()
                .setSource("sink." + rows.table())
                .setReason(reason)
                .setPayload(payload)
                .setReceivedTime(Instant.now())
                .build();
        try {
            deadLetters.apply(letter).get(30, TimeUnit.SECONDS);
        } catch (Exception failed) {
            throw new IllegalStateException("sink " + rows.table() + ": could not dead-letter record " + at
                    + "; stopping instead of skipping it", failed);
        }
        metrics.deadLettered.increment();
        log.warn("sink {}: record {} sent to the dead-letter topic: {}", rows.table(), at, reason);
    }

    private static String describe(RuntimeException e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private static byte[] bytes(java.nio.ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
    }

    public long rowsWritten() {
        return (long) metrics.rowsWritten.count();
    }

    @Override
    public void close() {
        running.set(false);
        consumer.wakeup();
        Thread backingOff = runner;
        if (retrying && backingOff != null) backingOff.interrupt();
        try {
            stopped.await(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

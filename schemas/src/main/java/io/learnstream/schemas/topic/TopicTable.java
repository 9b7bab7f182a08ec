package io.learnstream.schemas.topic;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A compacted topic as an in-memory map: the latest value of every key, kept current by a reader thread that follows
 * the topic, with writes that return only once this view has read them back (read-your-writes). The pattern of
 * Kafka Connect's {@code KafkaBasedLog} and Confluent's schema registry store, on the plain Kafka clients.
 *
 * <p>{@link #open} creates the topic compacted when it is missing (and refuses one whose cleanup policy would
 * let retention delete entries), reads every partition from the beginning to the end offsets it finds at the start,
 * bounded by {@link TopicTableConfig#startTimeout()}, and only then returns. From then on the reader thread applies
 * what any writer produces: a value replaces the key's entry, a tombstone (null value) removes it.
 *
 * <p>{@link #put} and {@link #delete} produce with {@code acks=all} (idempotent producer) and wait until the reader
 * thread has passed the written offset, so a {@link #get} right after them sees the write, or a later one. Several
 * views (in this or other processes) may write the same topic; the last write of a key in the topic wins, as
 * compaction keeps it.
 *
 * <p>Keys are compared by {@code equals}/{@code hashCode} of the deserialized keys. The partitions are those the
 * topic has when the view opens; a view does not notice partitions added later. A record the view cannot deserialize
 * makes {@link #open} fail; once open, such a record is logged, counted ({@link #skippedRecords()}) and skipped.
 * Reads never block; they see the state as of the reader thread's last poll.
 */
public final class TopicTable<K, V> implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TopicTable.class);
    private static final Duration POLL_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration LOAD_POLL_TIMEOUT = Duration.ofMillis(200);
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final Topic<K, V> topic;
    private final TopicTableConfig config;
    private final String clientId;
    private final int partitions;
    private final Serializer<K> keySerializer;
    private final Serializer<V> valueSerializer;
    private final Deserializer<K> keyDeserializer;
    private final Deserializer<V> valueDeserializer;
    private final Map<K, V> entries = new ConcurrentHashMap<>();
    private final List<TopicTableListener<K, V>> listeners = new CopyOnWriteArrayList<>();
    private final KafkaProducer<byte[], byte[]> producer;
    private final CompletableFuture<Void> loaded = new CompletableFuture<>();
    private final AtomicLong skippedRecords = new AtomicLong();
    private final Thread reader;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private volatile boolean stopping;

    /** Guards {@link #positions}, {@link #failure} and {@link #closed}; notified whenever one changes. */
    private final Object progress = new Object();
    /** Per partition, the next offset the reader thread will read: every record below it has been applied. */
    private long[] positions;
    private Throwable failure;
    private boolean closed;

    private TopicTable(Topic<K, V> topic, TopicTableConfig config, int partitions, long startDeadlineNanos) {
        this.topic = topic;
        this.config = config;
        int instance = INSTANCES.incrementAndGet();
        this.clientId = config.clientId() + "-" + topic.name() + "-" + instance;
        this.partitions = partitions;
        this.positions = new long[partitions];
        this.keySerializer = topic.keySerde().serializer();
        this.valueSerializer = topic.valueSerde().serializer();
        this.keyDeserializer = topic.keySerde().deserializer();
        this.valueDeserializer = topic.valueSerde().deserializer();
        this.producer = new KafkaProducer<>(producerProperties());
        this.reader = Thread.ofPlatform().daemon().name("topic-table-" + topic.name() + "-" + instance)
                .unstarted(() -> read(startDeadlineNanos));
    }

    /**
     * Opens a view of {@code topic}: prepares the topic, reads it to its current end and starts following it.
     *
     * @throws TopicTableException when the brokers cannot be reached, the topic is not compacted, a record cannot be
     *     deserialized, or reading to the end takes longer than {@link TopicTableConfig#startTimeout()}
     */
    public static <K, V> TopicTable<K, V> open(Topic<K, V> topic, TopicTableConfig config) {
        return open(topic, config, null);
    }

    /**
     * Like {@link #open(Topic, TopicTableConfig)}, with {@code listener} told of every entry from the first record on,
     * those read while opening included: what a view that keeps an index of its own over the entries needs, since a
     * listener added after opening would miss the entries already read.
     */
    public static <K, V> TopicTable<K, V> open(Topic<K, V> topic, TopicTableConfig config, TopicTableListener<K, V> listener) {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(config, "config");
        long deadline = System.nanoTime() + config.startTimeout().toNanos();
        int partitions = TopicTableAdmin.ensureCompactedTopic(topic.name(), config, deadline);
        TopicTable<K, V> table = new TopicTable<>(topic, config, partitions, deadline);
        if (listener != null) table.addListener(listener);
        try {
            table.reader.start();
            table.awaitLoaded(deadline);
            return table;
        } catch (RuntimeException e) {
            table.close();
            throw e;
        }
    }

    /** The latest value of {@code key} this view has read, empty when the key is absent or deleted. */
    public Optional<V> get(K key) {
        return Optional.ofNullable(entries.get(Objects.requireNonNull(key, "key")));
    }

    /** The latest values, in no particular order. */
    public List<V> values() {
        return List.copyOf(entries.values());
    }

    /** A copy of the whole map as this view holds it now. */
    public Map<K, V> snapshot() {
        return Map.copyOf(entries);
    }

    public int size() {
        return entries.size();
    }

    /**
     * Writes {@code value} for {@code key} and returns once all in-sync replicas acknowledged it and this view has
     * read it back.
     *
     * @throws TopicTableException when the write fails or is not acknowledged and read back within
     *     {@link TopicTableConfig#writeTimeout()}, or the view is closed or has stopped following the topic
     */
    public void put(K key, V value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value (use delete(key) to remove an entry)");
        write(key, value);
    }

    /** Writes a tombstone for {@code key}; returns like {@link #put} once this view no longer holds the key. */
    public void delete(K key) {
        write(Objects.requireNonNull(key, "key"), null);
    }

    /** Tells {@code listener} about every change applied from now on. */
    public void addListener(TopicTableListener<K, V> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(TopicTableListener<K, V> listener) {
        listeners.remove(listener);
    }

    /** Why the reader thread stopped following the topic, if it did; the map then stays as it was. */
    public Optional<Throwable> failure() {
        synchronized (progress) {
            return Optional.ofNullable(failure);
        }
    }

    /** Records read after the view opened that could not be deserialized and so were left out of the map. */
    public long skippedRecords() {
        return skippedRecords.get();
    }

    public Topic<K, V> topic() {
        return topic;
    }

    /** Stops following the topic and closes the clients; writes still waiting fail. Calling it again does nothing. */
    @Override
    public void close() {
        synchronized (progress) {
            if (closed) return;
            closed = true;
            progress.notifyAll();
        }
        stopping = true;
        KafkaConsumer<byte[], byte[]> current = consumer;
        if (current != null) current.wakeup();
        try {
            if (reader.isAlive() && !reader.join(config.writeTimeout())) {
                log.warn("the reader thread of the table on topic '{}' did not stop within {}", topic.name(), config.writeTimeout());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            producer.close(config.writeTimeout());
        }
    }

    @Override
    public String toString() {
        return "TopicTable[" + topic.name() + ", " + entries.size() + " entries]";
    }

    private void write(K key, V valueOrNull) {
        String what = (valueOrNull == null ? "delete of key '" : "put of key '") + key + "' on topic '" + topic.name() + "'";
        ensureOpen(what);
        long deadline = System.nanoTime() + config.writeTimeout().toNanos();
        byte[] keyBytes = keySerializer.serialize(topic.name(), key);
        byte[] valueBytes = valueOrNull == null ? null : valueSerializer.serialize(topic.name(), valueOrNull);
        RecordMetadata written;
        try {
            written = producer.send(new ProducerRecord<>(topic.name(), keyBytes, valueBytes))
                    .get(TopicTableAdmin.remainingMillis(deadline), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new TopicTableException(what + " failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new TopicTableException(what + " was not acknowledged within " + config.writeTimeout(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TopicTableException(what + " was interrupted", e);
        } catch (KafkaException e) {
            throw new TopicTableException(what + " failed: " + e.getMessage(), e);
        }
        awaitRead(what, written.partition(), written.offset(), deadline);
    }

    /** Waits until the reader thread has applied {@code offset} of {@code partition}. */
    private void awaitRead(String what, int partition, long offset, long deadlineNanos) {
        if (partition >= partitions) {
            throw new TopicTableException(what + " went to partition " + partition + ", which the topic did not have when this view"
                    + " opened (" + partitions + " partitions); reopen the view to follow the new partitions");
        }
        synchronized (progress) {
            while (positions[partition] <= offset) {
                ensureOpen(what);
                long remainingNanos = deadlineNanos - System.nanoTime();
                if (remainingNanos <= 0) {
                    throw new TopicTableException(what + " was acknowledged at offset " + offset + " of partition " + partition
                            + " but this view had read only up to offset " + positions[partition] + " within " + config.writeTimeout());
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(progress, remainingNanos);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new TopicTableException(what + " was interrupted while waiting to read it back", e);
                }
            }
        }
    }

    private void ensureOpen(String what) {
        synchronized (progress) {
            if (closed) throw new TopicTableException(what + " refused: the table is closed");
            if (failure != null) {
                throw new TopicTableException(what + " refused: the table stopped following its topic: " + failure.getMessage(), failure);
            }
        }
    }

    private void awaitLoaded(long deadlineNanos) {
        // the reader bounds each step by the same deadline; the grace covers its last step ending just after it
        long waitMillis = TimeUnit.NANOSECONDS.toMillis(Math.max(0, deadlineNanos - System.nanoTime())) + 5_000;
        try {
            loaded.get(waitMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicTableException tableError) throw tableError;
            throw new TopicTableException("reading topic '" + topic.name() + "' failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new TopicTableException("reading topic '" + topic.name() + "' from " + config.bootstrapServers()
                    + " to its end did not finish within " + config.startTimeout(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TopicTableException("interrupted while reading topic '" + topic.name() + "'", e);
        }
    }

    /** The reader thread: loads the topic to its end offsets, then follows it until closed. */
    private void read(long startDeadlineNanos) {
        try (KafkaConsumer<byte[], byte[]> kafka = new KafkaConsumer<>(consumerProperties())) {
            consumer = kafka;
            if (stopping) return;
            List<TopicPartition> assigned = new ArrayList<>(partitions);
            for (int p = 0; p < partitions; p++) assigned.add(new TopicPartition(topic.name(), p));
            kafka.assign(assigned);
            kafka.seekToBeginning(assigned);
            load(kafka, assigned, startDeadlineNanos);
            loaded.complete(null);
            while (!stopping) {
                for (ConsumerRecord<byte[], byte[]> record : kafka.poll(POLL_TIMEOUT)) apply(record);
                publishPositions(kafka, assigned, POLL_TIMEOUT);
            }
        } catch (WakeupException e) {
            if (!stopping) stopFollowing(new TopicTableException("the reader of topic '" + topic.name() + "' was woken up unexpectedly", e));
        } catch (TopicTableException e) {
            stopFollowing(e);
        } catch (RuntimeException e) {
            stopFollowing(new TopicTableException("the reader of topic '" + topic.name() + "' stopped: " + e.getMessage(), e));
        } finally {
            consumer = null;
            if (!loaded.isDone()) loaded.completeExceptionally(new TopicTableException("the table on topic '" + topic.name() + "' was closed while opening"));
        }
    }

    private void load(KafkaConsumer<byte[], byte[]> kafka, List<TopicPartition> assigned, long deadlineNanos) {
        long started = System.nanoTime();
        Map<TopicPartition, Long> end;
        try {
            end = kafka.endOffsets(assigned, remaining(deadlineNanos));
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            throw new TopicTableException("could not find the end offsets of topic '" + topic.name() + "' on " + config.bootstrapServers()
                    + " within " + config.startTimeout(), e);
        }
        while (true) {
            publishPositions(kafka, assigned, remaining(deadlineNanos));
            if (reached(end)) break;
            if (System.nanoTime() - deadlineNanos > 0) {
                throw new TopicTableException("reading topic '" + topic.name() + "' to its end offsets " + byPartition(end)
                        + " took longer than " + config.startTimeout() + "; reached " + Arrays.toString(currentPositions()));
            }
            for (ConsumerRecord<byte[], byte[]> record : kafka.poll(min(LOAD_POLL_TIMEOUT, remaining(deadlineNanos)))) apply(record);
        }
        log.info("table on topic '{}' read {} entries up to offsets {} in {} ms", topic.name(), entries.size(), byPartition(end),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    private boolean reached(Map<TopicPartition, Long> end) {
        long[] now = currentPositions();
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (now[e.getKey().partition()] < e.getValue()) return false;
        }
        return true;
    }

    private void publishPositions(KafkaConsumer<byte[], byte[]> kafka, List<TopicPartition> assigned, Duration bound) {
        long[] now = new long[partitions];
        try {
            for (TopicPartition tp : assigned) now[tp.partition()] = kafka.position(tp, bound);
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            // a position is being looked up again (after an offset reset); the next round publishes it
            if (!loaded.isDone()) {
                throw new TopicTableException("could not find the read positions on topic '" + topic.name() + "' within "
                        + config.startTimeout(), e);
            }
            return;
        }
        synchronized (progress) {
            positions = now;
            progress.notifyAll();
        }
    }

    private long[] currentPositions() {
        synchronized (progress) {
            return positions.clone();
        }
    }

    private void apply(ConsumerRecord<byte[], byte[]> record) {
        K key;
        V value;
        try {
            key = keyDeserializer.deserialize(record.topic(), record.headers(), record.key());
            value = record.value() == null ? null : valueDeserializer.deserialize(record.topic(), record.headers(), record.value());
            if (key == null) throw new IllegalArgumentException("the record has no key");
        } catch (RuntimeException e) {
            String where = "the record at offset " + record.offset() + " of partition " + record.partition() + " of topic '" + topic.name() + "'";
            if (!loaded.isDone()) {
                throw new TopicTableException(where + " cannot be read (" + e.getMessage() + "); refusing to open a table that would"
                        + " silently miss entries", e);
            }
            skippedRecords.incrementAndGet();
            log.error("skipping {}: it cannot be read ({}); the table keeps the key's previous value", where, e.getMessage());
            return;
        }
        V previous = value == null ? entries.remove(key) : entries.put(key, value);
        if (previous == null && value == null) return;
        for (TopicTableListener<K, V> listener : listeners) {
            try {
                listener.changed(key, previous, value);
            } catch (RuntimeException e) {
                log.error("a listener of the table on topic '{}' failed on key '{}'", topic.name(), key, e);
            }
        }
    }

    private void stopFollowing(TopicTableException error) {
        if (!loaded.isDone()) {
            loaded.completeExceptionally(error);
        } else {
            log.error("the table on topic '{}' stopped following it; it keeps serving the entries read so far", topic.name(), error);
        }
        synchronized (progress) {
            failure = error;
            progress.notifyAll();
        }
    }

    private static String byPartition(Map<TopicPartition, Long> offsets) {
        StringBuilder text = new StringBuilder("{");
        offsets.entrySet().stream().sorted(Map.Entry.comparingByKey((a, b) -> Integer.compare(a.partition(), b.partition())))
                .forEach(e -> text.append(text.length() > 1 ? ", " : "").append(e.getKey().partition()).append('=').append(e.getValue()));
        return text.append('}').toString();
    }

    private static Duration remaining(long deadlineNanos) {
        return Duration.ofNanos(Math.max(1_000_000L, deadlineNanos - System.nanoTime()));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private Properties producerProperties() {
        int timeoutMs = (int) config.writeTimeout().toMillis();
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId + "-writer");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMs);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return props;
    }

    private Properties consumerProperties() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId + "-reader");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) config.startTimeout().toMillis());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return props;
    }
}

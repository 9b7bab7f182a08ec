package io.learnstream.registry.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's records in a compacted, single-partition Kafka topic, as Confluent keeps them: the topic is created
 * (cleanup.policy=compact) when missing, read to its end at start, and each write is acknowledged by all in-sync
 * replicas before it counts.
 */
public final class KafkaSchemaStore implements SchemaStore {
    private static final Logger log = LoggerFactory.getLogger(KafkaSchemaStore.class);

    private final KafkaStoreConfig config;
    private final TopicPartition partition;
    private final StoreRecordCodec codec = new StoreRecordCodec();
    private final KafkaProducer<byte[], byte[]> producer;

    private KafkaSchemaStore(KafkaStoreConfig config) {
        this.config = config;
        this.partition = new TopicPartition(config.topic(), 0);
        this.producer = new KafkaProducer<>(producerProperties(config));
    }

    /**
     * Makes sure the topic exists and is fit to keep the registry (one partition, compacted), then opens a producer.
     *
     * @throws StoreException when the brokers cannot be reached in time or the topic is not fit
     */
    public static KafkaSchemaStore open(KafkaStoreConfig config) {
        Objects.requireNonNull(config, "config");
        ensureTopic(config);
        return new KafkaSchemaStore(config);
    }

    @Override
    public List<StoreRecord> readAll() {
        long deadline = System.nanoTime() + config.initTimeout().toNanos();
        List<StoreRecord> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProperties(config))) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition), config.initTimeout()).get(partition);
            while (consumer.position(partition, remaining(deadline)) < end) {
                if (System.nanoTime() > deadline) {
                    throw new StoreException("reading store topic '" + config.topic() + "' to its end offset " + end
                            + " took longer than " + config.initTimeout() + "; reached " + consumer.position(partition), null, true);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    decode(record).ifPresent(records::add);
                }
            }
            log.info("read {} registry records from topic '{}' up to offset {}", records.size(), config.topic(), end);
            return records;
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            throw new StoreException("reading store topic '" + config.topic() + "' from " + config.bootstrapServers()
                    + " timed out after " + config.initTimeout() + ": " + e.getMessage(), e, true);
        } catch (org.apache.kafka.common.KafkaException e) {
            throw new StoreException("reading store topic '" + config.topic() + "' failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void write(StoreRecord record) {
        ProducerRecord<byte[], byte[]> out = new ProducerRecord<>(config.topic(), 0, codec.key(record.key()), codec.value(record.value()));
        try {
            producer.send(out).get(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new StoreException("write of " + record.key() + " to topic '" + config.topic() + "' was not acknowledged within "
                    + config.timeout(), e, true);
        } catch (ExecutionException e) {
            boolean timedOut = e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException;
            throw new StoreException("write of " + record.key() + " to topic '" + config.topic() + "' failed: " + e.getCause().getMessage(),
                    e.getCause(), timedOut);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("write of " + record.key() + " to topic '" + config.topic() + "' was interrupted", e);
        } catch (org.apache.kafka.common.KafkaException e) {
            throw new StoreException("write of " + record.key() + " to topic '" + config.topic() + "' failed: " + e.getMessage(), e,
                    e instanceof org.apache.kafka.common.errors.TimeoutException);
        }
    }

    @Override
    public String describe() {
        return "Kafka topic '" + config.topic() + "' on " + config.bootstrapServers();
    }

    @Override
    public void close() {
        producer.close(config.timeout());
    }

    private Optional<StoreRecord> decode(ConsumerRecord<byte[], byte[]> record) {
        try {
            Optional<StoreRecord> decoded = codec.decode(record.key(), record.value());
            if (decoded.isEmpty()) log.debug("skipping record at offset {} of '{}': key type not kept by this registry", record.offset(), config.topic());
            return decoded;
        } catch (IllegalArgumentException e) {
            throw new StoreException("record at offset " + record.offset() + " of store topic '" + config.topic()
                    + "' is not a registry record (" + e.getMessage() + "); refusing to start on a store it cannot read", e);
        }
    }

    private static void ensureTopic(KafkaStoreConfig config) {
        long timeoutMs = config.initTimeout().toMillis();
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) Math.min(Integer.MAX_VALUE, timeoutMs),
                AdminClientConfig.CLIENT_ID_CONFIG, "learnstream-registry-admin"))) {
            TopicDescription description = describe(admin, config.topic(), timeoutMs);
            if (description == null) {
                NewTopic topic = new NewTopic(config.topic(), 1, config.replicationFactor())
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
                try {
                    admin.createTopics(List.of(topic)).all().get(timeoutMs, TimeUnit.MILLISECONDS);
                    log.info("created store topic '{}' (1 partition, replication {}, compacted)", config.topic(), config.replicationFactor());
                    return; // made as needed; its metadata may take a moment to reach every broker, which clients wait for
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) throw e;
                }
                description = describe(admin, config.topic(), timeoutMs);
                if (description == null) {
                    throw new StoreException("store topic '" + config.topic() + "' was reported as existing but cannot be described", null);
                }
            }
            if (description.partitions().size() != 1) {
                throw new StoreException("store topic '" + config.topic() + "' has " + description.partitions().size()
                        + " partitions; the registry needs exactly 1 to keep its records in order", null);
            }
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, config.topic());
            Config topicConfig = admin.describeConfigs(List.of(resource)).all().get(timeoutMs, TimeUnit.MILLISECONDS).get(resource);
            String policy = topicConfig.get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
            if (!TopicConfig.CLEANUP_POLICY_COMPACT.equals(policy)) {
                throw new StoreException("store topic '" + config.topic() + "' has cleanup.policy=" + policy
                        + "; the registry needs 'compact', or old schemas would be deleted by retention", null);
            }
        } catch (ExecutionException e) {
            throw new StoreException("preparing store topic '" + config.topic() + "' on " + config.bootstrapServers()
                    + " failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new StoreException("preparing store topic '" + config.topic() + "' on " + config.bootstrapServers()
                    + " took longer than " + config.initTimeout(), e, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("preparing store topic '" + config.topic() + "' was interrupted", e);
        }
    }

    private static TopicDescription describe(Admin admin, String topic, long timeoutMs)
            throws InterruptedException, ExecutionException, TimeoutException {
        try {
            return admin.describeTopics(List.of(topic)).allTopicNames().get(timeoutMs, TimeUnit.MILLISECONDS).get(topic);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) return null;
            throw e;
        }
    }

    private static Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(1_000_000L, deadline - System.nanoTime()));
    }

    private static Properties producerProperties(KafkaStoreConfig config) {
        int timeoutMs = (int) Math.min(Integer.MAX_VALUE, config.timeout().toMillis());
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "learnstream-registry-store");
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

    private static Properties consumerProperties(KafkaStoreConfig config) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "learnstream-registry-reader");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) Math.min(Integer.MAX_VALUE, config.initTimeout().toMillis()));
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return props;
    }
}

package io.learnstream.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path tmp;

    @Test
    void producesAndConsumes() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(tmp.resolve("kafka"))) {
            assertThat(kafka.bootstrapServers()).startsWith("127.0.0.1:");
            createTopic(kafka, "statements", 3);

            try (KafkaProducer<String, String> producer = producer(kafka, Map.of())) {
                for (int i = 0; i < 10; i++) {
                    producer.send(new ProducerRecord<>("statements", "learner-" + i, "event-" + i)).get();
                }
            }
            List<ConsumerRecord<String, String>> records = consumeAll(kafka, "statements", 10, IsolationLevel.READ_UNCOMMITTED);
            assertThat(records).extracting(ConsumerRecord::value)
                    .containsExactlyInAnyOrder("event-0", "event-1", "event-2", "event-3", "event-4",
                            "event-5", "event-6", "event-7", "event-8", "event-9");
        }
    }

    @Test
    void topicsWithoutPartitionCountGetTheConfiguredDefaultAndAreNotAutoCreated() throws Exception {
        int port = FreePort.onLoopback();
        try (EmbeddedKafka kafka = EmbeddedKafka.start(new EmbeddedKafkaConfig(tmp.resolve("kafka"), port, 4));
             Admin admin = admin(kafka)) {
            assertThat(kafka.bootstrapServers()).isEqualTo("127.0.0.1:" + port);
            admin.createTopics(List.of(new NewTopic("defaults", Optional.empty(), Optional.empty()))).all().get();
            TopicDescription description = admin.describeTopics(List.of("defaults")).allTopicNames().get().get("defaults");
            assertThat(description.partitions()).hasSize(4);

            try (KafkaProducer<String, String> producer = producer(kafka, Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, 2_000))) {
                assertThatThrownBy(() -> producer.send(new ProducerRecord<>("never-created", "k", "v")).get())
                        .hasMessageContaining("never-created");
            }
            assertThat(admin.listTopics().names().get()).doesNotContain("never-created");
        }
    }

    @Test
    void idempotentAndTransactionalProducersWork() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(tmp.resolve("kafka"))) {
            createTopic(kafka, "tx", 2);
            try (KafkaProducer<String, String> producer = producer(kafka, Map.of(
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    ProducerConfig.TRANSACTIONAL_ID_CONFIG, "embedded-kafka-it"))) {
                producer.initTransactions();

                producer.beginTransaction();
                producer.send(new ProducerRecord<>("tx", "a", "aborted-1"));
                producer.send(new ProducerRecord<>("tx", "b", "aborted-2"));
                producer.abortTransaction();

                producer.beginTransaction();
                producer.send(new ProducerRecord<>("tx", "a", "committed-1"));
                producer.send(new ProducerRecord<>("tx", "b", "committed-2"));
                producer.commitTransaction();
            }
            List<ConsumerRecord<String, String>> committed = consumeAll(kafka, "tx", 2, IsolationLevel.READ_COMMITTED);
            assertThat(committed).extracting(ConsumerRecord::value)
                    .containsExactlyInAnyOrder("committed-1", "committed-2");

            try (KafkaProducer<String, String> idempotent = producer(kafka, Map.of(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true))) {
                idempotent.send(new ProducerRecord<>("tx", "c", "idempotent")).get();
            }
            assertThat(consumeAll(kafka, "tx", 3, IsolationLevel.READ_COMMITTED)).extracting(ConsumerRecord::value)
                    .containsExactlyInAnyOrder("committed-1", "committed-2", "idempotent");
        }
    }

    @Test
    void restartOnTheSameDirectoryKeepsClusterTopicsAndRecords() throws Exception {
        Path dataDir = tmp.resolve("kafka");
        String clusterId;
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir)) {
            clusterId = kafka.clusterId();
            createTopic(kafka, "durable", 2);
            try (KafkaProducer<String, String> producer = producer(kafka, Map.of())) {
                producer.send(new ProducerRecord<>("durable", "k1", "before-restart-1")).get();
                producer.send(new ProducerRecord<>("durable", "k2", "before-restart-2")).get();
            }
        }
        assertThat(Files.exists(BrokerSettings.logDir(dataDir).resolve("meta.properties"))).isTrue();

        try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir); Admin admin = admin(kafka)) {
            assertThat(kafka.clusterId()).isEqualTo(clusterId);
            assertThat(admin.describeCluster().clusterId().get()).isEqualTo(clusterId);
            assertThat(admin.listTopics().names().get()).contains("durable");
            try (KafkaProducer<String, String> producer = producer(kafka, Map.of())) {
                producer.send(new ProducerRecord<>("durable", "k3", "after-restart")).get();
            }
            assertThat(consumeAll(kafka, "durable", 3, IsolationLevel.READ_UNCOMMITTED)).extracting(ConsumerRecord::value)
                    .containsExactlyInAnyOrder("before-restart-1", "before-restart-2", "after-restart");
        }
    }

    @Test
    void twoBrokersOnTwoDirectoriesRunAtOnce() throws Exception {
        try (EmbeddedKafka first = EmbeddedKafka.start(tmp.resolve("first"));
             EmbeddedKafka second = EmbeddedKafka.start(tmp.resolve("second"))) {
            assertThat(first.bootstrapServers()).isNotEqualTo(second.bootstrapServers());
            assertThat(first.clusterId()).isNotEqualTo(second.clusterId());

            createTopic(first, "only-first", 1);
            createTopic(second, "only-second", 1);
            try (Admin firstAdmin = admin(first); Admin secondAdmin = admin(second)) {
                assertThat(firstAdmin.listTopics().names().get()).contains("only-first").doesNotContain("only-second");
                assertThat(secondAdmin.listTopics().names().get()).contains("only-second").doesNotContain("only-first");
            }
            try (KafkaProducer<String, String> producer = producer(second, Map.of())) {
                producer.send(new ProducerRecord<>("only-second", "k", "v")).get();
            }
            assertThat(consumeAll(second, "only-second", 1, IsolationLevel.READ_UNCOMMITTED))
                    .extracting(ConsumerRecord::value).containsExactly("v");
        }
    }

    @Test
    void aDirectoryInUseByARunningBrokerIsRefusedWithoutHarmingIt() throws Exception {
        Path dataDir = tmp.resolve("kafka");
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir)) {
            assertThatThrownBy(() -> EmbeddedKafka.start(dataDir))
                    .isInstanceOf(EmbeddedKafkaException.class)
                    .hasMessageContaining(dataDir.toAbsolutePath().toString())
                    .hasMessageContaining("already used by another running broker");

            createTopic(kafka, "still-serving", 1);
            try (KafkaProducer<String, String> producer = producer(kafka, Map.of())) {
                producer.send(new ProducerRecord<>("still-serving", "k", "v")).get();
            }
            assertThat(consumeAll(kafka, "still-serving", 1, IsolationLevel.READ_UNCOMMITTED))
                    .extracting(ConsumerRecord::value).containsExactly("v");
        }
        try (EmbeddedKafka again = EmbeddedKafka.start(dataDir); Admin admin = admin(again)) {
            assertThat(admin.listTopics().names().get()).contains("still-serving");
        }
    }

    @Test
    void configIsValidatedAtTheEntryPoint() {
        assertThatThrownBy(() -> new EmbeddedKafkaConfig(tmp, 70_000, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port").hasMessageContaining("70000");
        assertThatThrownBy(() -> new EmbeddedKafkaConfig(tmp, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("defaultPartitions");
        assertThatThrownBy(() -> new EmbeddedKafkaConfig(null, 0, 1))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("dataDir");
    }

    private static void createTopic(EmbeddedKafka kafka, String topic, int partitions) throws Exception {
        try (Admin admin = admin(kafka)) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        }
    }

    private static Admin admin(EmbeddedKafka kafka) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }

    private static KafkaProducer<String, String> producer(EmbeddedKafka kafka, Map<String, Object> extra) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.putAll(extra);
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    /** Reads the topic from the beginning with a consumer group until {@code expected} records arrived. */
    private static List<ConsumerRecord<String, String>> consumeAll(
            EmbeddedKafka kafka, String topic, int expected, IsolationLevel isolation) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + topic + "-" + System.nanoTime());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation.toString());
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(Set.of(topic));
            await().atMost(WAIT).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= expected;
            });
            // nothing beyond the expected records (e.g. aborted ones) shows up
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        return records;
    }
}

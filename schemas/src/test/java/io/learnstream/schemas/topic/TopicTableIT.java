package io.learnstream.schemas.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.learnstream.embedded.EmbeddedKafka;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A compacted topic as a map, on the real broker. */
class TopicTableIT {
    private static final Duration BOUND = Duration.ofSeconds(30);
    private static final AtomicInteger TOPICS = new AtomicInteger();

    @TempDir
    static Path kafkaData;
    private static EmbeddedKafka kafka;
    private static Admin admin;
    private static KafkaProducer<String, byte[]> rawProducer;

    @BeforeAll
    static void startKafka() {
        kafka = EmbeddedKafka.start(kafkaData);
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
        rawProducer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void stopKafka() {
        if (rawProducer != null) rawProducer.close();
        if (admin != null) admin.close();
        if (kafka != null) kafka.close();
    }

    @Test
    void opensWithTheLatestValueOfEachKeyInTheTopicAndWithoutDeletedKeys() throws Exception {
        Topic<String, String> topic = stringTopic();
        createCompacted(topic.name(), 1);
        writeRaw(topic, "a", "1");
        writeRaw(topic, "b", "2");
        writeRaw(topic, "a", "3");
        writeRaw(topic, "c", "4");
        writeRaw(topic, "c", null);

        try (TopicTable<String, String> table = TopicTable.open(topic, config())) {
            assertThat(table.snapshot()).isEqualTo(Map.of("a", "3", "b", "2"));
            assertThat(table.get("c")).isEmpty();
            assertThat(table.values()).containsExactlyInAnyOrder("3", "2");
            assertThat(table.size()).isEqualTo(2);
        }
    }

    @Test
    void opensOnAnEmptyTopic() {
        try (TopicTable<String, String> table = TopicTable.open(stringTopic(), config())) {
            assertThat(table.snapshot()).isEmpty();
        }
    }

    @Test
    void seesItsOwnPutAsSoonAsPutReturns() {
        try (TopicTable<String, String> table = TopicTable.open(stringTopic(), config())) {
            for (int i = 0; i < 20; i++) {
                table.put("key", "value-" + i);
                assertThat(table.get("key")).contains("value-" + i);
            }
        }
    }

    @Test
    void noLongerHoldsAKeyOnceItsDeleteReturns() {
        try (TopicTable<String, String> table = TopicTable.open(stringTopic(), config())) {
            table.put("key", "value");
            table.delete("key");
            assertThat(table.get("key")).isEmpty();
            table.delete("never-written");
            assertThat(table.snapshot()).isEmpty();
        }
    }

    @Test
    void twoViewsOnOneTopicSeeEachOthersWrites() {
        Topic<String, String> topic = stringTopic();
        try (TopicTable<String, String> first = TopicTable.open(topic, config());
                TopicTable<String, String> second = TopicTable.open(topic, config())) {
            first.put("written-by-first", "1");
            await().atMost(BOUND).untilAsserted(() -> assertThat(second.get("written-by-first")).contains("1"));

            second.put("written-by-second", "2");
            second.delete("written-by-first");
            await().atMost(BOUND).untilAsserted(() -> assertThat(first.snapshot()).isEqualTo(Map.of("written-by-second", "2")));
        }
    }

    @Test
    void aNewViewOfTheTopicRebuildsTheMapWrittenBeforeIt() {
        Topic<String, String> topic = stringTopic();
        Map<String, String> before;
        try (TopicTable<String, String> table = TopicTable.open(topic, config())) {
            table.put("kept", "1");
            table.put("changed", "old");
            table.put("changed", "new");
            table.put("removed", "x");
            table.delete("removed");
            before = table.snapshot();
        }
        try (TopicTable<String, String> reopened = TopicTable.open(topic, config())) {
            assertThat(reopened.snapshot()).isEqualTo(before).isEqualTo(Map.of("kept", "1", "changed", "new"));
        }
    }

    @Test
    void keepsEveryKeyOfATopicWithSeveralPartitions() throws Exception {
        Topic<String, String> topic = stringTopic();
        createCompacted(topic.name(), 3);
        Map<String, String> written = new HashMap<>();
        try (TopicTable<String, String> table = TopicTable.open(topic, config())) {
            for (int i = 0; i < 30; i++) {
                table.put("key-" + i, "value-" + i);
                written.put("key-" + i, "value-" + i);
                assertThat(table.get("key-" + i)).contains("value-" + i);
            }
        }
        try (TopicTable<String, String> reopened = TopicTable.open(topic, config())) {
            assertThat(reopened.snapshot()).isEqualTo(written);
        }
    }

    @Test
    void tellsListenersAboutEveryChangeFromAnyWriter() {
        Topic<String, String> topic = stringTopic();
        List<String> changes = new CopyOnWriteArrayList<>();
        try (TopicTable<String, String> watched = TopicTable.open(topic, config());
                TopicTable<String, String> other = TopicTable.open(topic, config())) {
            watched.addListener((key, previous, current) -> changes.add(key + ":" + previous + "->" + current));
            other.put("k", "1");
            other.put("k", "2");
            watched.delete("k");
            await().atMost(BOUND).untilAsserted(() -> assertThat(changes).containsExactly("k:null->1", "k:1->2", "k:2->null"));
        }
    }

    @Test
    void createsAMissingTopicAsACompactedTopic() throws Exception {
        Topic<String, String> topic = stringTopic();
        try (TopicTable<String, String> table = TopicTable.open(topic, config().withPartitionsWhenCreated(2))) {
            table.put("k", "v");
        }
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic.name());
        assertThat(admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource)
                .get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
        assertThat(admin.describeTopics(List.of(topic.name())).allTopicNames().get(30, TimeUnit.SECONDS).get(topic.name())
                .partitions()).hasSize(2);
    }

    @Test
    void refusesATopicWhoseRetentionWouldDeleteEntries() throws Exception {
        Topic<String, String> topic = stringTopic();
        admin.createTopics(List.of(new NewTopic(topic.name(), 1, (short) 1))).all().get(30, TimeUnit.SECONDS);

        assertThatThrownBy(() -> TopicTable.open(topic, config()))
                .isInstanceOf(TopicTableException.class)
                .hasMessageContaining("'" + topic.name() + "'")
                .hasMessageContaining("cleanup.policy=delete")
                .hasMessageContaining("compact");
    }

    @Test
    void refusesToOpenOnARecordItCannotDeserialize() throws Exception {
        Topic<String, Integer> topic = new Topic<>("table-" + TOPICS.incrementAndGet(), Serdes.String(), Serdes.Integer());
        createCompacted(topic.name(), 1);
        rawProducer.send(new ProducerRecord<>(topic.name(), "k", new byte[] {1, 2, 3})).get(30, TimeUnit.SECONDS);

        assertThatThrownBy(() -> TopicTable.open(topic, config()))
                .isInstanceOf(TopicTableException.class)
                .hasMessageContaining("offset 0 of partition 0 of topic '" + topic.name() + "'")
                .hasMessageContaining("cannot be read");
    }

    @Test
    void skipsAndCountsAnUnreadableRecordArrivingOnceOpenAndKeepsFollowing() throws Exception {
        Topic<String, Integer> topic = new Topic<>("table-" + TOPICS.incrementAndGet(), Serdes.String(), Serdes.Integer());
        try (TopicTable<String, Integer> table = TopicTable.open(topic, config())) {
            table.put("k", 1);
            rawProducer.send(new ProducerRecord<>(topic.name(), "k", new byte[] {1, 2, 3})).get(30, TimeUnit.SECONDS);
            table.put("after", 2); // one partition: read back only after the unreadable record

            assertThat(table.skippedRecords()).isEqualTo(1);
            assertThat(table.snapshot()).isEqualTo(Map.of("k", 1, "after", 2));
            assertThat(table.failure()).isEmpty();
        }
    }

    @Test
    void failsToOpenWithinItsStartTimeoutWhenNoBrokerAnswers() throws IOException {
        String nowhere = "127.0.0.1:" + unusedPort();
        TopicTableConfig config = TopicTableConfig.of(nowhere).withStartTimeout(Duration.ofSeconds(2));
        long started = System.nanoTime();

        assertThatThrownBy(() -> TopicTable.open(stringTopic(), config))
                .isInstanceOf(TopicTableException.class)
                .hasMessageContaining(nowhere)
                .hasMessageContaining("PT2S");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void refusesWritesOnceClosed() {
        TopicTable<String, String> table = TopicTable.open(stringTopic(), config());
        table.put("k", "v");
        table.close();
        table.close();

        assertThatThrownBy(() -> table.put("k", "w")).isInstanceOf(TopicTableException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> table.delete("k")).isInstanceOf(TopicTableException.class).hasMessageContaining("closed");
        assertThat(table.get("k")).contains("v");
    }

    @Test
    void refusesANullValueAndPointsToDelete() {
        try (TopicTable<String, String> table = TopicTable.open(stringTopic(), config())) {
            assertThatThrownBy(() -> table.put("k", null)).isInstanceOf(NullPointerException.class).hasMessageContaining("delete");
        }
    }

    private static TopicTableConfig config() {
        return TopicTableConfig.of(kafka.bootstrapServers());
    }

    private static Topic<String, String> stringTopic() {
        return new Topic<>("table-" + TOPICS.incrementAndGet(), Serdes.String(), Serdes.String());
    }

    private static void createCompacted(String topic, int partitions) throws Exception {
        admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)))).all().get(30, TimeUnit.SECONDS);
    }

    private static void writeRaw(Topic<String, String> topic, String key, String value) throws Exception {
        byte[] bytes = value == null ? null : value.getBytes(StandardCharsets.UTF_8);
        rawProducer.send(new ProducerRecord<>(topic.name(), key, bytes)).get(30, TimeUnit.SECONDS);
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

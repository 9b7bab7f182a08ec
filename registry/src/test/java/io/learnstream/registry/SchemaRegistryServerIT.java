package io.learnstream.registry;

import static io.learnstream.registry.RegistryHttp.schemaBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.learnstream.embedded.EmbeddedKafka;
import io.learnstream.registry.store.KafkaStoreConfig;
import io.learnstream.registry.store.StoreException;
import io.learnstream.schemas.avro.LearningEvent;
import io.learnstream.schemas.registry.RestSchemaRegistryClient;
import io.learnstream.schemas.registry.SchemaRegistryClientConfig;
import io.learnstream.schemas.serde.AvroSerdes;
import io.learnstream.schemas.serde.SampleRecords;
import io.learnstream.schemas.topic.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry on its Kafka store, against a real broker. */
class SchemaRegistryServerIT {
    private static final Duration BOUND = Duration.ofSeconds(60);

    @TempDir
    static Path kafkaData;
    private static EmbeddedKafka kafka;
    private static Admin admin;

    @BeforeAll
    static void startKafka() {
        kafka = EmbeddedKafka.start(kafkaData);
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }

    @AfterAll
    static void stopKafka() {
        if (admin != null) admin.close();
        if (kafka != null) kafka.close();
    }

    @Test
    void shouldKeepSubjectsIdsDeletesAndLevelsAcrossARestartOnTheSameTopic() {
        RegistryConfig config = onTopic("_schemas_restart");
        int personId;
        int nickId;
        try (SchemaRegistryServer first = SchemaRegistryServer.start(config, new SimpleMeterRegistry());
             RegistryHttp http = new RegistryHttp(first.url())) {
            personId = http.post("/subjects/people-value/versions", schemaBody(TestSchemas.PERSON)).json().get("id").asInt();
            nickId = http.post("/subjects/people-value/versions", schemaBody(TestSchemas.PERSON_WITH_OPTIONAL_NICK)).json().get("id").asInt();
            http.post("/subjects/archive-value/versions", schemaBody(TestSchemas.PERSON));
            http.post("/subjects/soft-value/versions", schemaBody(TestSchemas.PERSON_WITHOUT_NAME));
            http.delete("/subjects/soft-value");
            http.post("/subjects/gone-value/versions", schemaBody("\"string\""));
            http.delete("/subjects/gone-value");
            http.delete("/subjects/gone-value?permanent=true");
            http.put("/config/people-value", "{\"compatibility\": \"FULL\"}");
            http.put("/config", "{\"compatibility\": \"FORWARD\"}");
        }

        try (SchemaRegistryServer second = SchemaRegistryServer.start(config, new SimpleMeterRegistry());
             RegistryHttp http = new RegistryHttp(second.url())) {
            assertThat(http.get("/subjects").body()).isEqualTo("[\"archive-value\",\"people-value\"]");
            assertThat(http.get("/subjects?deleted=true").body()).isEqualTo("[\"archive-value\",\"people-value\",\"soft-value\"]");
            assertThat(http.get("/subjects/people-value/versions").body()).isEqualTo("[1,2]");
            assertThat(http.get("/subjects/people-value/versions/1").json().get("id").asInt()).isEqualTo(personId);
            assertThat(http.get("/subjects/people-value/versions/2").json().get("id").asInt()).isEqualTo(nickId);
            assertThat(http.get("/subjects/archive-value/versions/1").json().get("id").asInt()).isEqualTo(personId);
            assertThat(http.get("/schemas/ids/" + personId).status()).isEqualTo(200);
            assertThat(http.get("/config/people-value").body()).isEqualTo("{\"compatibilityLevel\":\"FULL\"}");
            assertThat(http.get("/config").body()).isEqualTo("{\"compatibilityLevel\":\"FORWARD\"}");
            int again = http.post("/subjects/people-value/versions", schemaBody(TestSchemas.PERSON_WITH_OPTIONAL_NICK)).json().get("id").asInt();
            assertThat(again).as("a known schema keeps its id after the restart").isEqualTo(nickId);
        }
    }

    @Test
    void shouldCreateItsStoreTopicCompactedWithOnePartition() throws Exception {
        SchemaRegistryServer server = SchemaRegistryServer.start(onTopic("_schemas_created"), new SimpleMeterRegistry());
        try {
            TopicDescription description = admin.describeTopics(List.of("_schemas_created")).allTopicNames().get().get("_schemas_created");
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, "_schemas_created");
            String policy = admin.describeConfigs(List.of(resource)).all().get().get(resource).get(TopicConfig.CLEANUP_POLICY_CONFIG).value();

            assertThat(description.partitions()).hasSize(1);
            assertThat(policy).isEqualTo("compact");
        } finally {
            server.close();
        }
    }

    @Test
    void shouldRefuseAStoreTopicThatIsNotCompacted() throws Exception {
        admin.createTopics(List.of(new NewTopic("_schemas_deleting", 1, (short) 1)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE)))).all().get();

        assertThatThrownBy(() -> SchemaRegistryServer.start(onTopic("_schemas_deleting"), new SimpleMeterRegistry()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("'_schemas_deleting' has cleanup.policy=delete");
    }

    @Test
    void shouldRefuseAStoreTopicWithSeveralPartitions() throws Exception {
        admin.createTopics(List.of(new NewTopic("_schemas_wide", 3, (short) 1)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)))).all().get();

        assertThatThrownBy(() -> SchemaRegistryServer.start(onTopic("_schemas_wide"), new SimpleMeterRegistry()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("'_schemas_wide' has 3 partitions");
    }

    @Test
    void shouldLetAConsumerDecodeSerdeRecordsFromKafkaWithTheSchemaFromTheRestApi() throws Exception {
        String topic = Topics.LEARNING_EVENTS + ".it";
        admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        try (SchemaRegistryServer registry = SchemaRegistryServer.start(onTopic("_schemas_e2e"), new SimpleMeterRegistry());
             RegistryHttp http = new RegistryHttp(registry.url());
             RestSchemaRegistryClient client = new RestSchemaRegistryClient(SchemaRegistryClientConfig.of(registry.url()));
             KafkaProducer<String, LearningEvent> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                     new StringSerializer(), AvroSerdes.create(client).value(LearningEvent.class).serializer());
             KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                     ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                     ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                     new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            LearningEvent event = SampleRecords.learningEvent("e-kafka");
            producer.send(new ProducerRecord<>(topic, "s-4f2a", event)).get();

            consumer.assign(List.of(new TopicPartition(topic, 0)));
            List<ConsumerRecord<byte[], byte[]>> received = new ArrayList<>();
            await().atMost(BOUND).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                return !received.isEmpty();
            });

            GenericRecord decoded = decode(received.getFirst().value(), http);
            assertThat(decoded.get("eventId")).hasToString("e-kafka");
            assertThat(decoded.get("studentKey")).hasToString(event.getStudentKey());
            assertThat(http.get("/subjects").body()).isEqualTo("[\"" + topic + "-value\"]");
        }
    }

    private static GenericRecord decode(byte[] bytes, RegistryHttp http) throws java.io.IOException {
        return WireFormatAgainstRestApiTest.ConfluentRecord.decode(bytes, http).record();
    }

    private static RegistryConfig onTopic(String topic) {
        return new RegistryConfig(RegistryConfig.DEFAULT_HOST, 0, io.learnstream.schemas.registry.CompatibilityLevel.BACKWARD,
                Optional.of(KafkaStoreConfig.local(kafka.bootstrapServers()).withTopic(topic)));
    }
}

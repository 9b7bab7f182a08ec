package io.learnstream.ingest.auth;

import io.learnstream.embedded.EmbeddedKafka;
import io.learnstream.schemas.avro.Credential;
import io.learnstream.schemas.avro.District;
import io.learnstream.schemas.registry.InMemorySchemaRegistryClient;
import io.learnstream.schemas.serde.AvroSerdes;
import io.learnstream.schemas.topic.Topic;
import io.learnstream.schemas.topic.TopicTable;
import io.learnstream.schemas.topic.TopicTableConfig;
import io.learnstream.schemas.topic.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.serialization.Serdes;

/** The real broker for the auth ITs, with a fresh pair of districts and credentials topics per test. */
final class AuthKafka implements AutoCloseable {
    record TopicPair(Topic<String, District> districts, Topic<String, Credential> credentials) {}

    private static final AtomicInteger PAIRS = new AtomicInteger();
    private final EmbeddedKafka kafka;
    private final AvroSerdes serdes = AvroSerdes.create(new InMemorySchemaRegistryClient());

    private AuthKafka(EmbeddedKafka kafka) {
        this.kafka = kafka;
    }

    static AuthKafka start(Path dataDir) {
        return new AuthKafka(EmbeddedKafka.start(dataDir));
    }

    TopicPair freshTopics() {
        int n = PAIRS.incrementAndGet();
        return new TopicPair(new Topic<>(Topics.DISTRICTS + "-" + n, Serdes.String(), serdes.value(District.class)),
                new Topic<>(Topics.CREDENTIALS + "-" + n, Serdes.String(), serdes.value(Credential.class)));
    }

    TenantDirectory open(TopicPair topics, MeterRegistry meters) {
        return TenantDirectory.open(config(), topics.districts(), topics.credentials(), meters);
    }

    <V> TopicTable<String, V> table(Topic<String, V> topic) {
        return TopicTable.open(topic, config());
    }

    TopicTableConfig config() {
        return TopicTableConfig.of(kafka.bootstrapServers());
    }

    @Override
    public void close() {
        kafka.close();
    }
}

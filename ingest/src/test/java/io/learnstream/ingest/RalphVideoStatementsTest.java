package io.learnstream.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.learnstream.ingest.xapi.XapiVersion;
import io.learnstream.schemas.registry.InMemorySchemaRegistryClient;
import io.learnstream.schemas.serde.AvroSerdes;
import io.learnstream.schemas.testing.SharedDatasets;
import io.learnstream.schemas.topic.TopicPublisher;
import io.learnstream.schemas.topic.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.util.zip.GZIPInputStream;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/** The real xAPI video statements of openfun/ralph (22,000 statements, 1,452 actors) through the LRS write side. */
class RalphVideoStatementsTest {
    @Test
    void shouldAcceptAndStoreEveryRalphVideoStatement() throws Exception {
        var producer = new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
        Topics topics = Topics.create(AvroSerdes.create(new InMemorySchemaRegistryClient()));
        StatementIntake intake = new StatementIntake(topics, new TopicPublisher(producer), KnownStatements.NONE,
                Clock.systemUTC(), new IngestMetrics(new SimpleMeterRegistry()), "http://127.0.0.1:8080/credentials");
        Submitter ralph = new Submitter("fun-mooc", "ralph", "ralph-key");
        ObjectMapper json = new ObjectMapper();

        int statements = 0;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                Files.newInputStream(SharedDatasets.path("xapi/ralph-video-statements.json.gz"))), StandardCharsets.UTF_8))) {
            ArrayNode batch = json.createArrayNode();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                batch.add(json.readTree(line));
                statements++;
                if (batch.size() == 100) {
                    intake.store(ralph, XapiVersion.V1_0_3, intake.prepare(batch, XapiVersion.V1_0_3)).join();
                    batch = json.createArrayNode();
                }
            }
            if (!batch.isEmpty()) intake.store(ralph, XapiVersion.V1_0_3, intake.prepare(batch, XapiVersion.V1_0_3)).join();
        }

        assertThat(statements).isEqualTo(22_000);
        assertThat(producer.history()).hasSize(22_000)
                .allSatisfy(record -> assertThat(record.topic()).isEqualTo(topics.xapiStatements().name()));
        var values = topics.xapiStatements().valueSerde().deserializer();
        assertThat(producer.history().stream().map(r -> values.deserialize(r.topic(), r.value()).getStatementId()).distinct().count())
                .as("one record per statement id").isEqualTo(22_000);
        // keyed by learner: each actor's statements share a key, so they share a partition and keep their order
        assertThat(producer.history().stream().map(r -> new String(r.key(), StandardCharsets.UTF_8)).distinct().count())
                .as("one key per actor").isEqualTo(1_452);
    }
}

package io.learnstream.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.learnstream.ingest.identity.PseudonymKey;
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

/** The real xAPI video statements of openfun/ralph (22,000 statements, 1,452 actors) through ingest. */
class RalphVideoStatementsTest {
    @Test
    void shouldAcceptEveryRalphVideoStatementAsALearningEvent() throws Exception {
        var producer = new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
        Topics topics = Topics.create(AvroSerdes.create(new InMemorySchemaRegistryClient()));
        PseudonymKey key = new PseudonymKey("ralph-test-secret-0123456789".getBytes(StandardCharsets.UTF_8));
        StatementIntake intake = new StatementIntake(topics, new TopicPublisher(producer), tenant -> key,
                Clock.systemUTC(), new IngestMetrics(new SimpleMeterRegistry()));
        ObjectMapper json = new ObjectMapper();

        int statements = 0;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                Files.newInputStream(SharedDatasets.path("xapi/ralph-video-statements.json.gz"))), StandardCharsets.UTF_8))) {
            ArrayNode batch = json.createArrayNode();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                batch.add(json.readTree(line));
                statements++;
                if (batch.size() == 100) {
                    intake.publish("fun-mooc", "ralph", intake.prepare(batch)).join();
                    batch = json.createArrayNode();
                }
            }
            if (!batch.isEmpty()) intake.publish("fun-mooc", "ralph", intake.prepare(batch)).join();
        }

        assertThat(statements).isEqualTo(22_000);
        assertThat(producer.history()).hasSize(22_000)
                .allSatisfy(record -> assertThat(record.topic()).isEqualTo(topics.learningEvents().name()));
        assertThat(producer.history().stream().map(r -> new String(r.key(), StandardCharsets.UTF_8)).distinct().count())
                .as("one student key per actor").isEqualTo(1_452);
    }
}

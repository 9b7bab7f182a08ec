package io.learnstream.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.learnstream.schemas.registry.InMemorySchemaRegistryClient;
import io.learnstream.schemas.serde.AvroSerdes;
import io.learnstream.schemas.topic.TopicPublisher;
import io.learnstream.schemas.topic.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

class CaliperSubmissionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldKeyAnEventTheSameHoweverItsIdIsCased() throws Exception {
        var producer = new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
        CaliperSubmissions submissions = new CaliperSubmissions(Topics.create(AvroSerdes.create(new InMemorySchemaRegistryClient())),
                new TopicPublisher(producer), Clock.systemUTC(), new IngestMetrics(new SimpleMeterRegistry()));
        Submitter canvas = new Submitter("riverside", "canvas", "ls_canvas");

        submissions.submit(canvas, JSON.readTree(envelope("urn:uuid:3F1C0A6E-7D2B-4C55-9A1E-2B8F5C1D9E77"))).join();
        submissions.submit(canvas, JSON.readTree(envelope("urn:uuid:3f1c0a6e-7d2b-4c55-9a1e-2b8f5c1d9e77"))).join();

        assertThat(producer.history()).extracting(r -> new String(r.key(), StandardCharsets.UTF_8))
                .containsOnly("riverside/urn:uuid:3f1c0a6e-7d2b-4c55-9a1e-2b8f5c1d9e77");
    }

    private static String envelope(String eventId) {
        return "{\"sensor\":\"https://example.edu/sensors/1\",\"sendTime\":\"2026-09-07T09:30:00.000Z\","
                + "\"dataVersion\":\"http://purl.imsglobal.org/ctx/caliper/v1p2\",\"data\":[{"
                + "\"@context\":\"http://purl.imsglobal.org/ctx/caliper/v1p2\",\"id\":\"" + eventId + "\","
                + "\"type\":\"ViewEvent\",\"actor\":{\"id\":\"https://example.edu/users/554433\",\"type\":\"Person\"},"
                + "\"action\":\"Viewed\",\"object\":{\"id\":\"https://example.edu/etexts/201\",\"type\":\"Document\"},"
                + "\"eventTime\":\"2026-09-07T09:15:00.000Z\"}]}";
    }
}

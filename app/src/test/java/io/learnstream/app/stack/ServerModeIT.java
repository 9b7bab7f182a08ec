package io.learnstream.app.stack;

import io.learnstream.app.simulate.Credentials;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.learnstream.app.pipeline.Pipeline;
import io.learnstream.app.pipeline.PipelineConfig;
import io.learnstream.ingest.IngestConfig;
import io.learnstream.registry.RegistryConfig;
import io.learnstream.registry.SchemaRegistryServer;
import io.learnstream.schemas.testing.RequiresDocker;
import io.learnstream.sinks.spi.ColumnStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.clickhouse.ClickHouseContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * Server mode: the same pipeline on an external Kafka broker and a ClickHouse server (containers), the sink
 * writing through clickhouse-jdbc with the same SQL as the embedded engine.
 */
@ExtendWith(RequiresDocker.class)
@Testcontainers(disabledWithoutDocker = true)
class ServerModeIT {
    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.0");

    @Container
    static final ClickHouseContainer CLICKHOUSE = new ClickHouseContainer("clickhouse/clickhouse-server:25.8");

    @TempDir
    Path dir;

    @Test
    void shouldWriteEngagementIntoAClickHouseServer() throws Exception {
        var meters = new SimpleMeterRegistry();
        try (SchemaRegistryServer registry = SchemaRegistryServer.start(RegistryConfig.onKafka(KAFKA.getBootstrapServers()), meters);
                ColumnStore store = ColumnStores.server(CLICKHOUSE.getJdbcUrl(), CLICKHOUSE.getUsername(), CLICKHOUSE.getPassword());
                Pipeline pipeline = Pipeline.start(new PipelineConfig(KAFKA.getBootstrapServers(), registry.url(), dir.resolve("streams"),
                        2, Duration.ofSeconds(1), IngestConfig.defaults().withPort(0), dir.resolve("secrets"),
                        java.util.EnumSet.allOf(io.learnstream.app.pipeline.Part.class)), store, meters)) {
            Credentials credential = DemoDistrict.ensure(pipeline.directory(), dir.resolve("secrets"));
            String statements = "[" + statement("ann", "09:00") + "," + statement("ann", "09:20") + "," + statement("bob", "09:05") + "]";
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(pipeline.ingestUrl() + "/xAPI/statements"))
                    .header("Content-Type", "application/json").header("X-Experience-API-Version", "1.0.3")
                    .header("Authorization", credential.authorizationHeader())
                    .POST(HttpRequest.BodyPublishers.ofString(statements)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);

            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(store.query(
                    "SELECT count() AS rows, sum(events) AS events, sum(active_minutes) AS minutes FROM engagement_daily").rows())
                    .containsExactly(List.of("2", "3", "20")));
        }
    }

    private static String statement(String student, String time) {
        return "{\"actor\":{\"mbox\":\"mailto:" + student + "@example.org\"},\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/experienced\"},"
                + "\"object\":{\"id\":\"https://lms.example.org/pages/7\"},\"timestamp\":\"2026-09-07T" + time + ":00Z\","
                + "\"context\":{\"contextActivities\":{\"grouping\":[{\"id\":\"https://sis.example.org/classes/algebra-1\"}]}}}";
    }
}

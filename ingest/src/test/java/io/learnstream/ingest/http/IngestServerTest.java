package io.learnstream.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.learnstream.ingest.IngestConfig;
import io.learnstream.ingest.xapi.XapiVersion;
import io.learnstream.schemas.avro.XapiStatementRecord;
import io.learnstream.schemas.topic.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IngestServerTest {
    private static final Instant NOW = FrontDoorFixture.NOW;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WRITER = FrontDoorFixture.WRITER;
    private static final String READER = FrontDoorFixture.READER;

    private final HttpClient http = HttpClient.newHttpClient();
    private Topics topics;
    private MockProducer<byte[], byte[]> producer;
    private IngestServer server;

    @BeforeEach
    void start() {
        startWith(new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer()));
    }

    private void startWith(MockProducer<byte[], byte[]> mock) {
        startWith(mock, null);
    }

    /** @param answers where the server writes answers that waited for Kafka, or {@code null} for its own threads */
    private void startWith(MockProducer<byte[], byte[]> mock, java.util.concurrent.Executor answers) {
        if (server != null) server.close();
        FrontDoorFixture frontDoor = new FrontDoorFixture(mock);
        producer = frontDoor.producer;
        topics = frontDoor.topics;
        IngestServer.Builder builder = frontDoor.server().authentication(FrontDoorFixture::authenticate)
                .caliper(new io.learnstream.ingest.CaliperSubmissions(frontDoor.topics, frontDoor.publisher, frontDoor.clock, frontDoor.metrics));
        if (answers != null) builder.afterAcknowledgement(answers);
        server = builder.build().start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void shouldAcceptOneStatementAndAnswerItsId() throws Exception {
        HttpResponse<String> response = post(statement("3f1c0a6e-7d2b-4c55-9a1e-2b8f5c1d9e77", "mailto:ann@example.org"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get(0).asText()).isEqualTo("3f1c0a6e-7d2b-4c55-9a1e-2b8f5c1d9e77");
        assertThat(response.headers().firstValue(XapiVersion.HEADER)).hasValue("1.0.3");
        assertThat(producer.history()).hasSize(1);
    }

    @Test
    void shouldStoreEachStatementOfAnArrayWithWhatTheLrsSets() throws Exception {
        String body = "[" + statement(null, "mailto:ann@example.org") + "," + statement(null, "mailto:bob@example.org") + "]";

        HttpResponse<String> response = post(body);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode ids = JSON.readTree(response.body());
        assertThat(ids).hasSize(2);
        List<XapiStatementRecord> records = producer.history().stream().map(this::stored).toList();
        assertThat(producer.history()).extracting(ProducerRecord::topic).containsOnly(topics.xapiStatements().name());
        // keyed by the district and a hash of the learner, so one learner's statements keep their order on one partition
        List<String> keys = producer.history().stream().map(r -> new String(r.key(), StandardCharsets.UTF_8)).toList();
        assertThat(keys).hasSize(2).doesNotHaveDuplicates().allSatisfy(key -> assertThat(key).startsWith("demo/actor-").doesNotContain("ann"));
        assertThat(records).extracting(XapiStatementRecord::getStatementId).containsExactly(ids.get(0).asText(), ids.get(1).asText());
        assertThat(records).extracting(XapiStatementRecord::getStored).containsOnly(NOW);
        JsonNode stored = JSON.readTree(records.get(0).getStatement());
        assertThat(stored.get("id").asText()).isEqualTo(ids.get(0).asText());
        assertThat(stored.get("stored").asText()).isEqualTo("2026-09-07T10:00:00Z");
        assertThat(stored.get("timestamp").asText()).isEqualTo("2026-09-07T10:30:00+02:00");
        assertThat(stored.get("version").asText()).isEqualTo("1.0.0");
        assertThat(stored.get("authority").get("account").get("homePage").asText()).isEqualTo("http://127.0.0.1:8080/credentials");
        assertThat(records.get(0).getContentHash()).hasSize(64).isNotEqualTo(records.get(1).getContentHash());
        assertThat(producer.history().get(0).timestamp()).isEqualTo(NOW.toEpochMilli());
    }

    @Test
    void shouldStoreASingleContextActivityAsAnArrayButHashTheStatementAsSent() throws Exception {
        String single = statement("0f4c0a6e-7d2b-4c55-9a1e-2b8f5c1d9e77", "mailto:ann@example.org")
                .replace("\"grouping\":[{\"id\":\"https://sis.example.org/classes/algebra-1\",", "\"grouping\":{\"id\":\"https://sis.example.org/classes/algebra-1\",")
                .replace("\"}}]}},", "\"}}}},");
        assertThat(JSON.readTree(single).at("/context/contextActivities/grouping").isObject()).as("the test sends one object").isTrue();

        assertThat(post(single).statusCode()).isEqualTo(200);
        assertThat(post(single).statusCode()).as("the same statement sent again").isEqualTo(200);

        assertThat(producer.history()).hasSize(1);
        JsonNode stored = JSON.readTree(stored(producer.history().getFirst()).getStatement());
        assertThat(stored.at("/context/contextActivities/grouping").isArray()).isTrue();
        assertThat(stored.at("/context/contextActivities/grouping/0/id").asText()).isEqualTo("https://sis.example.org/classes/algebra-1");
    }

    @Test
    void shouldAcceptTheSameStatementAgainWithoutStoringItTwice() throws Exception {
        String once = statement("3f1c0a6e-7d2b-4c55-9a1e-2b8f5c1d9e77", "mailto:ann@example.org");
        assertThat(post(once).statusCode()).isEqualTo(200);

        // the same statement, its timestamp written another way
        HttpResponse<String> again = post(once.replace("2026-09-07T10:30:00+02:00", "2026-09-07T08:30:00.000Z"));

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(again.body()).get(0).asText()).isEqualTo("3f1c0a6e-7d2b-4c55-9a1e-2b8f5c1d9e77");
        assertThat(producer.history()).hasSize(1);
    }

    @Test
    void shouldAnswer409ForAKnownIdWithOtherContent() throws Exception {
        String once = statement("3f1c0a6e-7d2b-4c55-9a1e-2b8f5c1d9e77", "mailto:ann@example.org");
        assertThat(post(once).statusCode()).isEqualTo(200);

        HttpResponse<String> conflict = post(once.replace("ann@", "bob@"));

        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(conflict.body()).get("message").asText()).contains("3f1c0a6e-7d2b-4c55-9a1e-2b8f5c1d9e77");
        assertThat(producer.history()).hasSize(1);
    }

    @Test
    void shouldRejectRequestWithoutVersionHeader() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(statementsUri())
                .header("Content-Type", "application/json").header("Authorization", WRITER)
                .POST(HttpRequest.BodyPublishers.ofString(statement(null, "mailto:ann@example.org"))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("message").asText()).contains("X-Experience-API-Version");
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void shouldRejectUnsupportedVersion() throws Exception {
        HttpResponse<String> response = post(statement(null, "mailto:ann@example.org"), "0.95");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("error").asText()).isEqualTo("unsupported_version");
    }

    @Test
    void shouldAnswerInTheVersionTheClientAskedFor() throws Exception {
        HttpResponse<String> response = post(statement(null, "mailto:ann@example.org"), "2.0.0");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue(XapiVersion.HEADER)).hasValue("2.0.0");
    }

    @Test
    void shouldRejectMalformedJsonSayingWhere() throws Exception {
        HttpResponse<String> response = post("[{\"actor\": ");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.get("error").asText()).isEqualTo("malformed_json");
        assertThat(error.get("message").asText()).contains("line 1");
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void shouldRejectWholeBatchNamingThePathOfTheInvalidStatement() throws Exception {
        String invalid = statement(null, "mailto:bob@example.org").replace("\"verb\"", "\"verbb\"");
        HttpResponse<String> response = post("[" + statement(null, "mailto:ann@example.org") + "," + invalid + "]");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.get("path").asText()).isEqualTo("statements[1].verb");
        assertThat(error.get("rule").asText()).isEqualTo("is required");
        assertThat(producer.history()).as("nothing of a rejected batch is kept").isEmpty();
    }

    @Test
    void shouldRejectWrongContentType() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(statementsUri())
                .header("Content-Type", "text/plain").header(XapiVersion.HEADER, "1.0.3").header("Authorization", WRITER)
                .POST(HttpRequest.BodyPublishers.ofString(statement(null, "mailto:ann@example.org"))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(JSON.readTree(response.body()).get("message").asText()).contains("application/json");
    }

    @Test
    void shouldKeepServingAfterBadInput() throws Exception {
        post("not json at all");
        post("{}");

        assertThat(post(statement(null, "mailto:ann@example.org")).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldAnswer503WithRetryAfterWhenKafkaDoesNotAcknowledge() throws Exception {
        HttpResponse<String> response = answerWhenKafkaFailsTheWrite(new TimeoutException("broker not reachable"));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue(PublishFailures.RETRY_AFTER_SECONDS);
        assertThat(JSON.readTree(response.body()).get("message").asText()).contains("broker not reachable");
    }

    @Test
    void shouldAnswer413WithoutRetryAfterWhenAStatementIsLargerThanKafkaTakes() throws Exception {
        HttpResponse<String> response = answerWhenKafkaFailsTheWrite(new RecordTooLargeException("The message is 1500000 bytes when serialized"));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Retry-After")).isEmpty();
        assertThat(JSON.readTree(response.body()).get("error").asText()).isEqualTo("statement_too_large");
        assertThat(JSON.readTree(response.body()).get("message").asText()).contains("1500000 bytes");
    }

    /** The answer to one statement whose write Kafka fails with {@code error} once the front door sent it. */
    private HttpResponse<String> answerWhenKafkaFailsTheWrite(RuntimeException error) throws Exception {
        startWith(new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer()));
        CompletableFuture<HttpResponse<String>> pending = http.sendAsync(request(statement(null, "mailto:ann@example.org"), "1.0.3"),
                HttpResponse.BodyHandlers.ofString());
        await().atMost(Duration.ofSeconds(10)).until(() -> producer.history().size() == 1);
        producer.errorNext(error);
        return pending.get();
    }

    @Test
    void shouldNotAnswer200ForADuplicateWhoseFirstWriteThenFails() throws Exception {
        startWith(new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer()));
        String once = statement("3f1c0a6e-7d2b-4c55-9a1e-2b8f5c1d9e77", "mailto:ann@example.org");

        // given a first write still waiting for Kafka
        CompletableFuture<HttpResponse<String>> first = http.sendAsync(request(once, "1.0.3"), HttpResponse.BodyHandlers.ofString());
        await().atMost(Duration.ofSeconds(10)).until(() -> producer.history().size() == 1);

        // when the same statement comes again, and then the first write fails
        CompletableFuture<HttpResponse<String>> second = http.sendAsync(request(once, "1.0.3"), HttpResponse.BodyHandlers.ofString());
        await().atMost(Duration.ofSeconds(10)).until(() -> producer.history().size() == 2);
        producer.errorNext(new TimeoutException("broker not reachable"));
        producer.completeNext();

        // then the first is refused and the second is answered 200 only because its own write was acknowledged
        assertThat(first.get().statusCode()).isEqualTo(503);
        assertThat(second.get().statusCode()).isEqualTo(200);
    }

    @Test
    void shouldAnswerOnlyAfterKafkaAcknowledged() throws Exception {
        startWith(new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer()));

        CompletableFuture<HttpResponse<String>> pending = http.sendAsync(request(statement(null, "mailto:ann@example.org"), "1.0.3"),
                HttpResponse.BodyHandlers.ofString());
        await().atMost(Duration.ofSeconds(10)).until(() -> producer.history().size() == 1);
        assertThat(pending).as("no answer before the acknowledgement").isNotDone();

        producer.completeNext();
        assertThat(pending.get().statusCode()).isEqualTo(200);
    }

    @Test
    void shouldWriteTheAnswerOffTheThreadThatDeliversKafkasAcknowledgement() throws Exception {
        // given answers written by tasks this spec runs itself, and a write waiting for Kafka
        java.util.concurrent.BlockingQueue<Runnable> answers = new java.util.concurrent.LinkedBlockingQueue<>();
        startWith(new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer()), answers::add);
        CompletableFuture<HttpResponse<String>> pending = http.sendAsync(request(statement(null, "mailto:ann@example.org"), "1.0.3"),
                HttpResponse.BodyHandlers.ofString());
        await().atMost(Duration.ofSeconds(10)).until(() -> producer.history().size() == 1);

        // when Kafka acknowledges it (on this thread, standing in for the producer's I/O thread)
        producer.completeNext();

        // then the answer was handed over rather than written here, and it is a 200 once written
        assertThat(answers).hasSize(1);
        assertThat(pending).isNotDone();
        answers.take().run();
        assertThat(pending.get(10, java.util.concurrent.TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldWriteTheCaliperAnswerOffTheThreadThatDeliversKafkasAcknowledgement() throws Exception {
        java.util.concurrent.BlockingQueue<Runnable> answers = new java.util.concurrent.LinkedBlockingQueue<>();
        startWith(new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer()), answers::add);
        String envelope = "{\"sensor\":\"https://example.edu/sensors/1\",\"sendTime\":\"2026-09-07T10:00:00.000Z\","
                + "\"dataVersion\":\"http://purl.imsglobal.org/ctx/caliper/v1p2\",\"data\":[{\"@context\":\"http://purl.imsglobal.org/ctx/caliper/v1p2\","
                + "\"id\":\"urn:uuid:5b1e2d3c-4f5a-4b6c-8d7e-9f0a1b2c3d4e\",\"type\":\"ViewEvent\","
                + "\"actor\":{\"id\":\"https://example.edu/users/554433\",\"type\":\"Person\"},\"action\":\"Viewed\","
                + "\"object\":{\"id\":\"https://example.edu/etexts/201\",\"type\":\"Document\"},\"eventTime\":\"2026-09-07T09:00:00.000Z\"}]}";
        CompletableFuture<HttpResponse<String>> pending = http.sendAsync(HttpRequest.newBuilder(URI.create(server.baseUrl() + IngestServer.CALIPER_PATH))
                .header("Authorization", WRITER).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(envelope)).build(), HttpResponse.BodyHandlers.ofString());
        await().atMost(Duration.ofSeconds(10)).until(() -> producer.history().size() == 1);

        producer.completeNext();

        assertThat(answers).hasSize(1);
        assertThat(pending).isNotDone();
        answers.take().run();
        HttpResponse<String> response = pending.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("accepted").asInt()).isEqualTo(1);
    }

    /** Test credentials: "Basic writer" may write and read, "Basic reader" only read; anything else is refused. */
    @Test
    void shouldAnswer401WithoutValidCredentials() throws Exception {
        HttpResponse<String> missing = http.send(HttpRequest.newBuilder(statementsUri())
                .header("Content-Type", "application/json").header(XapiVersion.HEADER, "1.0.3")
                .POST(HttpRequest.BodyPublishers.ofString(statement(null, "mailto:ann@example.org"))).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> wrong = http.send(request(statement(null, "mailto:ann@example.org"), "1.0.3", "Basic nobody"),
                HttpResponse.BodyHandlers.ofString());

        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"learnstream LRS\"");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(wrong.body()).get("message").asText()).doesNotContain("nobody");
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void shouldAnswer403WhenTheCredentialMayNotWrite() throws Exception {
        HttpResponse<String> response = http.send(request(statement(null, "mailto:ann@example.org"), "1.0.3", READER),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(response.body()).get("message").asText()).contains("statements/write");
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void shouldStoreUnderTheIdOfAPut() throws Exception {
        String id = "7a3bd1c2-1111-4c55-9a1e-2b8f5c1d9e77";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(statementsUri() + "?statementId=" + id))
                .header("Content-Type", "application/json").header(XapiVersion.HEADER, "1.0.3").header("Authorization", WRITER)
                .PUT(HttpRequest.BodyPublishers.ofString(statement(null, "mailto:ann@example.org"))).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(stored(producer.history().getFirst()).getStatementId()).isEqualTo(id);
    }

    @Test
    void shouldRejectAPutWhoseBodyNamesAnotherId() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(statementsUri() + "?statementId=7a3bd1c2-1111-4c55-9a1e-2b8f5c1d9e77"))
                .header("Content-Type", "application/json").header(XapiVersion.HEADER, "1.0.3").header("Authorization", WRITER)
                .PUT(HttpRequest.BodyPublishers.ofString(statement("3f1c0a6e-7d2b-4c55-9a1e-2b8f5c1d9e77", "mailto:ann@example.org"))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("path").asText()).isEqualTo("id");
    }

    @Test
    void shouldRejectAPutWithoutStatementId() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(statementsUri())
                .header("Content-Type", "application/json").header(XapiVersion.HEADER, "1.0.3").header("Authorization", WRITER)
                .PUT(HttpRequest.BodyPublishers.ofString(statement(null, "mailto:ann@example.org"))).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("message").asText()).contains("statementId");
    }

    @Test
    void shouldRefuseMoreStatementsPerRequestThanTheLimitWith413() throws Exception {
        StringBuilder many = new StringBuilder("[");
        for (int i = 0; i <= IngestConfig.defaults().maxStatementsPerRequest(); i++) {
            if (i > 0) many.append(',');
            many.append(statement(null, "mailto:ann@example.org"));
        }
        HttpResponse<String> response = post(many.append(']').toString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(response.body()).get("message").asText()).contains("at most 1000");
    }

    @Test
    void shouldRefuseJsonNestedTooDeep() throws Exception {
        String deep = "{\"a\":".repeat(40) + "1" + "}".repeat(40);

        HttpResponse<String> response = post(deep);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("error").asText()).isEqualTo("too_deep");
    }

    @Test
    void shouldAnswerAboutWithoutCredentials() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/xAPI/about")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("version").toString()).contains("1.0.3").contains("2.0.0");
    }

    @Test
    void shouldTellA1_0ClientOf1_0_3OnlyAndA2_0ClientOfBoth() throws Exception {
        HttpResponse<String> asked10 = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/xAPI/about"))
                .header(XapiVersion.HEADER, "1.0.3").build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> asked20 = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/xAPI/about"))
                .header(XapiVersion.HEADER, "2.0.0").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(JSON.readTree(asked10.body()).get("version").toString()).isEqualTo("[\"1.0.3\"]");
        assertThat(JSON.readTree(asked20.body()).get("version").toString()).isEqualTo("[\"1.0.3\",\"2.0.0\"]");
        assertThat(asked20.headers().firstValue(XapiVersion.HEADER)).hasValue("2.0.0");
    }

    private XapiStatementRecord stored(ProducerRecord<byte[], byte[]> record) {
        return topics.xapiStatements().valueSerde().deserializer().deserialize(record.topic(), record.value());
    }

    private HttpResponse<String> post(String body) throws Exception {
        return post(body, "1.0.3");
    }

    private HttpResponse<String> post(String body, String version) throws Exception {
        return http.send(request(body, version), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String body, String version) {
        return request(body, version, WRITER);
    }

    private HttpRequest request(String body, String version, String authorization) {
        return HttpRequest.newBuilder(statementsUri())
                .header("Content-Type", "application/json")
                .header(XapiVersion.HEADER, version)
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private URI statementsUri() {
        return URI.create(server.baseUrl() + IngestServer.STATEMENTS_PATH);
    }

    static String statement(String id, String mbox) {
        return "{" + (id == null ? "" : "\"id\":\"" + id + "\",")
                + "\"actor\":{\"mbox\":\"" + mbox + "\"},"
                + "\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/answered\",\"display\":{\"en-US\":\"answered\"}},"
                + "\"object\":{\"id\":\"https://quiz.example.org/questions/17\",\"definition\":{\"type\":\"http://adlnet.gov/expapi/activities/cmi.interaction\"}},"
                + "\"result\":{\"success\":true,\"score\":{\"scaled\":0.8}},"
                + "\"context\":{\"contextActivities\":{\"grouping\":[{\"id\":\"https://sis.example.org/classes/algebra-1\","
                + "\"definition\":{\"type\":\"http://adlnet.gov/expapi/activities/course\"}}]}},"
                + "\"timestamp\":\"2026-09-07T10:30:00+02:00\"}";
    }
}

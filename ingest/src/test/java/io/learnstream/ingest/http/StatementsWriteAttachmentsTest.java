package io.learnstream.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import io.learnstream.ingest.attachments.AttachmentArchive;
import io.learnstream.ingest.attachments.AttachmentIntake;
import io.learnstream.ingest.attachments.MultipartBodies;
import io.learnstream.ingest.attachments.Sha2;
import io.learnstream.ingest.attachments.TestSigners;
import io.learnstream.ingest.xapi.XapiVersion;
import io.learnstream.schemas.avro.XapiAttachmentRecord;
import io.learnstream.schemas.topic.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** POST and PUT of statements with attachment data over HTTP, Kafka replaced by a mock producer. */
class StatementsWriteAttachmentsTest {
    private static final Instant NOW = Instant.parse("2026-09-07T10:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WRITER = FrontDoorFixture.WRITER;
    private static final byte[] ESSAY = "my essay on photosynthesis".getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path keys;
    private static TestSigners.Signer signer;

    private final HttpClient http = HttpClient.newHttpClient();
    private Topics topics;
    private MockProducer<byte[], byte[]> producer;
    private IngestServer server;

    @BeforeAll
    static void makeKeys() throws Exception {
        signer = TestSigners.create(keys, "tool");
    }

    @BeforeEach
    void start() {
        FrontDoorFixture frontDoor = new FrontDoorFixture();
        producer = frontDoor.producer;
        topics = frontDoor.topics;
        server = frontDoor.server()
                .attachments(new AttachmentIntake(topics, frontDoor.publisher, AttachmentArchive.NONE, frontDoor.clock))
                .authentication(FrontDoorFixture::authenticate)
                .build()
                .start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void shouldStoreTheAttachmentDataBeforeTheStatementAndAnswerItsId() throws Exception {
        // given
        String id = UUID.randomUUID().toString();
        byte[] body = MultipartBodies.statements(statement(id, essay())).attachment("text/plain", ESSAY).bytes();

        // when
        HttpResponse<String> response = send("POST", "", MultipartBodies.CONTENT_TYPE, body);

        // then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get(0).asText()).isEqualTo(id);
        assertThat(producer.history()).extracting(ProducerRecord::topic)
                .containsExactly(Topics.XAPI_ATTACHMENTS, Topics.XAPI_STATEMENTS);
        ProducerRecord<byte[], byte[]> data = producer.history().getFirst();
        assertThat(new String(data.key(), StandardCharsets.UTF_8)).isEqualTo("demo/" + sha256(ESSAY));
        XapiAttachmentRecord record = topics.xapiAttachments().valueSerde().deserializer().deserialize(data.topic(), data.value());
        assertThat(record.getTenantId()).isEqualTo("demo");
        assertThat(record.getSha2()).isEqualTo(sha256(ESSAY));
        assertThat(record.getContentType()).isEqualTo("text/plain");
        assertThat(record.getLength()).isEqualTo(ESSAY.length);
        assertThat(record.getContent().array()).isEqualTo(ESSAY);
    }

    @Test
    void shouldSendTheSameDataOnlyOnceWhenItComesAgain() throws Exception {
        // given the same essay attached to two statements sent one after the other
        for (int i = 0; i < 2; i++) {
            byte[] body = MultipartBodies.statements(statement(UUID.randomUUID().toString(), essay())).attachment("text/plain", ESSAY).bytes();

            // when
            assertThat(send("POST", "", MultipartBodies.CONTENT_TYPE, body).statusCode()).isEqualTo(200);
        }

        // then
        assertThat(producer.history()).extracting(ProducerRecord::topic)
                .containsExactly(Topics.XAPI_ATTACHMENTS, Topics.XAPI_STATEMENTS, Topics.XAPI_STATEMENTS);
    }

    @Test
    void shouldAnswer400NamingThePartWhoseHashIsNotItsDataAndStoreNothing() throws Exception {
        // given
        byte[] body = MultipartBodies.statements(statement(UUID.randomUUID().toString(), essay())).part(Map.of("Content-Type", "text/plain",
                "Content-Transfer-Encoding", "binary", "X-Experience-API-Hash", sha256("something else".getBytes(StandardCharsets.UTF_8))), ESSAY).bytes();

        // when
        HttpResponse<String> response = send("POST", "", MultipartBodies.CONTENT_TYPE, body);

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.get("error").asText()).isEqualTo("invalid_attachment");
        assertThat(error.get("path").asText()).isEqualTo("parts[1].X-Experience-API-Hash");
        assertThat(error.get("rule").asText()).contains("SHA-256");
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void shouldAnswer400ForAMultipartRequestWithoutItsBoundary() throws Exception {
        // when
        HttpResponse<String> response = send("POST", "", "multipart/mixed",
                MultipartBodies.statements(statement(UUID.randomUUID().toString(), essay())).attachment("text/plain", ESSAY).bytes());

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("path").asText()).isEqualTo("Content-Type");
    }

    @Test
    void shouldAnswer400ForAJsonStatementDeclaringDataItDoesNotCarry() throws Exception {
        // when
        HttpResponse<String> response = send("POST", "", "application/json",
                statement(UUID.randomUUID().toString(), essay()).getBytes(StandardCharsets.UTF_8));

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.get("path").asText()).isEqualTo("attachments[0].sha2");
        assertThat(error.get("rule").asText()).contains("no fileUrl and no multipart/mixed part");
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void shouldCheckTheStatementBeforeItsAttachments() throws Exception {
        // given an invalid statement whose part is also wrong
        byte[] body = MultipartBodies.statements(statement(UUID.randomUUID().toString(), essay()).replace("mailto:ann@", "ann@"))
                .attachment("text/plain", "other".getBytes(StandardCharsets.UTF_8)).bytes();

        // when
        HttpResponse<String> response = send("POST", "", MultipartBodies.CONTENT_TYPE, body);

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("error").asText()).isEqualTo("invalid_statement");
        assertThat(JSON.readTree(response.body()).get("path").asText()).isEqualTo("actor.mbox");
    }

    @Test
    void shouldStoreASignedStatementPutWithItsSignature() throws Exception {
        // given a statement signed before its signature attachment was added
        String id = UUID.randomUUID().toString();
        String unsigned = statement(id, null);
        byte[] jws = TestSigners.sign(JWSAlgorithm.RS256, signer.key(), signer, unsigned).getBytes(StandardCharsets.US_ASCII);
        byte[] body = MultipartBodies.statements(statement(id, signature(jws))).attachment("application/octet-stream", jws).bytes();

        // when
        HttpResponse<String> response = send("PUT", "?statementId=" + id, MultipartBodies.CONTENT_TYPE, body);

        // then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
        assertThat(producer.history()).extracting(ProducerRecord::topic).containsExactly(Topics.XAPI_ATTACHMENTS, Topics.XAPI_STATEMENTS);
    }

    @Test
    void shouldAnswer400ForASignatureOverOtherContent() throws Exception {
        // given
        String id = UUID.randomUUID().toString();
        byte[] jws = TestSigners.sign(JWSAlgorithm.RS256, signer.key(), signer, statement(id, null).replace("mailto:ann@", "mailto:bob@"))
                .getBytes(StandardCharsets.US_ASCII);
        byte[] body = MultipartBodies.statements(statement(id, signature(jws))).attachment("application/octet-stream", jws).bytes();

        // when
        HttpResponse<String> response = send("POST", "", MultipartBodies.CONTENT_TYPE, body);

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.get("path").asText()).isEqualTo("attachments[0]");
        assertThat(error.get("rule").asText()).contains("differs from the statement at 'actor.mbox'");
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void shouldAnswer409ForAStatementIdTakenByOtherContentEvenWithAttachmentData() throws Exception {
        // given a statement stored without attachments
        String id = UUID.randomUUID().toString();
        assertThat(send("POST", "", "application/json", statement(id, null).getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(200);

        // when the same id comes with other content and attachment data
        HttpResponse<String> response = send("POST", "", MultipartBodies.CONTENT_TYPE,
                MultipartBodies.statements(statement(id, essay())).attachment("text/plain", ESSAY).bytes());

        // then
        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(response.body()).get("error").asText()).isEqualTo("conflict");
    }

    @Test
    void shouldAnswer413ForAnAttachmentLargerThanAKafkaRecordHolds() throws Exception {
        // given a part one octet over the limit
        byte[] big = new byte[Topics.MAX_ATTACHMENT_BYTES + 1];
        String attachment = "{\"usageType\":\"https://example.org/usage/video\",\"display\":{\"en\":\"video\"},\"contentType\":\"video/mp4\","
                + "\"length\":" + big.length + ",\"sha2\":\"" + sha256(big) + "\"}";
        byte[] body = MultipartBodies.statements(statement(UUID.randomUUID().toString(), attachment)).attachment("video/mp4", big).bytes();

        // when
        HttpResponse<String> response = send("POST", "", MultipartBodies.CONTENT_TYPE, body);

        // then
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(response.body()).get("path").asText()).isEqualTo("parts[1]");
        assertThat(producer.history()).isEmpty();
    }

    private HttpResponse<String> send(String method, String query, String contentType, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + IngestServer.STATEMENTS_PATH + query))
                .header("Content-Type", contentType).header(XapiVersion.HEADER, "1.0.3").header("Authorization", WRITER)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String essay() {
        return "{\"usageType\":\"https://example.org/usage/essay\",\"display\":{\"en-US\":\"essay\"},\"contentType\":\"text/plain\","
                + "\"length\":" + ESSAY.length + ",\"sha2\":\"" + sha256(ESSAY) + "\"}";
    }

    private static String signature(byte[] jws) {
        return "{\"usageType\":\"http://adlnet.gov/expapi/attachments/signature\",\"display\":{\"en-US\":\"signature\"},"
                + "\"contentType\":\"application/octet-stream\",\"length\":" + jws.length + ",\"sha2\":\"" + sha256(jws) + "\"}";
    }

    private static String statement(String id, String attachment) {
        return "{\"id\":\"" + id + "\",\"actor\":{\"mbox\":\"mailto:ann@example.org\"},\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/completed\"},"
                + "\"object\":{\"id\":\"https://lms.example.org/essays/7\"},\"timestamp\":\"2026-09-07T09:00:00Z\""
                + (attachment == null ? "" : ",\"attachments\":[" + attachment + "]") + "}";
    }

    private static String sha256(byte[] content) {
        return Sha2.digest("SHA-256", content);
    }
}

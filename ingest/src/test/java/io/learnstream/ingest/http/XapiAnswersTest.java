package io.learnstream.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.learnstream.ingest.lrs.MoreCursor;
import io.learnstream.ingest.lrs.StatementReader;
import io.learnstream.ingest.lrs.StubArchive;
import io.learnstream.ingest.xapi.XapiVersion;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.apache.kafka.clients.producer.MockProducer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every answer of the xAPI resources carries, whatever its status (xAPI Communication 2.1 and 3.3). */
class XapiAnswersTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String READER = FrontDoorFixture.READER;
    private static final String WRITER = FrontDoorFixture.WRITER;
    private static final Instant ARCHIVED_THROUGH = Instant.parse("2026-09-07T09:59:58Z");

    private final HttpClient http = HttpClient.newHttpClient();
    private MockProducer<byte[], byte[]> producer;
    private IngestServer server;

    @BeforeEach
    void start() {
        FrontDoorFixture frontDoor = new FrontDoorFixture();
        producer = frontDoor.producer;
        server = frontDoor.server()
                .reads(new StatementsRead(new StatementReader(new StubArchive(ARCHIVED_THROUGH), MoreCursor.withRandomKey(), IngestServer.STATEMENTS_PATH)))
                .authentication(FrontDoorFixture::authenticate)
                .build()
                .start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void shouldSendConsistentThroughWithAQueryItRefuses() throws Exception {
        HttpResponse<String> refused = get("?LIMIT=1");
        HttpResponse<String> combined = get("?statementId=7ac1c5a4-7fb4-4a5c-9f0e-3a5f7d1c2b90&verb=http://adlnet.gov/expapi/verbs/answered");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(combined.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue(StatementsRead.CONSISTENT_THROUGH)).hasValue(ARCHIVED_THROUGH.toString());
        assertThat(combined.headers().firstValue(StatementsRead.CONSISTENT_THROUGH)).hasValue(ARCHIVED_THROUGH.toString());
    }

    @Test
    void shouldSendConsistentThroughWithANotFound() throws Exception {
        HttpResponse<String> missing = get("?statementId=7ac1c5a4-7fb4-4a5c-9f0e-3a5f7d1c2b90");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue(StatementsRead.CONSISTENT_THROUGH)).hasValue(ARCHIVED_THROUGH.toString());
    }

    @Test
    void shouldAnswer405ToADeleteBeforeAskingForCredentials() throws Exception {
        HttpResponse<String> delete = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + IngestServer.STATEMENTS_PATH
                        + "?statementId=7ac1c5a4-7fb4-4a5c-9f0e-3a5f7d1c2b90")).DELETE().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(delete.statusCode()).isEqualTo(405);
        assertThat(delete.headers().firstValue("Allow")).hasValue(StatementsMethods.ALLOWED);
        assertThat(JSON.readTree(delete.body()).get("message").asText()).contains("voiding statement");
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void shouldAnswerAMultipartFormWith400() throws Exception {
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + IngestServer.STATEMENTS_PATH))
                .header("Content-Type", "multipart/form-data; boundary=abc").header(XapiVersion.HEADER, "1.0.3")
                .header("Authorization", WRITER)
                .POST(HttpRequest.BodyPublishers.ofString("--abc\r\nContent-Type: application/json\r\n\r\n{}\r\n--abc--")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(form.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(form.body()).get("message").asText()).contains("sent as multipart/mixed");
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void shouldNameTheVersionInEveryXapiAnswerEvenForAnUnknownResource() throws Exception {
        HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/xAPI/activities/state"))
                        .header(XapiVersion.HEADER, "1.0.3").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue(XapiVersion.HEADER)).hasValue("1.0.3");
    }

    @Test
    void shouldAskForTheVersionOnResourcesItDoesNotServe() throws Exception {
        HttpResponse<String> withoutVersion = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/xAPI/agents?agent=x")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> withVersion = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/xAPI/agents?agent=x"))
                .header(XapiVersion.HEADER, "1.0.3").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(withoutVersion.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(withoutVersion.body()).get("error").asText()).isEqualTo("missing_version");
        assertThat(withVersion.statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> get(String query) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + IngestServer.STATEMENTS_PATH + query))
                .header(XapiVersion.HEADER, "1.0.3").header("Authorization", READER).build(), HttpResponse.BodyHandlers.ofString());
    }
}

package io.learnstream.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.learnstream.ingest.xapi.XapiVersion;
import io.learnstream.schemas.avro.XapiStatementRecord;
import io.learnstream.schemas.topic.Topics;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.MockProducer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The xAPI 1.0.3 Alternate Request Syntax (Communication 1.3) on the statement resource, and HEAD (Communication 1.1). */
class AlternateRequestSyntaxTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WRITER = FrontDoorFixture.WRITER;
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String ID = "7ac1c5a4-7fb4-4a5c-9f0e-3a5f7d1c2b90";

    private final HttpClient http = HttpClient.newHttpClient();
    private MockProducer<byte[], byte[]> producer;
    private Topics topics;
    private IngestServer server;

    @BeforeEach
    void start() {
        FrontDoorFixture frontDoor = new FrontDoorFixture();
        producer = frontDoor.producer;
        topics = frontDoor.topics;
        server = frontDoor.server()
                .authentication(FrontDoorFixture::authenticate)
                .build()
                .start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Nested
    class WhatItStandsFor {
        @Test
        void shouldStoreAPutSentAsAFormWithHeadersAndContentAsParameters() throws Exception {
            HttpResponse<String> response = send("POST", "?method=PUT", FORM, form(Map.of(
                    "statementId", ID, "content", IngestServerTest.statement(null, "mailto:ann@example.org"),
                    "Authorization", WRITER, "X-Experience-API-Version", "1.0.3")), Map.of());

            assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
            assertThat(producer.history()).singleElement().satisfies(record -> {
                XapiStatementRecord stored = topics.xapiStatements().valueSerde().deserializer().deserialize(record.topic(), record.value());
                assertThat(stored.getStatementId()).isEqualTo(ID);
                assertThat(stored.getCredentialKey()).as("authenticated by the form's Authorization").isEqualTo("ls_writer");
            });
        }

        @Test
        void shouldStoreAPostOfAnArrayAndAnswerTheIds() throws Exception {
            String batch = "[" + IngestServerTest.statement(ID, "mailto:ann@example.org") + ","
                    + IngestServerTest.statement(null, "mailto:bob@example.org") + "]";
            HttpResponse<String> response = send("POST", "?method=POST", FORM, form(Map.of("content", batch)), headers());

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode ids = JSON.readTree(response.body());
            assertThat(ids).hasSize(2);
            assertThat(ids.get(0).asText()).isEqualTo(ID);
            assertThat(producer.history()).hasSize(2);
        }

        @Test
        void shouldLetTheFormsHeaderParametersOverrideTheRequestsHeaders() throws Exception {
            HttpResponse<String> oldVersion = send("POST", "?method=PUT", FORM, form(Map.of("statementId", ID,
                    "X-Experience-API-Version", "0.8", "content", IngestServerTest.statement(null, "mailto:ann@example.org"))), headers());
            HttpResponse<String> wrongCredential = send("POST", "?method=PUT", FORM, form(Map.of("statementId", ID,
                    "Authorization", "Basic nobody", "content", IngestServerTest.statement(null, "mailto:ann@example.org"))), headers());

            assertThat(oldVersion.statusCode()).isEqualTo(400);
            assertThat(error(oldVersion)).isEqualTo("unsupported_version");
            assertThat(wrongCredential.statusCode()).isEqualTo(401);
            assertThat(producer.history()).isEmpty();
        }

        @Test
        void shouldValidateTheContentAsAnyStatement() throws Exception {
            HttpResponse<String> response = send("POST", "?method=PUT", FORM, form(Map.of("statementId", ID,
                    "content", IngestServerTest.statement(null, "ann@example.org"))), headers());

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).get("path").asText()).isEqualTo("actor.mbox");
        }
    }

    @Nested
    class ItsRules {
        @Test
        void shouldRejectItWhenNotSentAsPost() throws Exception {
            HttpResponse<String> response = send("PUT", "?method=POST", FORM,
                    form(Map.of("content", IngestServerTest.statement(null, "mailto:ann@example.org"))), headers());

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(error(response)).isEqualTo("alternate_request_syntax");
            assertThat(message(response)).contains("sent as POST, not PUT");
        }

        @Test
        void shouldRejectOtherQueryParametersThanMethod() throws Exception {
            HttpResponse<String> response = send("POST", "?method=PUT&statementId=" + ID, FORM, form(Map.of("statementId", ID,
                    "content", IngestServerTest.statement(null, "mailto:ann@example.org"))), headers());

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(message(response)).contains("no query parameter but one method").contains("statementId");
            assertThat(producer.history()).isEmpty();
        }

        @Test
        void shouldRejectAMethodTheResourceHasNot() throws Exception {
            HttpResponse<String> response = send("POST", "?method=DELETE", FORM, form(Map.of("statementId", ID)), headers());

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(message(response)).contains("GET, PUT or POST, not 'DELETE'");
        }

        @Test
        void shouldRejectAPutWithoutContent() throws Exception {
            HttpResponse<String> response = send("POST", "?method=PUT", FORM, form(Map.of("statementId", ID)), headers());

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(message(response)).contains("form parameter 'content'");
        }

        @Test
        void shouldRejectJsonSentUnderTheFormContentType() throws Exception {
            String json = JSON.writeValueAsString(Map.of("statementId", ID, "content", IngestServerTest.statement(null, "mailto:ann@example.org")));
            HttpResponse<String> response = send("POST", "?method=PUT", FORM, json, headers());

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(producer.history()).isEmpty();
        }

        @Test
        void shouldRejectAFormSentUnderAnotherContentType() throws Exception {
            HttpResponse<String> response = send("POST", "?method=PUT", "application/json",
                    form(Map.of("statementId", ID, "content", IngestServerTest.statement(null, "mailto:ann@example.org"))), headers());

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(message(response)).contains("parameters as application/x-www-form-urlencoded, not 'application/json'");
        }

        @Test
        void shouldRejectAPutWithNeitherContentTypeNorBody() throws Exception {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + IngestServer.STATEMENTS_PATH + "?method=PUT"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(error(response)).isEqualTo("alternate_request_syntax");
            // a request without a version header (it has none, not even in the form) is answered in the default version, 2.0.0
            assertThat(response.headers().firstValue(XapiVersion.HEADER)).as("every xAPI answer names a version")
                    .hasValue(XapiVersion.V2_0_0.header());
        }
    }

    @Nested
    class Head {
        @Test
        void shouldAnswerHeadAsGetWithoutTheBody() throws Exception {
            HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/xAPI/about")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> head = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/xAPI/about"))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(head.statusCode()).isEqualTo(get.statusCode()).isEqualTo(200);
            assertThat(head.body()).isEmpty();
            assertThat(head.headers().firstValue("Content-Type")).isEqualTo(get.headers().firstValue("Content-Type"));
            assertThat(head.headers().firstValue("Content-Length")).hasValue(Integer.toString(get.body().getBytes(StandardCharsets.UTF_8).length));
        }

        @Test
        void shouldAskForCredentialsOnHeadOfStatementsAsOnGet() throws Exception {
            HttpResponse<String> head = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/xAPI/statements?statementId=" + ID))
                    .header(XapiVersion.HEADER, "1.0.3").method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(head.statusCode()).isEqualTo(401);
            assertThat(head.headers().firstValue("WWW-Authenticate")).isPresent();
            assertThat(head.body()).isEmpty();
        }
    }

    private Map<String, String> headers() {
        return Map.of("Authorization", WRITER, XapiVersion.HEADER, "1.0.3");
    }

    private static String form(Map<String, String> parameters) {
        return new LinkedHashMap<>(parameters).entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private HttpResponse<String> send(String method, String query, String contentType, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + IngestServer.STATEMENTS_PATH + query))
                .header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String error(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body()).get("error").asText();
    }

    private static String message(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body()).get("message").asText();
    }
}

package io.learnstream.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.learnstream.ingest.IngestConfig;
import io.learnstream.ingest.xapi.XapiVersion;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The version an answer names when the request names none (xAPI 1.0.3 Communication 3.3: "The LRS MUST include the
 * X-Experience-API-Version header in every response" and "MUST set this header to 1.0.3"; xAPI 2.0, IEEE 9274.1.1
 * Part Three 4.1.1: the LRS shall set it to "2.0.0"): the LRS's default, 2.0.0 unless set to 1.0.3.
 */
class DefaultXapiVersionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldAnswerARequestWithoutAVersionHeaderAsTheCurrentVersion2_0_0ByDefault() throws Exception {
        assertThat(IngestConfig.defaults().defaultXapiVersion()).isEqualTo(XapiVersion.V2_0_0);

        try (IngestServer server = serverAnswering(IngestConfig.defaults())) {
            HttpResponse<String> unversioned = post(server, null);

            assertThat(unversioned.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(unversioned.body()).get("error").asText()).isEqualTo("missing_version");
            assertThat(unversioned.headers().firstValue(XapiVersion.HEADER)).hasValue("2.0.0");
        }
    }

    @Test
    void shouldAnswerARequestWithoutAVersionHeaderAs1_0_3WhenSetSo() throws Exception {
        IngestConfig config = IngestConfig.from(Map.of(IngestConfig.DEFAULT_XAPI_VERSION_KEY, "1.0.3"));

        try (IngestServer server = serverAnswering(config)) {
            HttpResponse<String> unversioned = post(server, null);
            HttpResponse<String> unsupported = post(server, "0.95");
            HttpResponse<String> unknownResource = send(server, HttpRequest.newBuilder(URI.create(server.baseUrl() + "/xAPI/activities/state")));

            assertThat(unversioned.headers().firstValue(XapiVersion.HEADER)).hasValue("1.0.3");
            assertThat(unsupported.statusCode()).isEqualTo(400);
            assertThat(unsupported.headers().firstValue(XapiVersion.HEADER)).hasValue("1.0.3");
            assertThat(unknownResource.headers().firstValue(XapiVersion.HEADER)).hasValue("1.0.3");
        }
    }

    @Test
    void shouldStillAnswerARequestThatNamesAVersionInThatVersionWhateverTheDefault() throws Exception {
        try (IngestServer answering103 = serverAnswering(IngestConfig.defaults().withDefaultXapiVersion(XapiVersion.V1_0_3));
                IngestServer answering200 = serverAnswering(IngestConfig.defaults())) {
            assertThat(about(answering103, "2.0.0").headers().firstValue(XapiVersion.HEADER)).hasValue("2.0.0");
            assertThat(about(answering200, "1.0.3").headers().firstValue(XapiVersion.HEADER)).hasValue("1.0.3");
        }
    }

    @Test
    void shouldTellAnUnversionedAboutRequestOfTheVersionsTheDefaultAllowsToList() throws Exception {
        try (IngestServer answering103 = serverAnswering(IngestConfig.defaults().withDefaultXapiVersion(XapiVersion.V1_0_3));
                IngestServer answering200 = serverAnswering(IngestConfig.defaults())) {
            HttpResponse<String> as103 = about(answering103, null);
            HttpResponse<String> as200 = about(answering200, null);

            // 1.0.3 About: "version" lists only 0.9, 0.95 and 1.0.x versions
            assertThat(JSON.readTree(as103.body()).get("version").toString()).isEqualTo("[\"1.0.3\"]");
            assertThat(as103.headers().firstValue(XapiVersion.HEADER)).hasValue("1.0.3");
            assertThat(JSON.readTree(as200.body()).get("version").toString()).isEqualTo("[\"1.0.3\",\"2.0.0\"]");
            assertThat(as200.headers().firstValue(XapiVersion.HEADER)).hasValue("2.0.0");
        }
    }

    @Test
    void shouldRefuseADefaultVersionTheLrsDoesNotSpeakNamingTheSetting() {
        for (String wrong : new String[] {"1.0", "2.0", "1.1.0", "0.95", ""}) {
            assertThatThrownBy(() -> IngestConfig.from(Map.of(IngestConfig.DEFAULT_XAPI_VERSION_KEY, wrong)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(IngestConfig.DEFAULT_XAPI_VERSION_KEY + " must be one of [1.0.3, 2.0.0], got '" + wrong + "'");
        }
    }

    private static IngestServer serverAnswering(IngestConfig config) {
        return new FrontDoorFixture().server(config)
                .authentication(FrontDoorFixture::authenticate)
                .build()
                .start();
    }

    private HttpResponse<String> post(IngestServer server, String version) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + IngestServer.STATEMENTS_PATH))
                .header("Content-Type", "application/json").header("Authorization", FrontDoorFixture.WRITER)
                .POST(HttpRequest.BodyPublishers.ofString("{}"));
        if (version != null) request.header(XapiVersion.HEADER, version);
        return send(server, request);
    }

    private HttpResponse<String> about(IngestServer server, String version) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + IngestServer.ABOUT_PATH));
        if (version != null) request.header(XapiVersion.HEADER, version);
        return send(server, request);
    }

    private HttpResponse<String> send(IngestServer server, HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

package io.learnstream.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.learnstream.ingest.auth.Principal;
import io.learnstream.ingest.auth.Scope;
import io.learnstream.ingest.documents.DocumentMetrics;
import io.learnstream.ingest.documents.DocumentStore;
import io.learnstream.ingest.documents.InMemoryDocumentTable;
import io.learnstream.ingest.xapi.XapiVersion;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The State, Activity Profile, Agent Profile and Agents resources over HTTP (Communication 2.3 to 2.7, 3.1): the
 * parameters' rules, ETags and Last-Modified, the concurrency answers, HEAD, the alternate request syntax, scopes.
 */
class DocumentsResourceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DOCUMENTS = "Basic documents";
    private static final String OTHER_DISTRICT = "Basic other-district";
    private static final String AGENT = "{\"mbox\":\"mailto:ann@example.org\"}";
    private static final String COURSE = "https://lms.example.org/courses/algebra-1";

    private final HttpClient http = HttpClient.newHttpClient();
    private IngestServer server;

    @BeforeEach
    void start() {
        DocumentStore store = new DocumentStore(InMemoryDocumentTable.perKind(), FrontDoorFixture.NOW_CLOCK,
                new DocumentMetrics(new SimpleMeterRegistry()), 1_000);
        server = new FrontDoorFixture().server()
                .documents(store)
                .authentication(header -> switch (header == null ? "" : header) {
                    case DOCUMENTS -> new Principal("demo", "storyline", "ls_docs", Set.of(Scope.STATE, Scope.PROFILE));
                    case OTHER_DISTRICT -> new Principal("hillcrest", "storyline", "ls_hill", Set.of(Scope.ALL));
                    default -> FrontDoorFixture.authenticate(header);
                })
                .build()
                .start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void shouldAnswerAStoredStateWithItsContentTypeQuotedSha1EtagAndLastModified() throws Exception {
        HttpResponse<String> put = send("PUT", "/xAPI/activities/state", state("bookmark"), "text/plain", "slide-7", Map.of());
        HttpResponse<String> get = send("GET", "/xAPI/activities/state", state("bookmark"), null, null, Map.of());

        assertThat(put.statusCode()).isEqualTo(204);
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.body()).isEqualTo("slide-7");
        assertThat(get.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(get.headers().firstValue("ETag")).hasValueSatisfying(etag -> assertThat(etag).matches("\"[0-9a-f]{40}\""));
        assertThat(get.headers().firstValue("Last-Modified")).hasValue("Mon, 7 Sep 2026 10:00:00 GMT");
    }

    @Test
    void shouldMergeAPostedJsonObjectIntoTheStoredOne() throws Exception {
        send("POST", "/xAPI/activities/state", state("s"), "application/json", "{\"car\":\"Honda\"}", Map.of());
        send("POST", "/xAPI/activities/state", state("s"), "application/json", "{\"type\":\"Civic\"}", Map.of());

        assertThat(JSON.readTree(send("GET", "/xAPI/activities/state", state("s"), null, null, Map.of()).body()))
                .isEqualTo(JSON.readTree("{\"car\":\"Honda\",\"type\":\"Civic\"}"));
    }

    @Test
    void shouldAnswerTheIdsOfTheScopeWithoutAStateIdAndDeleteThemAll() throws Exception {
        send("PUT", "/xAPI/activities/state", state("a"), "text/plain", "1", Map.of());
        send("PUT", "/xAPI/activities/state", state("b"), "text/plain", "2", Map.of());
        Map<String, String> scope = state(null);

        assertThat(JSON.readTree(send("GET", "/xAPI/activities/state", scope, null, null, Map.of()).body())).isEqualTo(JSON.readTree("[\"a\",\"b\"]"));
        assertThat(send("DELETE", "/xAPI/activities/state", scope, null, null, Map.of()).statusCode()).isEqualTo(204);
        assertThat(send("GET", "/xAPI/activities/state", scope, null, null, Map.of()).body()).isEqualTo("[]");
    }

    @Test
    void shouldAnswer404ForADocumentThatIsNotThere() throws Exception {
        assertThat(send("GET", "/xAPI/activities/profile", profile("missing"), null, null, Map.of()).statusCode()).isEqualTo(404);
    }

    @Test
    void shouldAnswer412WhenIfMatchDoesNotMatch() throws Exception {
        send("PUT", "/xAPI/activities/profile", profile("p"), "application/json", "{\"v\":1}", Map.of("If-None-Match", "*"));

        HttpResponse<String> stale = send("PUT", "/xAPI/activities/profile", profile("p"), "application/json", "{\"v\":2}",
                Map.of("If-Match", "\"1111111111111111111111111111111111111111\""));

        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(send("GET", "/xAPI/activities/profile", profile("p"), null, null, Map.of()).body()).isEqualTo("{\"v\":1}");
    }

    @Test
    void shouldAnswer409WithAnExplanationToAPutOverAnExistingProfileWithoutPreconditions() throws Exception {
        send("POST", "/xAPI/activities/profile", profile("p"), "application/json", "{\"v\":1}", Map.of());

        HttpResponse<String> blind = send("PUT", "/xAPI/activities/profile", profile("p"), "application/json", "{\"v\":2}", Map.of());

        assertThat(blind.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(blind.body()).get("message").asText()).contains("If-Match");
    }

    @Test
    void shouldReplaceADocumentWhenIfMatchNamesItsEtag() throws Exception {
        send("POST", "/xAPI/agents/profile", agentProfile("cmi5LearnerPreferences"), "application/json", "{\"languagePreference\":\"en-US\"}", Map.of());
        String etag = send("GET", "/xAPI/agents/profile", agentProfile("cmi5LearnerPreferences"), null, null, Map.of()).headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> put = send("PUT", "/xAPI/agents/profile", agentProfile("cmi5LearnerPreferences"), "application/json",
                "{\"languagePreference\":\"fr-FR\"}", Map.of("If-Match", etag));

        assertThat(put.statusCode()).isEqualTo(204);
    }

    @Test
    void shouldAnswer400NamingTheParameterForEachRuleOfTheParameters() throws Exception {
        Map<String, String> badActivity = state("s");
        badActivity.put("activityId", "not an iri");
        Map<String, String> badAgent = state("s");
        badAgent.put("agent", "not JSON");
        Map<String, String> badRegistration = state("s");
        badRegistration.put("registration", "not UUID");
        Map<String, String> badSince = state(null);
        badSince.put("since", "yesterday");
        Map<String, String> unknown = profile("p");
        unknown.put("agent", AGENT);
        Map<String, String> noStateId = state(null);

        assertThat(errorPath(send("PUT", "/xAPI/activities/state", badActivity, "text/plain", "x", Map.of()))).isEqualTo("activityId");
        assertThat(errorPath(send("GET", "/xAPI/activities/state", badAgent, null, null, Map.of()))).isEqualTo("agent");
        assertThat(errorPath(send("POST", "/xAPI/activities/state", badRegistration, "text/plain", "x", Map.of()))).isEqualTo("registration");
        assertThat(errorPath(send("GET", "/xAPI/activities/state", badSince, null, null, Map.of()))).isEqualTo("since");
        assertThat(errorPath(send("PUT", "/xAPI/activities/profile", unknown, "text/plain", "x", Map.of()))).isEqualTo("agent");
        assertThat(errorPath(send("PUT", "/xAPI/activities/state", noStateId, "text/plain", "x", Map.of()))).isEqualTo("stateId");
    }

    @Test
    void shouldAnswerHeadWithTheStatusAndHeadersOfGet() throws Exception {
        send("PUT", "/xAPI/activities/state", state("s"), "text/plain", "slide-7", Map.of());

        HttpResponse<String> get = send("GET", "/xAPI/activities/state", state("s"), null, null, Map.of());
        HttpResponse<String> head = send("HEAD", "/xAPI/activities/state", state("s"), null, null, Map.of());

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("ETag")).isEqualTo(get.headers().firstValue("ETag"));
        assertThat(head.headers().firstValue("Content-Length")).isEqualTo(get.headers().firstValue("Content-Length"));
    }

    @Test
    void shouldNeverShowOneDistrictAnothersDocuments() throws Exception {
        send("PUT", "/xAPI/activities/state", state("s"), "text/plain", "demo's", Map.of());

        HttpResponse<String> other = send("GET", "/xAPI/activities/state", state("s"), null, null, Map.of(), OTHER_DISTRICT, "1.0.3");

        assertThat(other.statusCode()).isEqualTo(404);
    }

    @Test
    void shouldAnswer403ToACredentialWithoutTheStateScope() throws Exception {
        HttpResponse<String> answer = send("GET", "/xAPI/activities/state", state("s"), null, null, Map.of(), FrontDoorFixture.WRITER, "1.0.3");

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(answer.body()).get("message").asText()).contains("state");
    }

    @Test
    void shouldAnswerThePersonOfAnAgentWithEachPropertyAnArray() throws Exception {
        HttpResponse<String> answer = send("GET", "/xAPI/agents", Map.of("agent", "{\"name\":\"Ann\",\"mbox\":\"mailto:ann@example.org\"}"),
                null, null, Map.of());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(answer.body())).isEqualTo(JSON.readTree("{\"objectType\":\"Person\",\"name\":[\"Ann\"],\"mbox\":[\"mailto:ann@example.org\"]}"));
        assertThat(send("GET", "/xAPI/agents", Map.of(), null, null, Map.of()).statusCode()).isEqualTo(400);
    }

    @Test
    void shouldServeTheAlternateRequestSyntaxUnder103AndRefuseItUnder20() throws Exception {
        String form = "content=" + encoded("slide-9") + "&Content-Type=text%2Fplain&activityId=" + encoded(COURSE) + "&agent=" + encoded(AGENT)
                + "&stateId=s&Authorization=" + encoded(DOCUMENTS);
        HttpResponse<String> v103 = raw("POST", "/xAPI/activities/state?method=PUT", "application/x-www-form-urlencoded",
                form + "&X-Experience-API-Version=1.0.3");
        HttpResponse<String> v20 = raw("POST", "/xAPI/activities/state?method=PUT", "application/x-www-form-urlencoded",
                form + "&X-Experience-API-Version=2.0.0");

        assertThat(v103.statusCode()).isEqualTo(204);
        assertThat(send("GET", "/xAPI/activities/state", state("s"), null, null, Map.of()).body()).isEqualTo("slide-9");
        assertThat(v20.statusCode()).isEqualTo(400);
        assertThat(v20.body()).contains("2.0");
    }

    private static Map<String, String> state(String stateId) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("activityId", COURSE);
        parameters.put("agent", AGENT);
        if (stateId != null) parameters.put("stateId", stateId);
        return parameters;
    }

    private static Map<String, String> profile(String profileId) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("activityId", COURSE);
        parameters.put("profileId", profileId);
        return parameters;
    }

    private static Map<String, String> agentProfile(String profileId) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("agent", AGENT);
        parameters.put("profileId", profileId);
        return parameters;
    }

    private static String errorPath(HttpResponse<String> answer) throws Exception {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        return JSON.readTree(answer.body()).get("path").asText();
    }

    private HttpResponse<String> send(String method, String path, Map<String, String> parameters, String contentType, String body,
            Map<String, String> headers) throws Exception {
        return send(method, path, parameters, contentType, body, headers, DOCUMENTS, "1.0.3");
    }

    private HttpResponse<String> send(String method, String path, Map<String, String> parameters, String contentType, String body,
            Map<String, String> headers, String authorization, String version) throws Exception {
        StringBuilder query = new StringBuilder();
        parameters.forEach((name, value) -> query.append(query.isEmpty() ? "?" : "&").append(name).append('=').append(encoded(value)));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path + query))
                .header("Authorization", authorization).header(XapiVersion.HEADER, version)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) request.header("Content-Type", contentType);
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> raw(String method, String pathAndQuery, String contentType, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + pathAndQuery)).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

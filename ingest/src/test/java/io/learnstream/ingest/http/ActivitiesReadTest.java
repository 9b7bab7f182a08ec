package io.learnstream.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.learnstream.ingest.auth.Principal;
import io.learnstream.ingest.auth.Scope;
import io.learnstream.ingest.lrs.ActivityReader;
import io.learnstream.ingest.lrs.ArchivedStatement;
import io.learnstream.ingest.lrs.PagePosition;
import io.learnstream.ingest.lrs.StatementPage;
import io.learnstream.ingest.lrs.StatementQuery;
import io.learnstream.ingest.lrs.StubArchive;
import io.learnstream.ingest.xapi.XapiVersion;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /xAPI/activities}: the Activity as the caller's district last defined it, behind the version and credentials. */
class ActivitiesReadTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String QUIZ = "http://example.org/quizzes/fractions-1";
    private static final String STATEMENT = "{\"id\":\"7ac1c5a4-7fb4-4a5c-9f0e-3a5f7d1c2b90\",\"object\":{\"objectType\":\"Activity\",\"id\":\""
            + QUIZ + "\",\"definition\":{\"name\":{\"en-US\":\"Fractions quiz\"}}}}";

    private static final String WRITE_ONLY = "Basic write-only";

    private final HttpClient http = HttpClient.newHttpClient();
    private IngestServer server;
    private String askedTenant;

    @BeforeEach
    void start() {
        StubArchive archive = new StubArchive(FrontDoorFixture.NOW) {
            @Override
            public StatementPage query(String tenantId, StatementQuery query, Optional<PagePosition> after, Instant storedThrough) {
                askedTenant = tenantId;
                return new StatementPage(List.of(new ArchivedStatement("7ac1c5a4-7fb4-4a5c-9f0e-3a5f7d1c2b90", FrontDoorFixture.NOW, STATEMENT)), false);
            }
        };
        server = new FrontDoorFixture().server()
                .activities(new ActivityReader(archive))
                .authentication(header -> WRITE_ONLY.equals(header)
                        ? new Principal("demo", "quiz-app", "ls_quiz", Set.of(Scope.STATEMENTS_WRITE))
                        : FrontDoorFixture.authenticate(header))
                .build()
                .start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void shouldAnswerTheActivityWithTheDefinitionOfTheCallersDistrict() throws Exception {
        HttpResponse<String> answer = send("GET", "?activityId=" + encoded(QUIZ), "2.0.0", FrontDoorFixture.READER);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(answer.headers().firstValue(XapiVersion.HEADER)).hasValue("2.0.0");
        JsonNode activity = JSON.readTree(answer.body());
        assertThat(activity.get("id").asText()).isEqualTo(QUIZ);
        assertThat(activity.at("/definition/name/en-US").asText()).isEqualTo("Fractions quiz");
        assertThat(askedTenant).isEqualTo("demo");
    }

    @Test
    void shouldAnswerHeadWithTheStatusAndHeadersOfGet() throws Exception {
        HttpResponse<String> get = send("GET", "?activityId=" + encoded(QUIZ), "1.0.3", FrontDoorFixture.READER);
        HttpResponse<String> head = send("HEAD", "?activityId=" + encoded(QUIZ), "1.0.3", FrontDoorFixture.READER);

        assertThat(head.statusCode()).isEqualTo(get.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Type")).isEqualTo(get.headers().firstValue("Content-Type"));
        assertThat(head.headers().firstValue("Content-Length")).isEqualTo(get.headers().firstValue("Content-Length"))
                .hasValue(String.valueOf(get.body().getBytes(StandardCharsets.UTF_8).length));
    }

    @Test
    void shouldAnswer403ToACredentialThatMayOnlyWrite() throws Exception {
        HttpResponse<String> answer = send("GET", "?activityId=" + encoded(QUIZ), "1.0.3", WRITE_ONLY);

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(answer.body()).get("message").asText()).contains("statements/read");
        assertThat(askedTenant).isNull();
    }

    @Test
    void shouldAnswer401WithoutCredentialsAnd400WithoutAVersion() throws Exception {
        HttpResponse<String> anonymous = send("GET", "?activityId=" + encoded(QUIZ), "1.0.3", null);
        HttpResponse<String> unversioned = send("GET", "?activityId=" + encoded(QUIZ), null, FrontDoorFixture.READER);

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(unversioned.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(unversioned.body()).get("error").asText()).isEqualTo("missing_version");
        assertThat(askedTenant).isNull();
    }

    @Test
    void shouldAnswer400NamingTheParameterForAnActivityIdThatIsNoIri() throws Exception {
        HttpResponse<String> answer = send("GET", "?activityId=fractions", "1.0.3", FrontDoorFixture.READER);

        assertThat(answer.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(answer.body());
        assertThat(error.get("error").asText()).isEqualTo("invalid_query");
        assertThat(error.get("path").asText()).isEqualTo("activityId");
        assertThat(error.get("message").asText()).contains("absolute IRI");
    }

    @Test
    void shouldAnswerTheAlternateRequestSyntaxAsThePlainGet() throws Exception {
        String form = "X-Experience-API-Version=1.0.3&Authorization=" + encoded(FrontDoorFixture.READER) + "&activityId=" + encoded(QUIZ);
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + IngestServer.ACTIVITIES_PATH + "?method=GET"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(answer.body())).isEqualTo(JSON.readTree(send("GET", "?activityId=" + encoded(QUIZ), "1.0.3", FrontDoorFixture.READER).body()));
    }

    @Test
    void shouldAnswer400ToAnAlternateRequestThatBreaksItsRules() throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + IngestServer.ACTIVITIES_PATH
                        + "?method=GET&activityId=" + encoded(QUIZ)))
                .header("Content-Type", "application/x-www-form-urlencoded").header(XapiVersion.HEADER, "1.0.3")
                .POST(HttpRequest.BodyPublishers.ofString("Authorization=" + encoded(FrontDoorFixture.READER))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(answer.body()).get("error").asText()).isEqualTo("alternate_request_syntax");
        assertThat(JSON.readTree(answer.body()).get("message").asText()).contains("no query parameter but one method");
        assertThat(askedTenant).isNull();
    }

    private HttpResponse<String> send(String method, String query, String version, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + IngestServer.ACTIVITIES_PATH + query))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (version != null) request.header(XapiVersion.HEADER, version);
        if (authorization != null) request.header("Authorization", authorization);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

package io.learnstream.app.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.learnstream.ingest.auth.IssuedCredential;
import io.learnstream.ingest.auth.Scope;
import io.learnstream.schemas.testing.SharedDatasets;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The LRS on the running embedded stack: what tools and districts see over HTTP. */
class LrsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration BOUND = Duration.ofSeconds(90);

    @TempDir
    Path dataDir;

    @Test
    void shouldReadAStoredStatementBackByIdAndByQuery() throws Exception {
        try (RunningStack lrs = RunningStack.start(dataDir)) {
            String id = UUID.randomUUID().toString();
            assertThat(lrs.post(statement(id, "ann", "http://adlnet.gov/expapi/verbs/completed")).statusCode()).isEqualTo(200);

            // read your writes: the instance that stored it answers at once, waiting for its archive if need be
            HttpResponse<String> byId = lrs.get("?statementId=" + id);
            assertThat(byId.statusCode()).isEqualTo(200);
            JsonNode stored = JSON.readTree(byId.body());
            assertThat(stored.get("id").asText()).isEqualTo(id);
            assertThat(stored.get("stored").asText()).isNotBlank();
            assertThat(stored.get("authority").get("account").get("name").asText()).isEqualTo(lrs.credential.key());
            assertThat(byId.headers().firstValue("X-Experience-API-Consistent-Through")).isPresent();

            // HEAD answers as GET without the body; the alternate request syntax (a form POST) reads as GET does
            HttpResponse<String> head = lrs.head("?statementId=" + id);
            assertThat(head.statusCode()).isEqualTo(200);
            assertThat(head.body()).isEmpty();
            assertThat(head.headers().firstValue("Last-Modified")).isEqualTo(byId.headers().firstValue("Last-Modified")).isPresent();
            assertThat(head.headers().firstValue("Content-Length")).hasValue(Integer.toString(byId.body().getBytes(StandardCharsets.UTF_8).length));
            assertThat(lrs.head("?statementId=" + UUID.randomUUID()).statusCode()).isEqualTo(404);
            HttpResponse<String> alternate = lrs.alternate("GET", "statementId=" + id);
            assertThat(alternate.statusCode()).as(alternate.body()).isEqualTo(200);
            assertThat(JSON.readTree(alternate.body()).get("id").asText()).isEqualTo(id);

            // listings show what the archive holds up to its Consistent-Through time: wait for it, as xAPI clients do
            await().atMost(BOUND).untilAsserted(() -> {
                HttpResponse<String> query = lrs.get("?verb=" + "http://adlnet.gov/expapi/verbs/completed" + "&limit=10");
                assertThat(query.statusCode()).isEqualTo(200);
                assertThat(JSON.readTree(query.body()).get("statements").findValuesAsText("id")).contains(id);
            });
            assertThat(lrs.get("?verb=not-an-iri").statusCode()).isEqualTo(400);
        }
    }

    @Test
    void shouldHideAVoidedStatementAndServeItAsVoided() throws Exception {
        try (RunningStack lrs = RunningStack.start(dataDir)) {
            String target = UUID.randomUUID().toString();
            assertThat(lrs.post(statement(target, "ann", "http://adlnet.gov/expapi/verbs/attempted")).statusCode()).isEqualTo(200);
            String voiding = "{\"actor\":{\"mbox\":\"mailto:teacher@example.org\"},\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/voided\"},"
                    + "\"object\":{\"objectType\":\"StatementRef\",\"id\":\"" + target + "\"}}";
            assertThat(lrs.post(voiding).statusCode()).isEqualTo(200);

            await().atMost(BOUND).until(() -> lrs.get("?voidedStatementId=" + target).statusCode() == 200);
            assertThat(lrs.get("?statementId=" + target).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void shouldNeverShowOneDistrictAnotherDistrictsStatements() throws Exception {
        try (RunningStack lrs = RunningStack.start(dataDir)) {
            String id = UUID.randomUUID().toString();
            assertThat(lrs.post(statement(id, "ann", "http://adlnet.gov/expapi/verbs/completed")).statusCode()).isEqualTo(200);
            await().atMost(BOUND).until(() -> lrs.get("?statementId=" + id).statusCode() == 200);

            var directory = lrs.stack.pipeline().directory();
            directory.districts().createIfAbsent("lakeside", "Lakeside USD");
            IssuedCredential other = directory.credentials().add("lakeside", "dashboard", Set.of(Scope.ALL));

            assertThat(lrs.get("?statementId=" + id, other.authorizationHeader()).statusCode()).isEqualTo(404);
            JsonNode everything = JSON.readTree(lrs.get("?limit=0", other.authorizationHeader()).body());
            assertThat(everything.get("statements")).isEmpty();
            assertThat(lrs.get("?statementId=" + id, "Basic " + java.util.Base64.getEncoder()
                    .encodeToString((other.key() + ":wrong").getBytes(StandardCharsets.UTF_8))).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void shouldAcceptARepeatedStatementOnceAndRefuseOtherContentAcrossARestart() throws Exception {
        String id = UUID.randomUUID().toString();
        String original = statement(id, "ann", "http://adlnet.gov/expapi/verbs/completed");
        try (RunningStack lrs = RunningStack.start(dataDir)) {
            assertThat(lrs.post(original).statusCode()).isEqualTo(200);
            await().atMost(BOUND).until(() -> lrs.get("?statementId=" + id).statusCode() == 200 && lrs.engagementEvents() == 1);
        }

        try (RunningStack lrs = RunningStack.start(dataDir)) {
            // the same statement again: accepted, counted once
            assertThat(lrs.post(original).statusCode()).isEqualTo(200);
            // the same id with other content: refused
            HttpResponse<String> conflict = lrs.post(original.replace("mailto:ann@", "mailto:bob@"));
            assertThat(conflict.statusCode()).isEqualTo(409);

            String marker = UUID.randomUUID().toString();
            assertThat(lrs.post(statement(marker, "cleo", "http://adlnet.gov/expapi/verbs/completed")).statusCode()).isEqualTo(200);
            await().atMost(BOUND).until(() -> lrs.engagementEvents() == 2);
            assertThat(lrs.engagementEvents()).as("the repeated statement is not counted twice").isEqualTo(2);
        }
    }

    @Test
    void shouldTurnCaliperEventsIntoEngagement() throws Exception {
        try (RunningStack lrs = RunningStack.start(dataDir)) {
            String envelope = "{\"sensor\":\"https://example.edu/sensors/1\",\"sendTime\":\"2026-09-07T09:30:00.000Z\","
                    + "\"dataVersion\":\"http://purl.imsglobal.org/ctx/caliper/v1p2\",\"data\":[" + viewEvent("09:00") + "," + viewEvent("09:12") + "]}";

            HttpResponse<String> response = lrs.post("/caliper", envelope, lrs.credential.authorizationHeader());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(response.body()).get("accepted").asInt()).isEqualTo(2);
            await().atMost(BOUND).until(() -> lrs.engagementEvents() == 2);
            assertThat(lrs.stack.store().query("SELECT sessions, active_minutes FROM engagement_daily").rows())
                    .containsExactly(List.of("1", "12"));
            assertThat(lrs.post("/caliper", envelope.replace("v1p2\",\"data", "v9\",\"data"), lrs.credential.authorizationHeader())
                    .statusCode()).isEqualTo(422);
        }
    }

    @Test
    void shouldAcceptEveryRalphVideoStatementAndCountEachOnce() throws Exception {
        try (RunningStack lrs = RunningStack.start(dataDir)) {
            List<String> batch = new ArrayList<>();
            int accepted = 0;
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                    Files.newInputStream(SharedDatasets.path("xapi/ralph-video-statements.json.gz"))), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    batch.add(line);
                    if (batch.size() == 500) accepted += postAll(lrs, batch);
                }
            }
            if (!batch.isEmpty()) accepted += postAll(lrs, batch);

            assertThat(accepted).isEqualTo(22_000);
            // every statement reaches Kafka and becomes exactly one learning event
            await().atMost(BOUND).until(() -> lrs.engagementEvents() == 22_000);
            assertThat(lrs.stack.store().query("SELECT uniqExact(student_key) FROM engagement_daily").singleLong()).isEqualTo(1_452);
            assertThat(lrs.stack.store().query("SELECT count() FROM xapi_statements").singleLong()).isEqualTo(22_000);
        }
    }

    private static int postAll(RunningStack lrs, List<String> batch) throws Exception {
        HttpResponse<String> response = lrs.post("[" + String.join(",", batch) + "]");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        int n = JSON.readTree(response.body()).size();
        batch.clear();
        return n;
    }

    private static String viewEvent(String time) {
        return "{\"@context\":\"http://purl.imsglobal.org/ctx/caliper/v1p2\",\"id\":\"urn:uuid:" + UUID.randomUUID() + "\","
                + "\"type\":\"ViewEvent\",\"actor\":{\"id\":\"https://example.edu/users/554433\",\"type\":\"Person\"},"
                + "\"action\":\"Viewed\",\"object\":{\"id\":\"https://example.edu/etexts/201\",\"type\":\"Document\"},"
                + "\"eventTime\":\"2026-09-07T" + time + ":00.000Z\","
                + "\"group\":{\"id\":\"https://example.edu/terms/201801/courses/7/sections/1\",\"type\":\"CourseSection\"}}";
    }

    private static String statement(String id, String student, String verb) {
        return "{\"id\":\"" + id + "\",\"actor\":{\"mbox\":\"mailto:" + student + "@example.org\"},\"verb\":{\"id\":\"" + verb + "\"},"
                + "\"object\":{\"id\":\"https://lms.example.org/modules/3\"},\"timestamp\":\"" + Instant.parse("2026-09-07T09:00:00Z") + "\","
                + "\"context\":{\"contextActivities\":{\"grouping\":[{\"id\":\"https://sis.example.org/classes/algebra-1\"}]}}}";
    }
}

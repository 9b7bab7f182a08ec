package io.learnstream.app.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.learnstream.ingest.attachments.AttachmentPart;
import io.learnstream.ingest.attachments.MultipartStatementReader;
import io.learnstream.ingest.attachments.MultipartStatementRequest;
import io.learnstream.ingest.attachments.Sha2;
import io.learnstream.ingest.auth.IssuedCredential;
import io.learnstream.ingest.auth.Scope;
import io.learnstream.schemas.topic.Topics;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Statements with attachment data on the running embedded stack: sent as multipart/mixed, read back with attachments=true. */
class AttachmentsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration BOUND = Duration.ofSeconds(90);
    private static final String BOUNDARY = "attachments-it-boundary";
    private static final byte[] ESSAY = "Photosynthesis turns light into sugar.\r\n--not a boundary\r\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dataDir;

    @Test
    void shouldGiveBackAStatementsAttachmentDataWithAttachmentsTrueAndKeepItToItsDistrict() throws Exception {
        try (RunningStack lrs = RunningStack.start(dataDir)) {
            // given a statement with an essay and a binary drawing, sent as multipart/mixed
            byte[] drawing = new byte[64 * 1024];
            new Random(3).nextBytes(drawing);
            String id = UUID.randomUUID().toString();
            String statement = statement(id, attachment("text/plain; charset=utf-8", ESSAY), attachment("image/png", drawing));

            // when
            HttpResponse<String> posted = post(lrs, lrs.credential.authorizationHeader(), multipart(statement,
                    part("text/plain", ESSAY), part("image/png", drawing)));

            // then the ids, and the statement with both attachments' data when read with attachments=true
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
            assertThat(JSON.readTree(posted.body()).get(0).asText()).isEqualTo(id);
            MultipartStatementRequest read = awaitWithData(lrs, "?statementId=" + id + "&attachments=true", lrs.credential.authorizationHeader(), 2);
            assertThat(JSON.readTree(read.json()).get("id").asText()).isEqualTo(id);
            assertThat(read.parts()).extracting(AttachmentPart::sha2).containsExactly(sha256(ESSAY), sha256(drawing));
            assertThat(read.parts()).extracting(AttachmentPart::contentType).containsExactly("text/plain", "image/png");
            assertThat(read.parts().get(0).content()).isEqualTo(ESSAY);
            assertThat(read.parts().get(1).content()).isEqualTo(drawing);

            // and a StatementResult with attachments=true carries the data too, once the listing shows the statement
            await().atMost(BOUND).untilAsserted(() -> {
                MultipartStatementRequest page = get(lrs, "?attachments=true&limit=10", lrs.credential.authorizationHeader());
                assertThat(JSON.readTree(page.json()).get("statements").findValuesAsText("id")).contains(id);
                assertThat(page.parts()).extracting(AttachmentPart::sha2).containsExactlyInAnyOrder(sha256(ESSAY), sha256(drawing));
            });

            // and another district that references the same SHA-2 (with a fileUrl) never gets the first district's data
            var directory = lrs.stack.pipeline().directory();
            directory.districts().createIfAbsent("lakeside", "Lakeside USD");
            IssuedCredential lakeside = directory.credentials().add("lakeside", "lms", Set.of(Scope.ALL));
            String theirs = UUID.randomUUID().toString();
            String byUrl = attachment("text/plain", ESSAY).replace("}", ",\"fileUrl\":\"https://lakeside.example.org/essay.txt\"}");
            HttpResponse<String> theirPost = HTTP.send(HttpRequest.newBuilder(URI.create(lrs.stack.ingestUrl() + "/xAPI/statements"))
                    .header("Content-Type", "application/json").header("X-Experience-API-Version", "1.0.3")
                    .header("Authorization", lakeside.authorizationHeader())
                    .POST(HttpRequest.BodyPublishers.ofString(statement(theirs, byUrl))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(theirPost.statusCode()).as(theirPost.body()).isEqualTo(200);
            MultipartStatementRequest theirRead = awaitWithData(lrs, "?statementId=" + theirs + "&attachments=true", lakeside.authorizationHeader(), 0);
            assertThat(theirRead.parts()).isEmpty();
        }
    }

    @Test
    void shouldStoreTheSameDataPostedTwiceOnce() throws Exception {
        try (RunningStack lrs = RunningStack.start(dataDir)) {
            // given the same essay attached to two statements, in two requests
            String first = UUID.randomUUID().toString();
            String second = UUID.randomUUID().toString();
            for (String id : List.of(first, second)) {
                HttpResponse<String> posted = post(lrs, lrs.credential.authorizationHeader(),
                        multipart(statement(id, attachment("text/plain", ESSAY)), part("text/plain", ESSAY)));
                assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
            }

            // when both statements can be read with their data
            for (String id : List.of(first, second)) {
                MultipartStatementRequest read = awaitWithData(lrs, "?statementId=" + id + "&attachments=true", lrs.credential.authorizationHeader(), 1);
                assertThat(read.parts().getFirst().content()).isEqualTo(ESSAY);
            }

            // then the data is in the archive once, and on the topic once
            assertThat(lrs.stack.store().query("SELECT count() FROM xapi_attachments WHERE sha2 = '" + sha256(ESSAY) + "'").singleLong())
                    .isEqualTo(1);
            assertThat(lrs.stack.store().query("SELECT count() FROM xapi_statements").singleLong()).isEqualTo(2);
        }
    }

    private static MultipartStatementRequest awaitWithData(RunningStack lrs, String query, String authorization, int parts) {
        MultipartStatementRequest[] read = new MultipartStatementRequest[1];
        await().atMost(BOUND).untilAsserted(() -> {
            read[0] = get(lrs, query, authorization);
            assertThat(read[0].parts()).hasSize(parts);
        });
        return read[0];
    }

    private static MultipartStatementRequest get(RunningStack lrs, String query, String authorization) throws Exception {
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(lrs.stack.ingestUrl() + "/xAPI/statements" + query))
                .header("X-Experience-API-Version", "1.0.3").header("Authorization", authorization).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        String contentType = response.headers().firstValue("Content-Type").orElseThrow();
        assertThat(contentType).startsWith("multipart/mixed; boundary=");
        // the answer is in the transmission format of requests: the reader checks every part's hash
        return new MultipartStatementReader(Topics.MAX_ATTACHMENT_BYTES).read(contentType, response.body());
    }

    private static HttpResponse<String> post(RunningStack lrs, String authorization, byte[] body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(lrs.stack.ingestUrl() + "/xAPI/statements"))
                .header("Content-Type", "multipart/mixed; boundary=" + BOUNDARY).header("X-Experience-API-Version", "1.0.3")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private record Part(String contentType, byte[] content) {}

    private static Part part(String contentType, byte[] content) {
        return new Part(contentType, content);
    }

    private static byte[] multipart(String statement, Part... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Type: application/json\r\n\r\n" + statement).getBytes(StandardCharsets.UTF_8));
        for (Part part : parts) {
            out.writeBytes(("\r\n--" + BOUNDARY + "\r\nContent-Type: " + part.contentType() + "\r\nContent-Transfer-Encoding: binary\r\n"
                    + "X-Experience-API-Hash: " + sha256(part.content()) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(part.content());
        }
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static String attachment(String contentType, byte[] content) {
        return "{\"usageType\":\"https://lms.example.org/usage/submission\",\"display\":{\"en-US\":\"submission\"},\"contentType\":\""
                + contentType + "\",\"length\":" + content.length + ",\"sha2\":\"" + sha256(content) + "\"}";
    }

    private static String statement(String id, String... attachments) {
        return "{\"id\":\"" + id + "\",\"actor\":{\"mbox\":\"mailto:ann@example.org\"},\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/completed\"},"
                + "\"object\":{\"id\":\"https://lms.example.org/essays/7\"},\"timestamp\":\"2026-09-07T09:00:00Z\","
                + "\"context\":{\"contextActivities\":{\"grouping\":[{\"id\":\"https://sis.example.org/classes/biology-1\"}]}},"
                + "\"attachments\":[" + String.join(",", attachments) + "]}";
    }

    private static String sha256(byte[] content) {
        return Sha2.digest("SHA-256", content);
    }
}

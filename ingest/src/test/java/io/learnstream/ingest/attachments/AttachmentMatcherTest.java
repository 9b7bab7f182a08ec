package io.learnstream.ingest.attachments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttachmentMatcherTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] ESSAY = "my essay on photosynthesis".getBytes(StandardCharsets.UTF_8);
    private static final byte[] PHOTO = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @Test
    void shouldMatchEachPartToTheAttachmentDeclaringItsSha2() throws Exception {
        // given
        JsonNode statement = statement(attachment("text/plain; charset=utf-8", ESSAY, null), attachment("image/png", PHOTO, null));

        // when
        AttachmentMatcher.Matched matched = AttachmentMatcher.match(statement, List.of(part(1, "image/png", PHOTO), part(2, null, ESSAY)));

        // then the data in part order, with the part's content type or else the declared one
        assertThat(matched.contents()).extracting(AttachmentContent::sha2).containsExactly(sha256(PHOTO), sha256(ESSAY));
        assertThat(matched.contents()).extracting(AttachmentContent::contentType).containsExactly("image/png", "text/plain; charset=utf-8");
        assertThat(matched.signatures()).isEmpty();
    }

    @Test
    void shouldKeepDataThatTwoStatementsOfABatchDeclareOnce() throws Exception {
        // given
        JsonNode batch = JSON.readTree("[" + statement(attachment("text/plain", ESSAY, null)) + "," + statement(attachment("text/plain", ESSAY, null)) + "]");

        // when
        AttachmentMatcher.Matched matched = AttachmentMatcher.match(batch, List.of(part(1, "text/plain", ESSAY)));

        // then
        assertThat(matched.contents()).singleElement().extracting(AttachmentContent::content).isEqualTo(ESSAY);
    }

    @Test
    void shouldAcceptAnAttachmentWithAFileUrlAndNoPart() throws Exception {
        // when
        AttachmentMatcher.Matched matched = AttachmentMatcher.match(statement(attachment("text/plain", ESSAY, "https://lms.example.org/essays/7")), List.of());

        // then
        assertThat(matched.contents()).isEmpty();
    }

    @Test
    void shouldRejectAnAttachmentWithNeitherFileUrlNorPart() throws Exception {
        // given a JSON request (no parts) declaring data it does not carry
        JsonNode batch = JSON.readTree("[" + statement() + "," + statement(attachment("text/plain", ESSAY, null)) + "]");

        // when
        AttachmentRejectedException rejected = catchThrowableOfType(AttachmentRejectedException.class, () -> AttachmentMatcher.match(batch, List.of()));

        // then
        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.path()).isEqualTo("statements[1].attachments[0].sha2");
        assertThat(rejected.rule()).contains("no fileUrl and no multipart/mixed part").contains(sha256(ESSAY));
    }

    @Test
    void shouldRejectAPartThatNoAttachmentDeclares() throws Exception {
        // given
        JsonNode statement = statement(attachment("text/plain", ESSAY, null));

        // when
        AttachmentRejectedException rejected = catchThrowableOfType(AttachmentRejectedException.class,
                () -> AttachmentMatcher.match(statement, List.of(part(1, "text/plain", ESSAY), part(2, "image/png", PHOTO))));

        // then
        assertThat(rejected.path()).isEqualTo("parts[2]");
        assertThat(rejected.rule()).contains("is the data of no attachment").contains(sha256(PHOTO));
    }

    @Test
    void shouldTakeTheDataItsSha2NamesWhateverLengthIsDeclared() throws Exception {
        // given a declared length one octet off: the SHA-2 vouches for the data, the length is the tool's claim
        JsonNode statement = statement(attachment("text/plain", ESSAY, null).replace("\"length\":" + ESSAY.length, "\"length\":" + (ESSAY.length + 1)));

        // when
        AttachmentMatcher.Matched matched = AttachmentMatcher.match(statement, List.of(part(1, "text/plain", ESSAY)));

        // then the data kept is the part's, as sent
        assertThat(matched.contents()).singleElement().satisfies(content -> assertThat(content.content()).isEqualTo(ESSAY));
    }

    @Test
    void shouldRejectAPartContentTypeNamingAnotherMediaType() throws Exception {
        // given
        JsonNode statement = statement(attachment("text/plain", ESSAY, null));

        // when
        AttachmentRejectedException rejected = catchThrowableOfType(AttachmentRejectedException.class,
                () -> AttachmentMatcher.match(statement, List.of(part(1, "application/pdf", ESSAY))));

        // then
        assertThat(rejected.path()).isEqualTo("attachments[0].contentType");
        assertThat(rejected.rule()).contains("application/pdf");
    }

    @Test
    void shouldAcceptAPartContentTypeWithOtherParametersOfTheSameMediaType() throws Exception {
        // given the specification's own example: declared with a charset, the part without
        JsonNode statement = statement(attachment("text/plain; charset=ascii", ESSAY, null));

        // when
        AttachmentMatcher.Matched matched = AttachmentMatcher.match(statement, List.of(part(1, "TEXT/PLAIN", ESSAY)));

        // then
        assertThat(matched.contents()).hasSize(1);
    }

    @Test
    void shouldRequireTheJwsOfASignatureAsAPartEvenWithAFileUrl() throws Exception {
        // given
        JsonNode statement = statement(attachment("application/octet-stream", "a.b.c".getBytes(StandardCharsets.US_ASCII), "https://lms.example.org/sig")
                .replace("https://example.org/usage/essay", AttachmentMatcher.SIGNATURE));

        // when
        AttachmentRejectedException rejected = catchThrowableOfType(AttachmentRejectedException.class, () -> AttachmentMatcher.match(statement, List.of()));

        // then
        assertThat(rejected.path()).isEqualTo("attachments[0].sha2");
        assertThat(rejected.rule()).contains("signature").contains("verify");
    }

    @Test
    void shouldHandTheSignaturePartOverForVerificationWithItsStatement() throws Exception {
        // given
        byte[] jws = "header.payload.signature".getBytes(StandardCharsets.US_ASCII);
        JsonNode statement = statement(attachment("application/octet-stream", jws, null).replace("https://example.org/usage/essay", AttachmentMatcher.SIGNATURE));

        // when
        AttachmentMatcher.Matched matched = AttachmentMatcher.match(statement, List.of(part(1, "application/octet-stream", jws)));

        // then
        assertThat(matched.signatures()).singleElement().satisfies(signature -> {
            assertThat(signature.path()).isEqualTo("attachments[0]");
            assertThat(signature.statement()).isSameAs(statement);
            assertThat(signature.jws()).isEqualTo(jws);
        });
    }

    static String attachment(String contentType, byte[] content, String fileUrl) {
        return "{\"usageType\":\"https://example.org/usage/essay\",\"display\":{\"en-US\":\"an attachment\"},\"contentType\":\"" + contentType
                + "\",\"length\":" + content.length + ",\"sha2\":\"" + sha256(content) + "\"" + (fileUrl == null ? "" : ",\"fileUrl\":\"" + fileUrl + "\"") + "}";
    }

    private static JsonNode statement(String... attachments) throws Exception {
        return JSON.readTree("{\"actor\":{\"mbox\":\"mailto:ann@example.org\"},\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/completed\"},"
                + "\"object\":{\"id\":\"https://lms.example.org/essays\"}" + (attachments.length == 0 ? "" : ",\"attachments\":[" + String.join(",", attachments) + "]") + "}");
    }

    private static AttachmentPart part(int index, String contentType, byte[] content) {
        return new AttachmentPart(index, contentType, sha256(content), content);
    }

    private static String sha256(byte[] content) {
        return Sha2.digest("SHA-256", content);
    }
}

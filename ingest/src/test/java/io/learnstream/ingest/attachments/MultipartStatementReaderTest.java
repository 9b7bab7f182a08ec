package io.learnstream.ingest.attachments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MultipartStatementReaderTest {
    private static final String STATEMENT = "{\"actor\":{\"mbox\":\"mailto:ann@example.org\"}}";
    private static final byte[] TEXT = "here is a simple attachment".getBytes(StandardCharsets.US_ASCII);
    private final MultipartStatementReader reader = new MultipartStatementReader(1_000);

    @Test
    void shouldTakeTheSpecificationsExampleApartIntoTheStatementsAndTheAttachmentData() {
        // given the example of xAPI Communication 1.5.2, boundary characters and all
        String boundary = "abcABC0123'()+_,-./:=?";
        String body = "--" + boundary + "\r\nContent-Type:application/json\r\n\r\n" + STATEMENT + "\r\n"
                + "--" + boundary + "\r\nContent-Type:text/plain\r\nContent-Transfer-Encoding:binary\r\n"
                + "X-Experience-API-Hash:495395e777cd98da653df9615d09c0fd6bb2f8d4788394cd53c56a3bfdcd848a\r\n\r\n"
                + "here is a simple attachment\r\n--" + boundary + "--";

        // when
        MultipartStatementRequest request = reader.read("multipart/mixed; boundary=\"" + boundary + "\"", body.getBytes(StandardCharsets.US_ASCII));

        // then
        assertThat(new String(request.json(), StandardCharsets.UTF_8)).isEqualTo(STATEMENT);
        assertThat(request.parts()).singleElement().satisfies(part -> {
            assertThat(part.index()).isEqualTo(1);
            assertThat(part.contentType()).isEqualTo("text/plain");
            assertThat(part.sha2()).isEqualTo("495395e777cd98da653df9615d09c0fd6bb2f8d4788394cd53c56a3bfdcd848a");
            assertThat(part.content()).isEqualTo(TEXT);
        });
    }

    @Test
    void shouldReadTheConformanceSuitesFormWithAPreambleLineAndNoLineBreakAfterTheCloseDelimiter() {
        // given the body as ADL's conformance suite builds it: a leading CRLF, no space after colons, no final CRLF
        String body = "\r\n--b1\r\nContent-Type:application/json\r\n\r\n" + STATEMENT
                + "\r\n--b1\r\nContent-Type:text/plain\r\nContent-Transfer-Encoding:binary\r\nX-Experience-API-Hash:"
                + MultipartBodies.sha256("here is a simple attachment") + "\r\n\r\nhere is a simple attachment\r\n--b1--";

        // when
        MultipartStatementRequest request = reader.read("multipart/mixed; boundary=b1", body.getBytes(StandardCharsets.US_ASCII));

        // then
        assertThat(new String(request.json(), StandardCharsets.UTF_8)).isEqualTo(STATEMENT);
        assertThat(request.parts()).singleElement().extracting(AttachmentPart::content).isEqualTo(TEXT);
    }

    @Test
    void shouldKeepBinaryDataOctetForOctetIncludingLineBreaksAndLongRunsWithoutThem() {
        // given random octets, CR LF pairs and dashes among them, longer than any header line may be
        byte[] data = new byte[900];
        new Random(7).nextBytes(data);
        data[10] = '\r';
        data[11] = '\n';
        data[12] = '-';
        data[13] = '-';
        byte[] body = MultipartBodies.statements(STATEMENT).attachment("image/png", data).bytes();

        // when
        MultipartStatementRequest request = reader.read(MultipartBodies.CONTENT_TYPE, body);

        // then
        assertThat(request.parts()).singleElement().extracting(AttachmentPart::content).isEqualTo(data);
    }

    @Test
    void shouldAcceptAnUpperCaseSha512HashAndKeepItInLowerCase() {
        // given
        String sha512 = Sha2.digest("SHA-512", TEXT);
        byte[] body = MultipartBodies.statements(STATEMENT).part(Map.of("Content-Type", "text/plain",
                "Content-Transfer-Encoding", "BINARY", "X-Experience-API-Hash", sha512.toUpperCase()), TEXT).bytes();

        // when
        MultipartStatementRequest request = reader.read(MultipartBodies.CONTENT_TYPE, body);

        // then
        assertThat(request.parts()).singleElement().extracting(AttachmentPart::sha2).isEqualTo(sha512);
    }

    @Test
    void shouldRejectAMultipartRequestWithoutItsBoundary() {
        // given
        byte[] body = MultipartBodies.statements(STATEMENT).bytes();

        // when
        AttachmentRejectedException rejected = rejected("multipart/mixed", body);

        // then
        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.path()).isEqualTo("Content-Type");
        assertThat(rejected.rule()).contains("boundary");
    }

    @Test
    void shouldRejectABodyWithNoPartDelimitedByTheBoundary() {
        // when
        AttachmentRejectedException rejected = rejected("multipart/mixed; boundary=elsewhere", MultipartBodies.statements(STATEMENT).bytes());

        // then
        assertThat(rejected.path()).isEqualTo("parts[0]");
        assertThat(rejected.rule()).contains("no part delimited by the boundary 'elsewhere'");
    }

    @Test
    void shouldRejectAFirstPartThatIsNotJson() {
        // given
        MultipartBodies parts = new MultipartBodies().part(Map.of("Content-Type", "text/plain"), STATEMENT.getBytes(StandardCharsets.UTF_8));

        // when
        AttachmentRejectedException rejected = rejected(MultipartBodies.CONTENT_TYPE, parts.bytes());

        // then
        assertThat(rejected.path()).isEqualTo("parts[0].Content-Type");
        assertThat(rejected.rule()).contains("must be application/json").contains("text/plain");
    }

    @Test
    void shouldRejectAnAttachmentPartWithoutItsHash() {
        // given
        byte[] body = MultipartBodies.statements(STATEMENT)
                .part(Map.of("Content-Type", "text/plain", "Content-Transfer-Encoding", "binary"), TEXT).bytes();

        // when
        AttachmentRejectedException rejected = rejected(MultipartBodies.CONTENT_TYPE, body);

        // then
        assertThat(rejected.path()).isEqualTo("parts[1].X-Experience-API-Hash");
        assertThat(rejected.rule()).contains("is required");
    }

    @Test
    void shouldRejectAHashThatIsNotTheSha2OfThePartsData() {
        // given the hash of other data
        byte[] body = MultipartBodies.statements(STATEMENT).part(Map.of("Content-Type", "text/plain", "Content-Transfer-Encoding", "binary",
                "X-Experience-API-Hash", MultipartBodies.sha256("other data")), TEXT).bytes();

        // when
        AttachmentRejectedException rejected = rejected(MultipartBodies.CONTENT_TYPE, body);

        // then
        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.path()).isEqualTo("parts[1].X-Experience-API-Hash");
        assertThat(rejected.rule()).contains("the SHA-256 of the part's 27 octets is " + Sha2.digest("SHA-256", TEXT));
    }

    @Test
    void shouldRejectAHashThatIsNoSha2Digest() {
        // given a SHA-1 digest
        byte[] body = MultipartBodies.statements(STATEMENT).part(Map.of("Content-Type", "text/plain", "Content-Transfer-Encoding", "binary",
                "X-Experience-API-Hash", Sha2.digest("SHA-1", TEXT)), TEXT).bytes();

        // when
        AttachmentRejectedException rejected = rejected(MultipartBodies.CONTENT_TYPE, body);

        // then
        assertThat(rejected.path()).isEqualTo("parts[1].X-Experience-API-Hash");
        assertThat(rejected.rule()).contains("56, 64, 96 or 128 hexadecimal digits");
    }

    @Test
    void shouldRejectAnAttachmentPartWithoutContentTransferEncoding() {
        // given
        byte[] body = MultipartBodies.statements(STATEMENT).part(Map.of("Content-Type", "text/plain",
                "X-Experience-API-Hash", Sha2.digest("SHA-256", TEXT)), TEXT).bytes();

        // when
        AttachmentRejectedException rejected = rejected(MultipartBodies.CONTENT_TYPE, body);

        // then
        assertThat(rejected.path()).isEqualTo("parts[1].Content-Transfer-Encoding");
        assertThat(rejected.rule()).contains("is required").contains("binary");
    }

    @Test
    void shouldRejectAnEncodingOtherThanBinary() {
        // given
        byte[] body = MultipartBodies.statements(STATEMENT).part(Map.of("Content-Type", "text/plain", "Content-Transfer-Encoding", "base64",
                "X-Experience-API-Hash", Sha2.digest("SHA-256", TEXT)), TEXT).bytes();

        // when
        AttachmentRejectedException rejected = rejected(MultipartBodies.CONTENT_TYPE, body);

        // then
        assertThat(rejected.path()).isEqualTo("parts[1].Content-Transfer-Encoding");
        assertThat(rejected.rule()).contains("must be binary").contains("base64");
    }

    @Test
    void shouldRejectAContentLengthOtherThanThePartsSize() {
        // given
        byte[] body = MultipartBodies.statements(STATEMENT).part(Map.of("Content-Type", "text/plain", "Content-Transfer-Encoding", "binary",
                "X-Experience-API-Hash", Sha2.digest("SHA-256", TEXT), "Content-Length", "28"), TEXT).bytes();

        // when
        AttachmentRejectedException rejected = rejected(MultipartBodies.CONTENT_TYPE, body);

        // then
        assertThat(rejected.path()).isEqualTo("parts[1].Content-Length");
        assertThat(rejected.rule()).contains("holds 27 octets");
    }

    @Test
    void shouldAnswer413ForAnAttachmentPartLargerThanTheLimit() {
        // given a part one octet over the limit
        byte[] body = MultipartBodies.statements(STATEMENT).attachment("application/octet-stream", new byte[1_001]).bytes();

        // when
        AttachmentRejectedException rejected = rejected(MultipartBodies.CONTENT_TYPE, body);

        // then
        assertThat(rejected.status()).isEqualTo(413);
        assertThat(rejected.path()).isEqualTo("parts[1]");
        assertThat(rejected.rule()).contains("at most 1000 octets");
    }

    @Test
    void shouldAcceptAPartOfExactlyTheLimit() {
        // given
        byte[] body = MultipartBodies.statements(STATEMENT).attachment("application/octet-stream", new byte[1_000]).bytes();

        // when
        MultipartStatementRequest request = reader.read(MultipartBodies.CONTENT_TYPE, body);

        // then
        assertThat(request.parts()).singleElement().extracting(part -> part.content().length).isEqualTo(1_000);
    }

    private AttachmentRejectedException rejected(String contentType, byte[] body) {
        return catchThrowableOfType(AttachmentRejectedException.class, () -> reader.read(contentType, body));
    }
}

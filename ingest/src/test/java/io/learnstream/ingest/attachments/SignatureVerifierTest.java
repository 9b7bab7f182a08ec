package io.learnstream.ingest.attachments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignatureVerifierTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STATEMENT = "{\"id\":\"6690e6c9-3ef0-4ed3-8b37-7f3964730bee\",\"actor\":{\"mbox\":\"mailto:ann@example.org\"},"
            + "\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/passed\"},\"object\":{\"id\":\"https://lms.example.org/exams/final\"},"
            + "\"result\":{\"score\":{\"scaled\":0.95}}}";

    @TempDir
    static Path keys;
    private static TestSigners.Signer signer;
    private static TestSigners.Signer stranger;
    private static KeyPair bare;

    @BeforeAll
    static void makeKeys() throws Exception {
        signer = TestSigners.create(keys, "signer");
        stranger = TestSigners.create(keys, "stranger");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        bare = generator.generateKeyPair();
    }

    @Test
    void shouldAcceptAStatementSignedWithRs256WithoutACertificate() throws Exception {
        // given
        String jws = sign(JWSAlgorithm.RS256, bare.getPrivate(), null, STATEMENT);

        // when / then
        assertThatCode(() -> SignatureVerifier.verify(signature(STATEMENT, jws))).doesNotThrowAnyException();
    }

    @Test
    void shouldAcceptRs256Rs384AndRs512SignaturesThatVerifyWithTheirX5cCertificate() {
        for (JWSAlgorithm algorithm : List.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512)) {
            // given
            String jws = sign(algorithm, signer.key(), signer, STATEMENT);

            // when / then
            assertThatCode(() -> SignatureVerifier.verify(signature(STATEMENT, jws))).as(algorithm.getName()).doesNotThrowAnyException();
        }
    }

    @Test
    void shouldAcceptAReceivedStatementWithWhatTheSignerCouldNotKnowYet() throws Exception {
        // given the statement signed before it had a timestamp, version or attachments, and sent with them
        String jws = sign(JWSAlgorithm.RS256, signer.key(), signer, STATEMENT);
        ObjectNode received = (ObjectNode) JSON.readTree(STATEMENT);
        received.put("timestamp", "2026-09-07T09:00:00Z").put("version", "1.0.3");
        received.putArray("attachments").addObject().put("usageType", AttachmentMatcher.SIGNATURE);

        // when / then
        assertThatCode(() -> SignatureVerifier.verify(new AttachmentMatcher.Signature("attachments[0]", received, ascii(jws))))
                .doesNotThrowAnyException();
    }

    @Test
    void shouldRejectAPayloadThatDiffersFromTheStatement() {
        // given a signature over another verb
        String jws = sign(JWSAlgorithm.RS256, signer.key(), signer, STATEMENT.replace("verbs/passed", "verbs/failed"));

        // when
        AttachmentRejectedException rejected = rejected(signature(STATEMENT, jws));

        // then
        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.path()).isEqualTo("attachments[0]");
        assertThat(rejected.rule()).contains("differs from the statement at 'verb.id'");
    }

    @Test
    void shouldRejectAnAlgorithmOtherThanRs256Rs384OrRs512() throws Exception {
        // given an HMAC signature
        JWSObject hmac = new JWSObject(new JWSHeader(JWSAlgorithm.HS256), new Payload(STATEMENT));
        hmac.sign(new MACSigner(new byte[32]));

        // when
        AttachmentRejectedException rejected = rejected(signature(STATEMENT, hmac.serialize()));

        // then
        assertThat(rejected.path()).isEqualTo("attachments[0]");
        assertThat(rejected.rule()).contains("HS256").contains("RS256, RS384 or RS512");
    }

    @Test
    void shouldRejectASignatureThatDoesNotVerifyWithItsX5cCertificate() {
        // given signed with one key, carrying another's certificate
        String jws = sign(JWSAlgorithm.RS256, stranger.key(), signer, STATEMENT);

        // when
        AttachmentRejectedException rejected = rejected(signature(STATEMENT, jws));

        // then
        assertThat(rejected.path()).isEqualTo("attachments[0]");
        assertThat(rejected.rule()).contains("does not verify with the public key of the first certificate");
    }

    @Test
    void shouldRejectDataThatIsNoJws() {
        // when
        AttachmentRejectedException rejected = rejected(signature(STATEMENT, "not a signature"));

        // then
        assertThat(rejected.rule()).contains("is not a JWS in compact serialization");
    }

    @Test
    void shouldRejectAPayloadThatIsNotJson() {
        // given the conformance suite's broken payload: a quote replaced by an apostrophe
        String jws = sign(JWSAlgorithm.RS256, bare.getPrivate(), null, STATEMENT.replaceFirst("\"", "'"));

        // when
        AttachmentRejectedException rejected = rejected(signature(STATEMENT, jws));

        // then
        assertThat(rejected.rule()).contains("payload that is not JSON");
    }

    private static AttachmentRejectedException rejected(AttachmentMatcher.Signature signature) {
        return catchThrowableOfType(AttachmentRejectedException.class, () -> SignatureVerifier.verify(signature));
    }

    private static AttachmentMatcher.Signature signature(String statement, String jws) {
        try {
            JsonNode received = JSON.readTree(statement);
            return new AttachmentMatcher.Signature("attachments[0]", received, ascii(jws));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static String sign(JWSAlgorithm algorithm, PrivateKey key, TestSigners.Signer certified, String payload) {
        return TestSigners.sign(algorithm, key, certified, payload);
    }
}

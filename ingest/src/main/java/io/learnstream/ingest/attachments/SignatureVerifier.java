package io.learnstream.ingest.attachments;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.Base64;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a signed statement's JWS (xAPI Data 2.6; JOSE by Nimbus JOSE+JWT): it must be a JWS in compact
 * serialization, signed with RS256, RS384 or RS512, whose payload is the statement as JSON, logically equivalent
 * to the statement received ({@link StatementEquivalence}). When its header carries an X.509 chain ({@code x5c}),
 * the signature must verify with the first certificate's public key. Without one the LRS has no key to verify
 * with, and checks the rest. Keys and signatures are never logged.
 */
public final class SignatureVerifier {
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512);
    private static final ObjectMapper JSON = new ObjectMapper();

    private SignatureVerifier() {}

    /** @throws AttachmentRejectedException naming the signature attachment and what is wrong with it */
    public static void verify(AttachmentMatcher.Signature signature) {
        String path = signature.path();
        JWSObject jws;
        try {
            jws = JWSObject.parse(new String(signature.jws(), StandardCharsets.US_ASCII).strip());
        } catch (ParseException e) {
            throw AttachmentRejectedException.invalid(path, "is not a JWS in compact serialization (header.payload.signature): "
                    + e.getMessage());
        }
        JWSAlgorithm algorithm = jws.getHeader().getAlgorithm();
        if (!ALGORITHMS.contains(algorithm)) {
            throw AttachmentRejectedException.invalid(path, "is signed with " + algorithm + "; a statement signature must use RS256, RS384 or RS512");
        }
        JsonNode signed;
        try {
            signed = JSON.readTree(jws.getPayload().toString());
        } catch (JsonProcessingException e) {
            throw AttachmentRejectedException.invalid(path, "has a JWS payload that is not JSON: the payload must be the statement as signed ("
                    + e.getOriginalMessage() + ")");
        }
        if (signed == null || !signed.isObject()) {
            throw AttachmentRejectedException.invalid(path, "has a JWS payload that is not a JSON object: the payload must be the statement as signed");
        }
        Optional<String> difference = StatementEquivalence.difference(signed, signature.statement());
        if (difference.isPresent()) {
            throw AttachmentRejectedException.invalid(path, "has a JWS payload that differs from the statement at '" + difference.get()
                    + "': the signed statement must be logically equivalent to the statement sent (only id, timestamp, stored,"
                    + " authority, version and attachments may differ)");
        }
        List<Base64> chain = jws.getHeader().getX509CertChain();
        if (chain != null && !chain.isEmpty()) verifyWithCertificate(jws, chain.getFirst(), path);
    }

    private static void verifyWithCertificate(JWSObject jws, Base64 certificate, String path) {
        X509Certificate x509;
        try {
            x509 = com.nimbusds.jose.util.X509CertUtils.parseWithException(certificate.decode());
        } catch (CertificateException e) {
            throw AttachmentRejectedException.invalid(path, "has an x5c header whose first certificate cannot be read as X.509: " + e.getMessage());
        }
        if (x509 == null) {
            throw AttachmentRejectedException.invalid(path, "has an x5c header whose first certificate cannot be read as X.509");
        }
        PublicKey key = x509.getPublicKey();
        if (!(key instanceof RSAPublicKey rsa)) {
            throw AttachmentRejectedException.invalid(path, "has an x5c certificate with a " + key.getAlgorithm()
                    + " key; RS256, RS384 and RS512 signatures need an RSA key");
        }
        boolean verified;
        try {
            verified = jws.verify(new RSASSAVerifier(rsa));
        } catch (JOSEException e) {
            throw AttachmentRejectedException.invalid(path, "cannot be verified with the key of its x5c certificate: " + e.getMessage());
        }
        if (!verified) {
            throw AttachmentRejectedException.invalid(path, "has a JWS signature that does not verify with the public key of the first"
                    + " certificate of its x5c header");
        }
    }
}

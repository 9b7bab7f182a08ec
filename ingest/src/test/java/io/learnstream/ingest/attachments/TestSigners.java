package io.learnstream.ingest.attachments;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * RSA key pairs with self-signed X.509 certificates, made for a test by the JDK's own {@code keytool} (the JDK has
 * no public API to issue a certificate). The password is a throwaway of the test's temporary key store.
 */
public final class TestSigners {
    private static final char[] PASSWORD = "test-only-store".toCharArray();

    public record Signer(PrivateKey key, X509Certificate certificate) {}

    private TestSigners() {}

    public static Signer create(Path dir, String name) throws Exception {
        Path store = dir.resolve(name + ".p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", name, "-keyalg", "RSA", "-keysize", "2048", "-sigalg", "SHA256withRSA",
                "-dname", "CN=" + name + ", O=learnstream tests", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            throw new IllegalStateException("keytool could not make a key pair: " + output);
        }
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, PASSWORD);
        }
        return new Signer((PrivateKey) keys.getKey(name, PASSWORD), (X509Certificate) keys.getCertificate(name));
    }

    /** A compact JWS of {@code payload} signed with {@code key}; with the certificate of {@code certified} as x5c unless null. */
    public static String sign(JWSAlgorithm algorithm, PrivateKey key, Signer certified, String payload) {
        try {
            JWSHeader.Builder header = new JWSHeader.Builder(algorithm);
            if (certified != null) header.x509CertChain(List.of(Base64.encode(certified.certificate().getEncoded())));
            JWSObject jws = new JWSObject(header.build(), new Payload(payload));
            jws.sign(new RSASSASigner(key));
            return jws.serialize();
        } catch (Exception e) {
            throw new IllegalStateException("signing failed", e);
        }
    }
}

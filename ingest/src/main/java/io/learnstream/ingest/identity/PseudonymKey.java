package io.learnstream.ingest.identity;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A district's secret for pseudonymising learners: the student key is the keyed HMAC-SHA256 of the
 * actor's identifier, so it is stable for one district, different between districts, and cannot be
 * reversed to a name or e-mail address without the secret.
 */
public final class PseudonymKey implements StudentKeys {
    private static final String ALGORITHM = "HmacSHA256";
    /** 128 bits of the HMAC, hex: short enough for keys and sort orders, far from collisions. */
    private static final int KEY_BYTES = 16;

    private final SecretKeySpec secret;
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    public PseudonymKey(byte[] secret) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("pseudonym secret must have at least 16 bytes, got " + secret.length);
        }
        this.secret = new SecretKeySpec(secret.clone(), ALGORITHM);
    }

    /** The student key for an actor identifier such as {@code mbox:mailto:ann@example.org}. */
    @Override
    public String studentKey(String actorIdentifier) {
        byte[] digest = macs.get().doFinal(actorIdentifier.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, KEY_BYTES);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(secret);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "PseudonymKey[****]";
    }
}

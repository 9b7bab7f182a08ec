package io.learnstream.sinks.delivery;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook's signature: {@code X-Learnstream-Signature: sha256=<hex HMAC-SHA256 of the body's bytes, keyed with the
 * secret's UTF-8 bytes>}. A receiver computes the same over the raw body and compares in constant time.
 */
public final class WebhookSignature {
    public static final String HEADER = "X-Learnstream-Signature";
    private static final String PREFIX = "sha256=";

    private WebhookSignature() {}

    public static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is in every JDK", e);
        }
    }

    /** Whether {@code header} is the signature of {@code body} with {@code secret} (constant time). */
    public static boolean verify(String secret, byte[] body, String header) {
        if (header == null) return false;
        return MessageDigest.isEqual(sign(secret, body).getBytes(StandardCharsets.US_ASCII), header.getBytes(StandardCharsets.US_ASCII));
    }
}

package io.learnstream.ingest.attachments;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * SHA-2 digests as xAPI names attachment data with them (the {@code sha2} property and the
 * {@code X-Experience-API-Hash} header): lower-case hex of SHA-224, SHA-256, SHA-384 or SHA-512, the algorithm
 * told by the number of digits.
 */
public final class Sha2 {
    private static final HexFormat HEX = HexFormat.of();

    private Sha2() {}

    /** The SHA-2 algorithm whose hex digest has as many digits as {@code hex}, if it is hex of such a length. */
    public static Optional<String> algorithmOf(String hex) {
        if (hex == null || !isHex(hex)) return Optional.empty();
        return switch (hex.length()) {
            case 56 -> Optional.of("SHA-224");
            case 64 -> Optional.of("SHA-256");
            case 96 -> Optional.of("SHA-384");
            case 128 -> Optional.of("SHA-512");
            default -> Optional.empty();
        };
    }

    /** The lower-case hex digest of {@code content} with {@code algorithm} (e.g. {@code SHA-256}). */
    public static String digest(String algorithm, byte[] content) {
        try {
            return HEX.formatHex(MessageDigest.getInstance(algorithm).digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + algorithm, e);
        }
    }

    /** {@code hex} in the form this LRS keeps and compares digests in: lower case. */
    public static String normalized(String hex) {
        return hex.toLowerCase(Locale.ROOT);
    }

    private static boolean isHex(String text) {
        if (text.isEmpty()) return false;
        for (int i = 0; i < text.length(); i++) {
            if (Character.digit(text.charAt(i), 16) < 0) return false;
        }
        return true;
    }
}

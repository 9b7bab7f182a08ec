package io.learnstream.ingest.documents;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The ETag of content: the hex SHA-1 of its octets, lower case (Communication 3.1.s4.b2); answered in quotes. */
public final class DocumentEtags {
    private DocumentEtags() {}

    public static String of(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-1", e);
        }
    }
}

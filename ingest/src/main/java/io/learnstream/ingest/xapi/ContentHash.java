package io.learnstream.ingest.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * What makes two statements with one id "the same statement": SHA-256 of the statement as the tool sent it,
 * in a canonical form (properties sorted), without the properties the LRS sets ({@code stored},
 * {@code authority}, {@code version}) and with {@code timestamp} as an instant, so a retry that formats the
 * same time differently is still the same statement.
 *
 * <p>The canonical form is compact JSON exactly as Jackson writes a tree with sorted properties (the hashes already
 * stored were made that way, and {@code ContentHashTest} holds the two byte for byte alike), written by
 * {@link CompactJson}.
 */
public final class ContentHash {
    private static final MessageDigest SHA_256;

    static {
        try {
            SHA_256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private ContentHash() {}

    /** The hash of a statement as received, before the LRS set anything on it. */
    public static String of(JsonNode statement) {
        CompactJson out = new CompactJson();
        canonical(statement, out);
        MessageDigest sha256;
        try {
            sha256 = (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 cannot be cloned", e);
        }
        sha256.update(out.bytes, 0, out.size);
        return HexFormat.of().formatHex(sha256.digest());
    }

    /** The top level: what the LRS sets is left out, the timestamp is an instant and the id in lower case; all sorted. */
    private static void canonical(JsonNode statement, CompactJson out) {
        if (!statement.isObject()) {
            out.value(statement, true);
            return;
        }
        out.put((byte) '{');
        boolean first = true;
        for (Map.Entry<String, JsonNode> property : CompactJson.sortedProperties(statement)) {
            String name = property.getKey();
            if (name.equals("stored") || name.equals("authority") || name.equals("version")) continue;
            if (!first) out.put((byte) ',');
            first = false;
            out.name(name);
            JsonNode value = property.getValue();
            if (name.equals("timestamp") && value.isTextual()) {
                out.string(XapiTimestamps.format(XapiTimestamps.parse(value.asText())));
            } else if (name.equals("id") && value.isTextual()) {
                out.string(value.asText().toLowerCase(Locale.ROOT));
            } else {
                out.value(value, true);
            }
        }
        out.put((byte) '}');
    }
}

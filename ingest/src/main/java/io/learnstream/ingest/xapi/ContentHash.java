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
    /** A canonical form longer than this (a statement of a rare size) does not keep its buffer for the next one. */
    private static final int KEEP_BYTES = 64 * 1024;
    /** Each thread's buffer and digest, reused: every statement taken in is hashed on the request's thread. */
    private static final ThreadLocal<Hasher> HASHERS = ThreadLocal.withInitial(Hasher::new);

    private ContentHash() {}

    /** The hash of a statement as received, before the LRS set anything on it. */
    public static String of(JsonNode statement) {
        Hasher hasher = HASHERS.get();
        CompactJson out = hasher.canonical;
        try {
            canonical(statement, out);
            hasher.sha256.update(out.bytes, 0, out.size);
            return HexFormat.of().formatHex(hasher.sha256.digest());
        } finally {
            out.reset(KEEP_BYTES);
        }
    }

    private static final class Hasher {
        final CompactJson canonical = new CompactJson();
        final MessageDigest sha256;

        Hasher() {
            try {
                sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("this JVM has no SHA-256", e);
            }
        }
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

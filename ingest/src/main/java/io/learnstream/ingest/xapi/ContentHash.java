package io.learnstream.ingest.xapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What makes two statements with one id "the same statement": SHA-256 of the statement as the tool sent it,
 * in a canonical form (properties sorted), without the properties the LRS sets ({@code stored},
 * {@code authority}, {@code version}) and with {@code timestamp} as an instant, so a retry that formats the
 * same time differently is still the same statement.
 */
public final class ContentHash {
    private static final ObjectMapper CANONICAL = new ObjectMapper().configure(JsonNodeFeature.WRITE_PROPERTIES_SORTED, true);

    private ContentHash() {}

    /** The hash of a statement as received, before the LRS set anything on it. */
    public static String of(JsonNode statement) {
        // a shallow copy is enough: only top-level properties are removed or replaced
        ObjectNode copy = JsonNodeFactory.instance.objectNode();
        copy.setAll((ObjectNode) statement);
        copy.remove("stored");
        copy.remove("authority");
        copy.remove("version");
        if (copy.hasNonNull("timestamp") && copy.get("timestamp").isTextual()) {
            copy.put("timestamp", XapiTimestamps.format(XapiTimestamps.parse(copy.get("timestamp").asText())));
        }
        if (copy.hasNonNull("id")) copy.put("id", copy.get("id").asText().toLowerCase(java.util.Locale.ROOT));
        try {
            byte[] canonical = CANONICAL.writeValueAsBytes(copy);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash a statement", e);
        }
    }

}

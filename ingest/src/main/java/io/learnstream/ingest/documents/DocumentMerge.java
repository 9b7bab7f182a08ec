package io.learnstream.ingest.documents;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON rules of the document resources (Communication 2.2): a document sent as {@code application/json} must
 * be JSON, and a POST onto an existing document merges the two when both are JSON objects, the posted object's
 * top-level properties replacing the stored ones of the same name (one level deep: a nested object is replaced
 * whole).
 */
final class DocumentMerge {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private DocumentMerge() {}

    static boolean isJson(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).trim().startsWith("application/json");
    }

    /** The content read as JSON, empty when it is not JSON. */
    static Optional<JsonNode> parse(byte[] content) {
        try {
            JsonNode node = JSON.readTree(content);
            return node == null || node.isMissingNode() ? Optional.empty() : Optional.of(node);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Refuses content that says it is JSON and is not. */
    static void requireJsonWhenDeclared(String contentType, byte[] content) {
        if (isJson(contentType) && parse(content).isEmpty()) {
            throw new DocumentRejectedException(400, "malformed_json", "the document is sent as " + contentType + " but is not valid JSON");
        }
    }

    /**
     * The stored object with the posted object's properties merged in.
     *
     * @throws DocumentRejectedException 400 when either is not a JSON object sent as {@code application/json}
     */
    static byte[] merge(String storedType, byte[] stored, String postedType, byte[] posted, String what) {
        ObjectNode base = object(storedType, stored);
        ObjectNode update = object(postedType, posted);
        if (base == null || update == null) {
            throw new DocumentRejectedException(400, "cannot_merge", "a POST onto an existing " + what + " document merges JSON objects: both the"
                    + " stored document and the one posted must be JSON objects sent as application/json (stored: " + storedType
                    + ", posted: " + postedType + "); PUT replaces a document of any type");
        }
        for (Map.Entry<String, JsonNode> property : update.properties()) base.set(property.getKey(), property.getValue());
        try {
            return JSON.writeValueAsBytes(base);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a merged JSON object could not be written", e);
        }
    }

    private static ObjectNode object(String contentType, byte[] content) {
        if (!isJson(contentType)) return null;
        return parse(content).filter(JsonNode::isObject).map(ObjectNode.class::cast).orElse(null);
    }
}

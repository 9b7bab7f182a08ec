package io.learnstream.ingest.xapi.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.learnstream.ingest.xapi.StatementRejectedException;

/** The JSON types a property must have, and the rejection that names the path when it has another. */
final class Shapes {
    static final String NOT_NULL = "must not be null (null is allowed only as an extension value)";

    private Shapes() {}

    static StatementRejectedException reject(JsonPath path, String rule) {
        return new StatementRejectedException(path.toString(), rule);
    }

    /** The property {@code name} of {@code parent}, which must be present and not null. */
    static JsonNode required(JsonNode parent, String name, JsonPath parentPath) {
        JsonNode value = parent.get(name);
        if (value == null) throw reject(parentPath.field(name), "is required");
        if (value.isNull()) throw reject(parentPath.field(name), NOT_NULL);
        return value;
    }

    static void requireObject(JsonNode node, JsonPath path, String what) {
        if (!node.isObject()) throw reject(path, node.isNull() ? NOT_NULL : "must be " + what + " (a JSON object)");
    }

    static void requireArray(JsonNode node, JsonPath path, String what) {
        if (!node.isArray()) throw reject(path, node.isNull() ? NOT_NULL : "must be " + what + " (a JSON array)");
    }

    static String requireString(JsonNode node, JsonPath path) {
        if (!node.isTextual()) throw reject(path, node.isNull() ? NOT_NULL : "must be a string");
        return node.textValue();
    }

    static String requireNonEmptyString(JsonNode node, JsonPath path) {
        String text = requireString(node, path);
        if (text.isEmpty()) throw reject(path, "must not be empty");
        return text;
    }

    static void requireBoolean(JsonNode node, JsonPath path) {
        if (!node.isBoolean()) throw reject(path, node.isNull() ? NOT_NULL : "must be true or false (a JSON boolean, not a string)");
    }

    static double requireNumber(JsonNode node, JsonPath path) {
        if (!node.isNumber()) throw reject(path, node.isNull() ? NOT_NULL : "must be a number (a JSON number, not a string)");
        return node.doubleValue();
    }
}

package io.learnstream.registry.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.learnstream.schemas.registry.CompatibilityLevel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Registry records as Kafka record keys and values, in JSON shaped like Confluent's {@code _schemas} topic:
 * keys {@code {"keytype":"SCHEMA","subject":"s","version":1,"magic":1}} and
 * {@code {"keytype":"CONFIG","subject":null,"magic":0}}, values
 * {@code {"subject":"s","version":1,"id":1,"schema":"...","deleted":false}} and {@code {"compatibilityLevel":"FULL"}}.
 * A key is always written with the same fields in the same order, so compaction keeps one record per key.
 */
final class StoreRecordCodec {
    private static final String KEYTYPE = "keytype";
    private final ObjectMapper json = new ObjectMapper();

    byte[] key(RegistryKey key) {
        ObjectNode node = json.createObjectNode();
        switch (key) {
            case SchemaKey k -> node.put(KEYTYPE, "SCHEMA").put("subject", k.subject()).put("version", k.version()).put("magic", 1);
            case ConfigKey k -> node.put(KEYTYPE, "CONFIG").put("subject", k.subject()).put("magic", 0);
        }
        return bytes(node);
    }

    byte[] value(RegistryValue value) {
        if (value == null) return null;
        ObjectNode node = json.createObjectNode();
        switch (value) {
            case SchemaValue v -> node.put("subject", v.subject()).put("version", v.version()).put("id", v.id())
                    .put("schema", v.schema()).put("deleted", v.deleted());
            case ConfigValue v -> node.put("compatibilityLevel", v.compatibilityLevel().name());
        }
        return bytes(node);
    }

    /**
     * The record stored under these bytes; empty for key types this registry does not keep (Confluent's NOOP, MODE,
     * DELETE_SUBJECT, ...).
     *
     * @throws IllegalArgumentException naming the problem when the bytes are not a registry record
     */
    Optional<StoreRecord> decode(byte[] keyBytes, byte[] valueBytes) {
        JsonNode key = read(keyBytes, "key");
        String keytype = key.path(KEYTYPE).asText("");
        return switch (keytype) {
            case "SCHEMA" -> {
                SchemaKey schemaKey = new SchemaKey(text(key, "subject", "key"), number(key, "version", "key"));
                if (valueBytes == null) yield Optional.of(StoreRecord.tombstone(schemaKey));
                JsonNode value = read(valueBytes, "value");
                SchemaValue schemaValue = new SchemaValue(text(value, "subject", "value"), number(value, "version", "value"),
                        number(value, "id", "value"), text(value, "schema", "value"), value.path("deleted").asBoolean(false));
                yield Optional.of(new StoreRecord(schemaKey, schemaValue));
            }
            case "CONFIG" -> {
                ConfigKey configKey = new ConfigKey(key.hasNonNull("subject") ? key.get("subject").asText() : null);
                if (valueBytes == null) yield Optional.of(StoreRecord.tombstone(configKey));
                String level = text(read(valueBytes, "value"), "compatibilityLevel", "value");
                yield Optional.of(new StoreRecord(configKey, new ConfigValue(CompatibilityLevel.parse(level).orElseThrow(() ->
                        new IllegalArgumentException("config value has compatibilityLevel '" + level + "', none of " + CompatibilityLevel.validNames())))));
            }
            case "" -> throw new IllegalArgumentException("key has no keytype: " + new String(keyBytes, StandardCharsets.UTF_8));
            default -> Optional.empty();
        };
    }

    private JsonNode read(byte[] bytes, String what) {
        if (bytes == null) throw new IllegalArgumentException(what + " is null");
        try {
            JsonNode node = json.readTree(bytes);
            if (node == null || !node.isObject()) throw new IllegalArgumentException(what + " is not a JSON object");
            return node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(what + " is not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException(what + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String field, String what) {
        JsonNode found = node.get(field);
        if (found == null || !found.isTextual()) throw new IllegalArgumentException(what + " has no text field '" + field + "': " + node);
        return found.asText();
    }

    private static int number(JsonNode node, String field, String what) {
        JsonNode found = node.get(field);
        if (found == null || !found.canConvertToInt() || !found.isIntegralNumber()) {
            throw new IllegalArgumentException(what + " has no integer field '" + field + "': " + node);
        }
        return found.asInt();
    }

    private byte[] bytes(ObjectNode node) {
        try {
            return json.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write JSON " + node, e);
        }
    }
}

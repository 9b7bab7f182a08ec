package io.learnstream.schemas.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/** Parsing schema text the way the registry does, with errors that say what is wrong. */
public final class AvroSchemas {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AvroSchemas() {}

    /**
     * Parses Avro schema JSON, checking field defaults against their types.
     *
     * @throws IllegalArgumentException naming the problem when {@code text} is empty or not a valid Avro schema
     */
    public static Schema parse(String text) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("schema text is empty");
        try {
            return new Schema.Parser().setValidateDefaults(true).parse(text);
        } catch (SchemaParseException | org.apache.avro.AvroTypeException e) {
            throw new IllegalArgumentException("not a valid Avro schema: " + e.getMessage(), e);
        } catch (NullPointerException e) {
            // Avro 1.12 fails this way when the top-level type is a name it cannot resolve: say which name
            throw new IllegalArgumentException("not a valid Avro schema: Undefined schema: " + topLevelTypeName(text)
                    + " (neither a primitive type nor a named type defined in this schema)", e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a valid Avro schema: " + e, e);
        }
    }

    private static String topLevelTypeName(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            JsonNode type = node.isObject() ? node.get("type") : node;
            return type != null && type.isTextual() ? "'" + type.asText() + "'" : "(unknown name)";
        } catch (JsonProcessingException e) {
            return "(unknown name)";
        }
    }

    /**
     * The text the registry stores and serves for a schema: Avro's compact JSON form. Two texts that differ only in
     * whitespace have the same canonical text, so they get the same schema id.
     */
    public static String canonical(Schema schema) {
        return schema.toString();
    }
}

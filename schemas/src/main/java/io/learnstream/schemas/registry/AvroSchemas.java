package io.learnstream.schemas.registry;

import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/** Parsing schema text the way the registry does, with errors that say what is wrong. */
public final class AvroSchemas {
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
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a valid Avro schema: " + e, e);
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

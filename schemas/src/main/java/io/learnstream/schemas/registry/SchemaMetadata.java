package io.learnstream.schemas.registry;

import java.util.Objects;
import org.apache.avro.Schema;

/**
 * One version of a subject.
 *
 * @param subject the subject, e.g. {@code learnstream.learning-events-value}
 * @param version the version within the subject, from 1
 * @param id the registry-wide schema id written in every record's header
 * @param schema the schema
 */
public record SchemaMetadata(String subject, int version, int id, Schema schema) {
    public SchemaMetadata {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(schema, "schema");
        if (version < 1) throw new IllegalArgumentException("version of subject '" + subject + "' must be >= 1, got " + version);
        if (id < 0) throw new IllegalArgumentException("schema id of subject '" + subject + "' must be >= 0, got " + id);
    }
}

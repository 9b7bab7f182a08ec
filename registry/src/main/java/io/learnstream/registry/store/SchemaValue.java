package io.learnstream.registry.store;

import java.util.Objects;

/**
 * One version of a subject.
 *
 * @param subject the subject
 * @param version its version, from 1
 * @param id the registry-wide schema id
 * @param schema the canonical schema text
 * @param deleted true once soft-deleted: hidden from listings, still served by id
 */
public record SchemaValue(String subject, int version, int id, String schema, boolean deleted) implements RegistryValue {
    public SchemaValue {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(schema, "schema");
        if (version < 1) throw new IllegalArgumentException("version of subject '" + subject + "' must be >= 1, got " + version);
        if (id < 1) throw new IllegalArgumentException("schema id of subject '" + subject + "' version " + version + " must be >= 1, got " + id);
    }

    public SchemaKey key() {
        return new SchemaKey(subject, version);
    }

    public SchemaValue softDeleted() {
        return new SchemaValue(subject, version, id, schema, true);
    }
}

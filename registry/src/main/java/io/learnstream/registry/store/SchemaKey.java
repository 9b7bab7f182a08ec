package io.learnstream.registry.store;

import java.util.Objects;

/** Key of one version of a subject. */
public record SchemaKey(String subject, int version) implements RegistryKey {
    public SchemaKey {
        Objects.requireNonNull(subject, "subject");
        if (version < 1) throw new IllegalArgumentException("version of subject '" + subject + "' must be >= 1, got " + version);
    }
}

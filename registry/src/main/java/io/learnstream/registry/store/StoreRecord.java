package io.learnstream.registry.store;

import java.util.Objects;

/**
 * One write to the registry's store. A null {@code value} is a tombstone: the key is gone for good.
 */
public record StoreRecord(RegistryKey key, RegistryValue value) {
    public StoreRecord {
        Objects.requireNonNull(key, "key");
        boolean matches = value == null
                || key instanceof SchemaKey && value instanceof SchemaValue s && s.key().equals(key)
                || key instanceof ConfigKey && value instanceof ConfigValue;
        if (!matches) throw new IllegalArgumentException("value " + value + " does not belong under key " + key);
    }

    public static StoreRecord put(SchemaValue value) {
        return new StoreRecord(value.key(), value);
    }

    public static StoreRecord tombstone(RegistryKey key) {
        return new StoreRecord(key, null);
    }
}

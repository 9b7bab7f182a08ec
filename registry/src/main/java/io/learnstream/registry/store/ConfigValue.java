package io.learnstream.registry.store;

import io.learnstream.schemas.registry.CompatibilityLevel;
import java.util.Objects;

/** A compatibility setting. */
public record ConfigValue(CompatibilityLevel compatibilityLevel) implements RegistryValue {
    public ConfigValue {
        Objects.requireNonNull(compatibilityLevel, "compatibilityLevel");
    }
}

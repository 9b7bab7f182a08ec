package io.learnstream.registry.store;

import java.util.Optional;

/** Key of a compatibility setting: a subject's, or the registry-wide one when {@code subject} is null. */
public record ConfigKey(String subject) implements RegistryKey {
    public static final ConfigKey GLOBAL = new ConfigKey(null);

    public Optional<String> subjectIfAny() {
        return Optional.ofNullable(subject);
    }
}

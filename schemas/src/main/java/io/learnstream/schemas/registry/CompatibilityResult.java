package io.learnstream.schemas.registry;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of a compatibility check.
 *
 * @param compatible true when the new schema may be registered
 * @param messages one line per incompatibility found: which earlier version, which rule, where in the schema
 */
public record CompatibilityResult(boolean compatible, List<String> messages) {
    public CompatibilityResult {
        messages = List.copyOf(Objects.requireNonNull(messages, "messages"));
        if (compatible && !messages.isEmpty()) {
            throw new IllegalArgumentException("a compatible result carries no incompatibility messages, got " + messages);
        }
    }

    public static CompatibilityResult ok() {
        return new CompatibilityResult(true, List.of());
    }
}

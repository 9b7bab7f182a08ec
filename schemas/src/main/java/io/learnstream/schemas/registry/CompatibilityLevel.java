package io.learnstream.schemas.registry;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Confluent's compatibility levels: which earlier versions of a subject a new schema is checked against, and in which
 * direction. BACKWARD: the new schema reads data written with the earlier one. FORWARD: the earlier schema reads data
 * written with the new one. FULL: both. The transitive levels check against every earlier version, the others only
 * against the latest.
 */
public enum CompatibilityLevel {
    NONE(false, false, false),
    BACKWARD(true, false, false),
    BACKWARD_TRANSITIVE(true, false, true),
    FORWARD(false, true, false),
    FORWARD_TRANSITIVE(false, true, true),
    FULL(true, true, false),
    FULL_TRANSITIVE(true, true, true);

    private final boolean backward;
    private final boolean forward;
    private final boolean transitive;

    CompatibilityLevel(boolean backward, boolean forward, boolean transitive) {
        this.backward = backward;
        this.forward = forward;
        this.transitive = transitive;
    }

    /** True when the new schema must read data written with the earlier ones. */
    public boolean backward() {
        return backward;
    }

    /** True when the earlier schemas must read data written with the new one. */
    public boolean forward() {
        return forward;
    }

    /** True when every earlier version is checked, not only the latest. */
    public boolean transitive() {
        return transitive;
    }

    /** The level named by {@code name}, case-insensitive; empty when it names none. */
    public static Optional<CompatibilityLevel> parse(String name) {
        if (name == null) return Optional.empty();
        String wanted = name.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(l -> l.name().equals(wanted)).findFirst();
    }

    /** The valid names, for error messages. */
    public static String validNames() {
        return String.join(", ", Arrays.stream(values()).map(Enum::name).toList());
    }
}

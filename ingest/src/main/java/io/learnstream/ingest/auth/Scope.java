package io.learnstream.ingest.auth;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** What a credential may do, named as xAPI's OAuth scopes. */
public enum Scope {
    /** Store statements ({@code PUT}/{@code POST /statements}). */
    STATEMENTS_WRITE("statements/write"),
    /** Read statements ({@code GET /statements}). */
    STATEMENTS_READ("statements/read"),
    /** Read and write the State resource's documents ({@code /activities/state}). */
    STATE("state"),
    /** Read and write the Activity Profile and Agent Profile documents, and read the Agents resource. */
    PROFILE("profile"),
    /** Everything, now and as new scopes come. */
    ALL("all");

    private final String wireName;

    Scope(String wireName) {
        this.wireName = wireName;
    }

    /** The xAPI name, e.g. {@code statements/write}, as stored and as typed on the command line. */
    public String wireName() {
        return wireName;
    }

    /** The scope of an xAPI name, empty for names this version does not know. */
    public static Optional<Scope> fromWireName(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(scope -> scope.wireName.equals(wanted)).findFirst();
    }

    /**
     * Reads a comma-separated list such as {@code statements/write,statements/read}.
     *
     * @throws IllegalArgumentException naming an unknown scope and the known ones, or when the list is empty
     */
    public static Set<Scope> parseList(String commaSeparated) {
        EnumSet<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String name : commaSeparated.split(",")) {
            if (name.isBlank()) continue;
            scopes.add(fromWireName(name).orElseThrow(() -> new IllegalArgumentException(
                    "unknown scope '" + name.trim() + "'; known scopes are " + knownNames())));
        }
        if (scopes.isEmpty()) throw new IllegalArgumentException("no scope given; known scopes are " + knownNames());
        return Set.copyOf(scopes);
    }

    /** The known names, comma-separated. */
    public static String knownNames() {
        return Arrays.stream(values()).map(Scope::wireName).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return wireName;
    }
}

package io.learnstream.schemas.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * Checks a new schema against the earlier versions of a subject under a {@link CompatibilityLevel}, with Avro's own
 * {@link SchemaCompatibility} doing the reader/writer analysis.
 */
public final class CompatibilityChecker {
    /** An earlier version of the subject: its version number and its schema. */
    public record Earlier(int version, Schema schema) {
        public Earlier {
            Objects.requireNonNull(schema, "schema");
        }
    }

    private CompatibilityChecker() {}

    /**
     * @param level the level in force for the subject
     * @param candidate the schema about to be registered
     * @param earlier the subject's live versions, oldest first (the last one is the latest)
     */
    public static CompatibilityResult check(CompatibilityLevel level, Schema candidate, List<Earlier> earlier) {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(earlier, "earlier");
        if (level == CompatibilityLevel.NONE || earlier.isEmpty()) return CompatibilityResult.ok();
        List<Earlier> against = level.transitive() ? earlier : List.of(earlier.getLast());
        List<String> messages = new ArrayList<>();
        for (Earlier old : against) {
            if (level.backward()) {
                describe(messages, level, old.version(), "the new schema cannot read data written with version " + old.version(),
                        SchemaCompatibility.checkReaderWriterCompatibility(candidate, old.schema()));
            }
            if (level.forward()) {
                describe(messages, level, old.version(), "version " + old.version() + " cannot read data written with the new schema",
                        SchemaCompatibility.checkReaderWriterCompatibility(old.schema(), candidate));
            }
        }
        return messages.isEmpty() ? CompatibilityResult.ok() : new CompatibilityResult(false, messages);
    }

    private static void describe(List<String> messages, CompatibilityLevel level, int version, String what,
                                 SchemaCompatibility.SchemaPairCompatibility pair) {
        if (pair.getType() == SchemaCompatibilityType.COMPATIBLE) return;
        List<Incompatibility> found = pair.getResult().getIncompatibilities();
        if (found.isEmpty()) {
            messages.add(level + ": " + what + ": " + pair.getDescription());
            return;
        }
        for (Incompatibility incompatibility : found) {
            messages.add(level + ": " + what + ": " + incompatibility.getType()
                    + " at '" + incompatibility.getLocation() + "': " + incompatibility.getMessage());
        }
    }
}

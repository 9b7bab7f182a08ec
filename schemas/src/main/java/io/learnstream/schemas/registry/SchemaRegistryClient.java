package io.learnstream.schemas.registry;

import java.util.List;
import org.apache.avro.Schema;

/**
 * A client of a Confluent-compatible schema registry. Registry errors surface as {@link SchemaRegistryRestException}
 * (with Confluent's {@code error_code}), transport failures as {@link SchemaRegistryException}.
 * Implementations are thread-safe.
 */
public interface SchemaRegistryClient extends AutoCloseable {
    /** Registers {@code schema} under {@code subject} (or finds it there) and returns its registry-wide id. */
    int register(String subject, Schema schema);

    /** The schema with this id. */
    Schema getById(int id);

    /** The version of {@code subject} whose schema is {@code schema}; fails with error 40403 when it has none. */
    SchemaMetadata lookup(String subject, Schema schema);

    /** The latest live version of {@code subject}. */
    SchemaMetadata latestVersion(String subject);

    /** One version of {@code subject}. */
    SchemaMetadata version(String subject, int version);

    /** The subjects that have at least one live version. */
    List<String> subjects();

    /** The live versions of {@code subject}, ascending. */
    List<Integer> versions(String subject);

    /** The registry-wide compatibility level. */
    CompatibilityLevel globalCompatibility();

    /** Sets the registry-wide compatibility level. */
    void setGlobalCompatibility(CompatibilityLevel level);

    /** The level in force for {@code subject}: its own when set, the registry-wide one otherwise. */
    CompatibilityLevel compatibility(String subject);

    /** Sets the level of {@code subject}. */
    void setCompatibility(String subject, CompatibilityLevel level);

    /** Whether {@code schema} could be registered under {@code subject} now: checked as registration would, under the subject's level. */
    CompatibilityResult testCompatibility(String subject, Schema schema);

    @Override
    default void close() {}
}

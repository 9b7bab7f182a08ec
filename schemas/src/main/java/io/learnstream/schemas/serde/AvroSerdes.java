package io.learnstream.schemas.serde;

import io.learnstream.schemas.registry.SchemaRegistryClient;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Serdes for generated Avro classes in Confluent's wire format (magic byte 0, 4-byte big-endian schema id, Avro
 * binary), with subjects named by Confluent's TopicNameStrategy ({@code <topic>-key}, {@code <topic>-value}).
 * The serdes are ready to use as built: Kafka's {@code configure} calls are no-ops. Null stays null both ways
 * (tombstones). Failures are {@link org.apache.kafka.common.errors.SerializationException}s that name the topic and
 * what was wrong.
 */
public final class AvroSerdes {
    private final SchemaRegistryClient registry;
    private final AvroSerdeConfig config;

    public AvroSerdes(SchemaRegistryClient registry, AvroSerdeConfig config) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.config = Objects.requireNonNull(config, "config");
    }

    /** Serdes that auto-register their schemas. */
    public static AvroSerdes create(SchemaRegistryClient registry) {
        return new AvroSerdes(registry, AvroSerdeConfig.DEFAULT);
    }

    /** A serde for record keys of {@code type} (subject {@code <topic>-key}). */
    public <T extends SpecificRecord> Serde<T> key(Class<T> type) {
        return serde(type, true);
    }

    /** A serde for record values of {@code type} (subject {@code <topic>-value}). */
    public <T extends SpecificRecord> Serde<T> value(Class<T> type) {
        return serde(type, false);
    }

    private <T extends SpecificRecord> Serde<T> serde(Class<T> type, boolean isKey) {
        return Serdes.serdeFrom(
                new SpecificAvroSerializer<>(registry, type, isKey, config.autoRegisterSchemas()),
                new SpecificAvroDeserializer<>(registry, type, isKey));
    }
}

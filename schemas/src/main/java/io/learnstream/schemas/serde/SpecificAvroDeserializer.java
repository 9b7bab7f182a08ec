package io.learnstream.schemas.serde;

import io.learnstream.schemas.registry.RegistryErrorCodes;
import io.learnstream.schemas.registry.SchemaRegistryClient;
import io.learnstream.schemas.registry.SchemaRegistryException;
import io.learnstream.schemas.registry.SchemaRegistryRestException;
import java.io.EOFException;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.AvroTypeException;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent wire-format records into one generated Avro class: the writer schema is fetched by the id in the
 * header (once per id) and resolved against the class's own schema, so records written with an earlier or later
 * compatible schema decode into today's class.
 */
final class SpecificAvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {
    private static final ThreadLocal<BinaryDecoder> DECODERS = new ThreadLocal<>();

    private final SchemaRegistryClient registry;
    private final Class<T> type;
    private final boolean isKey;
    private final SpecificData model;
    private final Schema readerSchema;
    private final Map<Integer, DatumReader<T>> readersByWriterId = new ConcurrentHashMap<>();

    SpecificAvroDeserializer(SchemaRegistryClient registry, Class<T> type, boolean isKey) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.type = Objects.requireNonNull(type, "type");
        this.isKey = isKey;
        this.model = SpecificData.getForClass(type);
        this.readerSchema = model.getSchema(type);
    }

    @Override
    public T deserialize(String topic, byte[] payload) {
        if (payload == null) return null;
        if (payload.length < ConfluentWireFormat.HEADER_SIZE) {
            throw new SerializationException(what(topic) + " is " + payload.length + " bytes, shorter than the "
                    + ConfluentWireFormat.HEADER_SIZE + "-byte Confluent header (magic byte 0, 4-byte schema id)");
        }
        if (payload[0] != ConfluentWireFormat.MAGIC_BYTE) {
            throw new SerializationException(what(topic) + " starts with magic byte " + String.format("0x%02x", payload[0] & 0xff)
                    + ", expected 0x00: it was not written in the Confluent wire format");
        }
        int id = ConfluentWireFormat.schemaId(payload);
        DatumReader<T> reader = reader(topic, id);
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(payload, ConfluentWireFormat.HEADER_SIZE,
                payload.length - ConfluentWireFormat.HEADER_SIZE, DECODERS.get());
        DECODERS.set(decoder);
        try {
            return reader.read(null, decoder);
        } catch (EOFException e) {
            throw new SerializationException(what(topic) + " with schema id " + id + " is truncated: its "
                    + (payload.length - ConfluentWireFormat.HEADER_SIZE) + " bytes of Avro data end before the record does", e);
        } catch (AvroTypeException e) {
            throw new SerializationException(what(topic) + " with schema id " + id + " cannot be read as " + type.getName()
                    + ": " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException(what(topic) + " with schema id " + id + " is corrupt: " + e, e);
        }
    }

    private DatumReader<T> reader(String topic, int id) {
        DatumReader<T> reader = readersByWriterId.get(id);
        if (reader != null) return reader;
        Schema writerSchema;
        try {
            writerSchema = registry.getById(id);
        } catch (SchemaRegistryRestException e) {
            if (e.errorCode() == RegistryErrorCodes.SCHEMA_NOT_FOUND) {
                throw new SerializationException(what(topic) + " names schema id " + id
                        + ", which the schema registry does not know (error_code 40403: " + e.registryMessage() + ")", e);
            }
            throw new SerializationException("cannot fetch schema id " + id + " for " + what(topic) + ": " + e.getMessage(), e);
        } catch (SchemaRegistryException e) {
            throw new SerializationException("cannot fetch schema id " + id + " for " + what(topic) + ": " + e.getMessage(), e);
        }
        reader = new SpecificDatumReader<>(writerSchema, readerSchema, model);
        DatumReader<T> raced = readersByWriterId.putIfAbsent(id, reader);
        return raced != null ? raced : reader;
    }

    private String what(String topic) {
        return "record " + (isKey ? "key" : "value") + " of topic '" + topic + "'";
    }
}

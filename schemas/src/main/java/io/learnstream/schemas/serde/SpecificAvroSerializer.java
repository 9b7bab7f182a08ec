package io.learnstream.schemas.serde;

import io.learnstream.schemas.registry.SchemaRegistryClient;
import io.learnstream.schemas.registry.SchemaRegistryException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes one generated Avro class in Confluent's wire format. The schema id of each topic is resolved once (registered
 * or looked up under the topic's subject) and kept; after that a record costs one Avro encoding into a per-thread
 * buffer and one array copy, no registry call.
 */
final class SpecificAvroSerializer<T extends SpecificRecord> implements Serializer<T> {
    private static final int KEEP_BUFFER_BYTES = 1 << 20;
    private static final ThreadLocal<WriteBuffer> BUFFERS = ThreadLocal.withInitial(WriteBuffer::new);

    private final SchemaRegistryClient registry;
    private final Class<T> type;
    private final boolean isKey;
    private final boolean autoRegister;
    private final Schema schema;
    private final DatumWriter<T> writer;
    private final Map<String, Integer> idsByTopic = new ConcurrentHashMap<>();

    SpecificAvroSerializer(SchemaRegistryClient registry, Class<T> type, boolean isKey, boolean autoRegister) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.type = Objects.requireNonNull(type, "type");
        this.isKey = isKey;
        this.autoRegister = autoRegister;
        SpecificData model = SpecificData.getForClass(type);
        this.schema = model.getSchema(type);
        this.writer = new SpecificDatumWriter<>(schema, model);
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) return null;
        int id = schemaId(topic);
        WriteBuffer buffer = BUFFERS.get();
        try {
            return buffer.write(id, writer, data);
        } catch (IOException | RuntimeException e) {
            BUFFERS.remove();
            throw new SerializationException("cannot serialize " + type.getName() + " as " + what(topic)
                    + " with schema id " + id + ": " + e.getMessage(), e);
        } finally {
            if (buffer.capacity() > KEEP_BUFFER_BYTES) BUFFERS.remove();
        }
    }

    private int schemaId(String topic) {
        Integer id = idsByTopic.get(topic);
        if (id != null) return id;
        String subject = TopicNameStrategy.subject(topic, isKey);
        try {
            int resolved = autoRegister ? registry.register(subject, schema) : registry.lookup(subject, schema).id();
            idsByTopic.put(topic, resolved);
            return resolved;
        } catch (SchemaRegistryException e) {
            throw new SerializationException("cannot serialize " + type.getName() + " as " + what(topic) + ": "
                    + (autoRegister ? "registering" : "looking up") + " its schema under subject '" + subject
                    + "' failed: " + e.getMessage(), e);
        }
    }

    private String what(String topic) {
        return (isKey ? "key" : "value") + " of topic '" + topic + "'";
    }

    /** One thread's output stream and encoder, reused from record to record. */
    private static final class WriteBuffer {
        private final Exposed out = new Exposed();
        private BinaryEncoder encoder;

        <T> byte[] write(int id, DatumWriter<T> writer, T data) throws IOException {
            out.reset();
            out.write(ConfluentWireFormat.MAGIC_BYTE);
            out.write(id >>> 24);
            out.write(id >>> 16);
            out.write(id >>> 8);
            out.write(id);
            encoder = EncoderFactory.get().binaryEncoder(out, encoder);
            writer.write(data, encoder);
            encoder.flush();
            return out.toByteArray();
        }

        int capacity() {
            return out.capacity();
        }
    }

    private static final class Exposed extends ByteArrayOutputStream {
        Exposed() {
            super(256);
        }

        int capacity() {
            return buf.length;
        }
    }
}

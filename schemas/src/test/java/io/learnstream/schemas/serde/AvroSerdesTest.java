package io.learnstream.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.learnstream.schemas.avro.LearningEvent;
import io.learnstream.schemas.avro.StudentCourseDay;
import io.learnstream.schemas.registry.AvroSchemas;
import io.learnstream.schemas.registry.InMemorySchemaRegistryClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class AvroSerdesTest {
    private static final String TOPIC = "learnstream.learning-events";

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    private final AvroSerdes serdes = AvroSerdes.create(registry);
    private final Serde<LearningEvent> events = serdes.value(LearningEvent.class);

    @Test
    void shouldRoundTripARecordThroughTheConfluentWireFormat() {
        LearningEvent event = SampleRecords.learningEvent("e-1");

        byte[] bytes = events.serializer().serialize(TOPIC, event);
        LearningEvent back = events.deserializer().deserialize(TOPIC, bytes);

        assertThat(back).isEqualTo(event);
    }

    @Test
    void shouldWriteMagicByteZeroThenTheBigEndianSchemaIdOfTheValueSubject() {
        registry.register("some-other-subject", AvroSchemas.parse("\"string\""));

        byte[] bytes = events.serializer().serialize(TOPIC, SampleRecords.learningEvent("e-1"));

        int registeredId = registry.latestVersion(TOPIC + "-value").id();
        assertThat(registeredId).isEqualTo(2);
        assertThat(bytes[0]).isZero();
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(registeredId);
        assertThat(registry.latestVersion(TOPIC + "-value").schema()).isEqualTo(LearningEvent.getClassSchema());
    }

    @Test
    void shouldRegisterKeysUnderTheKeySubject() {
        Serde<StudentCourseDay> keys = serdes.key(StudentCourseDay.class);

        byte[] bytes = keys.serializer().serialize("learnstream.engagement-daily", SampleRecords.studentCourseDay());

        assertThat(registry.subjects()).containsExactly("learnstream.engagement-daily-key");
        assertThat(keys.deserializer().deserialize("learnstream.engagement-daily", bytes)).isEqualTo(SampleRecords.studentCourseDay());
    }

    @Test
    void shouldPassNullThroughBothWaysForTombstones() {
        assertThat(events.serializer().serialize(TOPIC, null)).isNull();
        assertThat(events.deserializer().deserialize(TOPIC, null)).isNull();
        assertThat(registry.subjects()).isEmpty();
    }

    @Test
    void shouldNotCallTheRegistryAfterTheFirstRecordOfATopic() {
        CountingRegistryClient counting = new CountingRegistryClient(registry);
        Serde<LearningEvent> serde = AvroSerdes.create(counting).value(LearningEvent.class);
        byte[] first = serde.serializer().serialize(TOPIC, SampleRecords.learningEvent("e-0"));
        serde.deserializer().deserialize(TOPIC, first);
        int callsAfterFirstUse = counting.calls();

        for (int i = 1; i <= 1_000; i++) {
            byte[] bytes = serde.serializer().serialize(TOPIC, SampleRecords.learningEvent("e-" + i));
            serde.deserializer().deserialize(TOPIC, bytes);
        }

        assertThat(callsAfterFirstUse).isEqualTo(2);
        assertThat(counting.calls()).isEqualTo(callsAfterFirstUse);
    }

    @Test
    void shouldOnlyLookUpTheSchemaWhenAutoRegisterIsOff() {
        Serde<LearningEvent> lookupOnly = new AvroSerdes(registry, AvroSerdeConfig.from(Map.of("auto.register.schemas", "false")))
                .value(LearningEvent.class);

        assertThatThrownBy(() -> lookupOnly.serializer().serialize(TOPIC, SampleRecords.learningEvent("e-1")))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("looking up its schema under subject '" + TOPIC + "-value' failed")
                .hasMessageContaining("Subject '" + TOPIC + "-value' not found");

        int id = registry.register(TOPIC + "-value", LearningEvent.getClassSchema());
        byte[] bytes = lookupOnly.serializer().serialize(TOPIC, SampleRecords.learningEvent("e-1"));
        assertThat(ConfluentWireFormat.schemaId(bytes)).isEqualTo(id);
    }

    @Test
    void shouldRejectAPayloadWithAWrongMagicByteNamingTheTopicAndTheByte() {
        byte[] bytes = events.serializer().serialize(TOPIC, SampleRecords.learningEvent("e-1"));
        bytes[0] = 0x7b;

        assertThatThrownBy(() -> events.deserializer().deserialize(TOPIC, bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("topic '" + TOPIC + "'")
                .hasMessageContaining("magic byte 0x7b")
                .hasMessageContaining("expected 0x00");
    }

    @Test
    void shouldRejectAPayloadWithAnUnknownSchemaIdNamingTheId() {
        byte[] bytes = events.serializer().serialize(TOPIC, SampleRecords.learningEvent("e-1"));
        ByteBuffer.wrap(bytes, 1, 4).putInt(4242);

        assertThatThrownBy(() -> events.deserializer().deserialize(TOPIC, bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("topic '" + TOPIC + "'")
                .hasMessageContaining("schema id 4242")
                .hasMessageContaining("does not know")
                .hasMessageContaining("40403");
    }

    @Test
    void shouldRejectAPayloadShorterThanTheHeader() {
        byte[] threeBytes = {0, 0, 1};

        assertThatThrownBy(() -> events.deserializer().deserialize(TOPIC, threeBytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("topic '" + TOPIC + "'")
                .hasMessageContaining("is 3 bytes, shorter than the 5-byte Confluent header");
    }

    @Test
    void shouldRejectATruncatedAvroBodyNamingTheSchemaId() {
        byte[] bytes = events.serializer().serialize(TOPIC, SampleRecords.learningEvent("e-1"));
        byte[] truncated = Arrays.copyOf(bytes, bytes.length / 2);

        assertThatThrownBy(() -> events.deserializer().deserialize(TOPIC, truncated))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("topic '" + TOPIC + "'")
                .hasMessageContaining("schema id " + ConfluentWireFormat.schemaId(bytes))
                .hasMessageContaining("truncated");
    }

    @Test
    void shouldReadARecordWrittenWithAnEarlierSchemaIntoTheCurrentClass() throws IOException {
        Schema v0 = testSchema("avro/learning-event-v0.avsc");
        int v0Id = registry.register(TOPIC + "-value", v0);
        GenericRecord old = new GenericData.Record(v0);
        old.put("eventId", "e-old");
        old.put("tenantId", "district-7");
        old.put("studentKey", "s-1");
        old.put("courseId", "algebra-1");
        old.put("activityId", "https://lms.example/a/1");
        old.put("verb", "http://adlnet.gov/expapi/verbs/experienced");
        old.put("eventTime", 1_700_000_000_000L);
        old.put("storedTime", 1_700_000_001_000L);
        old.put("sourceFormat", "caliper");

        LearningEvent read = events.deserializer().deserialize(TOPIC, confluentBytes(v0Id, v0, old));

        assertThat(read.getEventId()).isEqualTo("e-old");
        assertThat(read.getEventTime()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_000L));
        assertThat(read.getActivityType()).isNull();
        assertThat(read.getScoreScaled()).isNull();
        assertThat(read.getSourceFormat()).isEqualTo("caliper");
    }

    @Test
    void shouldFailToSerializeAnIncompleteRecordNamingTheTopic() {
        LearningEvent missingVerb = SampleRecords.learningEvent("e-1");
        missingVerb.setVerb(null);

        assertThatThrownBy(() -> events.serializer().serialize(TOPIC, missingVerb))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("cannot serialize " + LearningEvent.class.getName() + " as value of topic '" + TOPIC + "'");
        assertThat(events.deserializer().deserialize(TOPIC, events.serializer().serialize(TOPIC, SampleRecords.learningEvent("e-2"))).getEventId())
                .as("the thread's buffer is usable again after a failed record")
                .isEqualTo("e-2");
    }

    @Test
    void shouldSerializeFromManyThreadsAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Boolean>> tasks = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                tasks.add(() -> {
                    for (int i = 0; i < 500; i++) {
                        LearningEvent event = SampleRecords.learningEvent("t" + thread + "-" + i);
                        if (!events.deserializer().deserialize(TOPIC, events.serializer().serialize(TOPIC, event)).equals(event)) return false;
                    }
                    return true;
                });
            }
            for (Future<Boolean> done : pool.invokeAll(tasks)) assertThat(done.get()).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    static Schema testSchema(String resource) throws IOException {
        try (InputStream in = AvroSerdesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as("test resource " + resource).isNotNull();
            return AvroSchemas.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static byte[] confluentBytes(int id, Schema schema, GenericRecord record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.write(ByteBuffer.allocate(4).putInt(id).array());
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}

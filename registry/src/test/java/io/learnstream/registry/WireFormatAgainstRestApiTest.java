package io.learnstream.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnstream.schemas.avro.LearningEvent;
import io.learnstream.schemas.registry.RestSchemaRegistryClient;
import io.learnstream.schemas.registry.SchemaRegistryClientConfig;
import io.learnstream.schemas.serde.AvroSerdes;
import io.learnstream.schemas.serde.SampleRecords;
import io.learnstream.schemas.topic.Topics;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.junit.jupiter.api.Test;

/**
 * Acceptance: a record written by our serde is plain Confluent wire format, readable by anyone who only has the
 * registry's REST API: the 5-byte header is parsed here by hand and the schema fetched with a plain GET.
 */
class WireFormatAgainstRestApiTest {
    @Test
    void shouldDecodeARecordWrittenByOurSerdeWithTheSchemaFetchedFromTheRestApi() throws IOException {
        try (RunningRegistry registry = new RunningRegistry();
             RestSchemaRegistryClient client = new RestSchemaRegistryClient(SchemaRegistryClientConfig.of(registry.server.url()))) {
            LearningEvent event = SampleRecords.learningEvent("e-42");
            byte[] bytes = AvroSerdes.create(client).value(LearningEvent.class).serializer().serialize(Topics.LEARNING_EVENTS, event);

            ConfluentRecord decoded = ConfluentRecord.decode(bytes, registry.http);

            assertThat(decoded.magic()).isZero();
            assertThat(registry.http.get("/subjects/" + Topics.LEARNING_EVENTS + "-value/versions/latest").json().get("id").asInt())
                    .isEqualTo(decoded.schemaId());
            GenericRecord record = decoded.record();
            assertThat(record.get("eventId")).hasToString("e-42");
            assertThat(record.get("verb")).hasToString(event.getVerb());
            assertThat(record.get("eventTime")).isEqualTo(event.getEventTime().toEpochMilli());
            assertThat(record.get("scoreScaled")).isEqualTo(0.85);
            assertThat(record.get("registration")).isNull();
        }
    }

    /** A Confluent wire-format record taken apart without any of our serde code. */
    record ConfluentRecord(byte magic, int schemaId, GenericRecord record) {
        static ConfluentRecord decode(byte[] bytes, RegistryHttp http) throws IOException {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            byte magic = buffer.get();
            int schemaId = buffer.getInt();
            RegistryHttp.Answer answer = http.get("/schemas/ids/" + schemaId);
            assertThat(answer.status()).as("GET /schemas/ids/" + schemaId).isEqualTo(200);
            Schema writer = new Schema.Parser().parse(answer.json().get("schema").asText());
            GenericRecord record = new GenericDatumReader<GenericRecord>(writer)
                    .read(null, DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));
            return new ConfluentRecord(magic, schemaId, record);
        }
    }
}

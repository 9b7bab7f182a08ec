package io.learnstream.streams.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.learnstream.ingest.xapi.Statement;
import io.learnstream.ingest.xapi.StatementNormalizer;
import io.learnstream.ingest.xapi.UnprocessableStatementException;
import io.learnstream.ingest.xapi.XapiTimestamps;
import io.learnstream.schemas.avro.DeadLetter;
import io.learnstream.schemas.avro.District;
import io.learnstream.schemas.avro.LearningEvent;
import io.learnstream.schemas.avro.XapiStatementRecord;
import java.time.Instant;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Turns stored xAPI statements into learning events, exactly once per statement id of a district: the first
 * record of an id is the statement (its content hash is remembered); a later record with the same content is
 * a duplicate and is skipped, one with other content (two requests raced past the LRS's conflict check) goes to
 * the dead-letter topic. The learner's identifier is pseudonymised with the district's secret. Voiding
 * statements are not learning activity and produce no event.
 */
final class XapiIntake implements Processor<String, XapiStatementRecord, String, SpecificRecord> {
    static final String VOIDED = "http://adlnet.gov/expapi/verbs/voided";

    private final String idsStore;
    private final String districtsStore;
    private final ObjectMapper json = new ObjectMapper();
    private final StatementNormalizer normalizer = new StatementNormalizer();
    private final DistrictKeys keys = new DistrictKeys();
    private final IntakeMetrics metrics;
    private ProcessorContext<String, SpecificRecord> context;
    private KeyValueStore<String, String> ids;
    private TimestampedKeyValueStore<String, District> districts;

    XapiIntake(String idsStore, String districtsStore, IntakeMetrics metrics) {
        this.idsStore = idsStore;
        this.districtsStore = districtsStore;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        this.ids = context.getStateStore(idsStore);
        this.districts = context.getStateStore(districtsStore);
    }

    @Override
    public void process(Record<String, XapiStatementRecord> record) {
        XapiStatementRecord stored = record.value();
        if (stored == null) return;
        String known = ids.get(record.key());
        if (known != null) {
            if (known.equals(stored.getContentHash())) {
                metrics.duplicate();
            } else {
                deadLetter(record, stored, "statement id " + stored.getStatementId() + " of district " + stored.getTenantId()
                        + " was stored earlier with other content; the first is the record, this one is not counted");
            }
            return;
        }
        ids.put(record.key(), stored.getContentHash());

        ObjectNode statement;
        try {
            statement = (ObjectNode) json.readTree(stored.getStatement());
        } catch (JsonProcessingException | ClassCastException e) {
            deadLetter(record, stored, "the stored statement is not a JSON object: " + e.getMessage());
            return;
        }
        if (VOIDED.equals(statement.path("verb").path("id").asText())) {
            metrics.voiding();
            return;
        }
        ValueAndTimestamp<District> district = districts.get(stored.getTenantId());
        if (district == null) {
            deadLetter(record, stored, "district '" + stored.getTenantId() + "' is unknown: there is no pseudonym secret for it");
            return;
        }
        try {
            Statement parsed = new Statement(UUID.fromString(stored.getStatementId()), statement,
                    XapiTimestamps.parse(statement.path("timestamp").asText()), stored.getStored(), stored.getContentHash());
            LearningEvent event = normalizer.normalize(parsed, stored.getTenantId(), keys.keyOf(district.value()), stored.getTool());
            context.forward(new Record<String, SpecificRecord>(event.getStudentKey(), event, event.getEventTime().toEpochMilli(),
                    record.headers()));
            metrics.event();
        } catch (UnprocessableStatementException | RuntimeException e) {
            deadLetter(record, stored, e.getMessage());
        }
    }

    private void deadLetter(Record<String, XapiStatementRecord> record, XapiStatementRecord stored, String reason) {
        DeadLetter letter = DeadLetter.newBuilder()
                .setTenantId(stored.getTenantId())
                .setSource("streams.intake.xapi")
                .setReason(reason)
                .setPayload(stored.getStatement())
                .setReceivedTime(Instant.ofEpochMilli(record.timestamp()))
                .build();
        context.forward(new Record<String, SpecificRecord>(record.key(), letter, record.timestamp(), record.headers()));
        metrics.deadLetter();
    }

}

package io.learnstream.streams.intake;

import io.learnstream.ingest.xapi.UnprocessableStatementException;
import io.learnstream.schemas.avro.DeadLetter;
import io.learnstream.schemas.avro.District;
import io.learnstream.schemas.avro.LearningEvent;
import io.learnstream.schemas.avro.RosterClass;
import io.learnstream.schemas.avro.RosterIdentity;
import io.learnstream.schemas.topic.Topics;
import java.time.Instant;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Turns stored input (xAPI statements, Caliper events) into learning events, exactly once per id of a district:
 * the first record of an id is the input (its content hash is remembered); a later record with the same content
 * is a duplicate and is skipped, one with other content (two requests raced past the LRS's conflict check) goes
 * to the dead-letter topic. The learner's identifier is pseudonymised with the district's secret, as the roster
 * user's when the district's roster knows it ({@link DistrictRoster}).
 */
final class Intake<V> implements Processor<String, V, String, SpecificRecord> {
    private final IntakeSource<V> source;
    private final String idsStore;
    private final String districtsStore;
    private final String identitiesStore;
    private final String classesStore;
    private final DistrictKeys keys = new DistrictKeys();
    private final IntakeMetrics metrics;
    private ProcessorContext<String, SpecificRecord> context;
    private KeyValueStore<String, String> ids;
    private TimestampedKeyValueStore<String, District> districts;
    private TimestampedKeyValueStore<String, RosterIdentity> identities;
    private TimestampedKeyValueStore<String, RosterClass> classes;

    Intake(IntakeSource<V> source, String idsStore, String districtsStore, String identitiesStore, String classesStore,
            IntakeMetrics metrics) {
        this.source = source;
        this.idsStore = idsStore;
        this.districtsStore = districtsStore;
        this.identitiesStore = identitiesStore;
        this.classesStore = classesStore;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        this.ids = context.getStateStore(idsStore);
        this.districts = context.getStateStore(districtsStore);
        this.identities = context.getStateStore(identitiesStore);
        this.classes = context.getStateStore(classesStore);
    }

    @Override
    public void process(Record<String, V> record) {
        V input = record.value();
        if (input == null) return;
        String hash = source.contentHash(input);
        // by the record's own district and id: the topic's key is the learner's (statements) or the id (Caliper)
        String id = Topics.tenantScopedKey(source.tenantId(input), source.id(input));
        String known = ids.get(id);
        if (known != null) {
            if (known.equals(hash)) {
                metrics.duplicate();
            } else {
                deadLetter(record, input, "id " + source.id(input) + " of district " + source.tenantId(input)
                        + " was stored earlier with other content; the first is the record, this one is not counted");
            }
            return;
        }
        ValueAndTimestamp<District> district = districts.get(source.tenantId(input));
        if (district == null) {
            // not remembered: the same input sent again once the district exists is counted
            deadLetter(record, input, "district '" + source.tenantId(input) + "' is unknown: there is no pseudonym secret for it");
            return;
        }
        ids.put(id, hash);
        Optional<LearningEvent> event;
        DistrictRoster roster = new DistrictRoster(source.tenantId(input), keys.keyOf(district.value()), identities, classes);
        try {
            event = source.normalize(input, roster);
        } catch (UnprocessableStatementException | RuntimeException e) {
            deadLetter(record, input, e.getMessage());
            return;
        }
        if (event.isEmpty()) {
            metrics.notLearning();
            return;
        }
        LearningEvent learning = event.get();
        if (learning.getEventTime().isBefore(Instant.EPOCH)) {
            deadLetter(record, input, "its time " + learning.getEventTime() + " is before 1970: a device clock that was never set");
            return;
        }
        if (learning.getEventTime().isAfter(learning.getStoredTime())) {
            // it cannot have happened after the LRS received it (a device clock ahead): it counts when it was received.
            // Deterministic for replays, since the stored time is part of the record.
            learning.setEventTime(learning.getStoredTime());
            metrics.clockAhead();
        }
        context.forward(new Record<String, SpecificRecord>(learning.getStudentKey(), learning, learning.getEventTime().toEpochMilli(),
                record.headers()));
        metrics.event();
        metrics.linking(roster.linked(), learning.getClassId() != null);
    }

    private void deadLetter(Record<String, V> record, V input, String reason) {
        DeadLetter letter = DeadLetter.newBuilder()
                .setTenantId(source.tenantId(input))
                .setSource(source.name())
                .setReason(reason)
                .setPayload(source.payload(input))
                .setReceivedTime(Instant.ofEpochMilli(record.timestamp()))
                .build();
        context.forward(new Record<String, SpecificRecord>(record.key(), letter, record.timestamp(), record.headers()));
        metrics.deadLetter();
    }
}

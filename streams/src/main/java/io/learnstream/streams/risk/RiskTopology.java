package io.learnstream.streams.risk;

import io.learnstream.schemas.avro.ClassLineItems;
import io.learnstream.schemas.avro.DeadLetter;
import io.learnstream.schemas.avro.LearningEvent;
import io.learnstream.schemas.avro.RiskClassState;
import io.learnstream.schemas.avro.RiskParameter;
import io.learnstream.schemas.avro.RiskScore;
import io.learnstream.schemas.avro.RiskStudentState;
import io.learnstream.schemas.avro.StudentMastery;
import io.learnstream.schemas.serde.AvroSerdes;
import io.learnstream.schemas.topic.Topic;
import io.learnstream.schemas.topic.Topics;
import io.learnstream.streams.EventTimeExtractor;
import io.learnstream.streams.risk.model.RiskModel;
import io.learnstream.streams.risk.model.RiskModelEntries;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Each student's risk of failing or withdrawing from each class, in event time.
 *
 * <pre>
 * risk-parameters (compacted, 1 partition) ──▶ global risk-parameters store (fitted model; switch on meta/version)
 * class-line-items (compacted)            ──▶ global risk-class-line-items store (start, end, assignments due)
 * student-mastery (compacted)             ──▶ global risk-student-mastery store (each student's weakest skill)
 * learning-events (keyed by student)
 *   └─ risk-with-class (events a roster class was found for), keyed &lt;tenant&gt;/&lt;classId&gt;
 *        └─ risk-by-class (repartition: a class's students in one task)
 *             └─ risk-track ── risk-students, risk-classes stores
 *                  │            midnight ticks before a class's first event of a day; punctuation on stream time
 *                  │            (replay) and wall-clock time (live classes)
 *                  ├─▶ risk-scores (on a change, a flag change, and weekly per student)
 *                  └─▶ dead-letters (events beyond the grace period of their class)
 * </pre>
 */
public final class RiskTopology {
    public static final String TRACK = "risk-track";
    public static final String BY_CLASS = "risk-by-class";
    public static final String STUDENTS_STORE = "risk-students";
    public static final String CLASSES_STORE = "risk-classes";
    public static final String PARAMETERS_STORE = "risk-parameters";
    public static final String LINE_ITEMS_STORE = "risk-class-line-items";
    public static final String MASTERY_STORE = "risk-student-mastery";
    private static final String OUTPUT = "risk-output-";

    private RiskTopology() {}

    /** The topology with the shipped default model until a publication arrives. */
    public static Topology build(Topics topics, AvroSerdes serdes, RiskOptions options, RiskMetrics metrics) {
        return build(topics, serdes, options, metrics, RiskModelEntries.defaults());
    }

    public static Topology build(Topics topics, AvroSerdes serdes, RiskOptions options, RiskMetrics metrics, RiskModel defaults) {
        StreamsBuilder builder = new StreamsBuilder();
        Topic<String, RiskParameter> parameters = topics.riskParameters();
        builder.globalTable(parameters.name(),
                Consumed.with(parameters.keySerde(), parameters.valueSerde()).withName("risk-parameters-source"),
                Materialized.<String, RiskParameter>as(Stores.inMemoryKeyValueStore(PARAMETERS_STORE))
                        .withKeySerde(parameters.keySerde()).withValueSerde(parameters.valueSerde()));
        Topic<String, ClassLineItems> lineItems = topics.classLineItems();
        builder.globalTable(lineItems.name(),
                Consumed.with(lineItems.keySerde(), lineItems.valueSerde()).withName("risk-class-line-items-source"),
                Materialized.<String, ClassLineItems, KeyValueStore<Bytes, byte[]>>as(LINE_ITEMS_STORE)
                        .withKeySerde(lineItems.keySerde()).withValueSerde(lineItems.valueSerde()));
        Topic<String, StudentMastery> mastery = topics.studentMastery();
        builder.globalTable(mastery.name(),
                Consumed.with(mastery.keySerde(), mastery.valueSerde()).withName("risk-student-mastery-source"),
                Materialized.<String, StudentMastery, KeyValueStore<Bytes, byte[]>>as(MASTERY_STORE)
                        .withKeySerde(mastery.keySerde()).withValueSerde(mastery.valueSerde()));

        Set<StoreBuilder<?>> stores = Set.of(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STUDENTS_STORE), Serdes.String(), serdes.value(RiskStudentState.class)),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CLASSES_STORE), Serdes.String(), serdes.value(RiskClassState.class))
                        // every event of a class rewrites its state: cached, a class is written once per commit
                        .withCachingEnabled());
        Topic<String, LearningEvent> events = topics.learningEvents();
        KStream<String, SpecificRecord> out = builder
                .stream(events.name(), Consumed.with(events.keySerde(), events.valueSerde())
                        .withTimestampExtractor(new EventTimeExtractor())
                        .withName("risk-learning-events-source"))
                .filter((student, event) -> event != null && event.getClassId() != null, Named.as("risk-with-class"))
                .selectKey((student, event) -> Topics.tenantScopedKey(event.getTenantId(), event.getClassId()), Named.as("risk-class-key"))
                .repartition(Repartitioned.<String, LearningEvent>as(BY_CLASS).withKeySerde(events.keySerde()).withValueSerde(events.valueSerde()))
                .process(new ProcessorSupplier<String, LearningEvent, String, SpecificRecord>() {
                    @Override
                    public Processor<String, LearningEvent, String, SpecificRecord> get() {
                        return new RiskTracker(options, defaults, metrics);
                    }

                    @Override
                    public Set<StoreBuilder<?>> stores() {
                        return stores;
                    }
                }, Named.as(TRACK));

        Topic<String, RiskScore> scores = topics.riskScores();
        Topic<String, DeadLetter> deadLetters = topics.deadLetters();
        out.split(Named.as(OUTPUT))
                .branch((key, value) -> value instanceof DeadLetter, Branched.withConsumer(late -> late
                        .mapValues(value -> (DeadLetter) value, Named.as("risk-dead-letter-value"))
                        .to(deadLetters.name(), Produced.with(deadLetters.keySerde(), deadLetters.valueSerde()).withName("risk-dead-letter-sink")),
                        "late"))
                .defaultBranch(Branched.withConsumer(scored -> scored
                        .mapValues(value -> (RiskScore) value, Named.as("risk-score-value"))
                        .to(scores.name(), Produced.with(scores.keySerde(), scores.valueSerde()).withName("risk-scores-sink")),
                        "scores"));
        return builder.build();
    }
}

package io.learnstream.streams.mastery;

import io.learnstream.schemas.avro.AnswerLogEntry;
import io.learnstream.schemas.avro.ItemSkills;
import io.learnstream.schemas.avro.LearningEvent;
import io.learnstream.schemas.avro.MasteryParameter;
import io.learnstream.schemas.avro.MasterySkillState;
import io.learnstream.schemas.avro.MasteryStudentState;
import io.learnstream.schemas.serde.AvroSerdes;
import io.learnstream.schemas.topic.Topics;
import io.learnstream.streams.EventTimeExtractor;
import io.learnstream.streams.mastery.model.ParameterSet;
import java.util.HashSet;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Per-skill mastery of every student, in event time.
 *
 * <pre>
 * item-skills (compacted)        ──▶ global mastery-item-skills store (the districts' imported mappings)
 * mastery-parameters (compacted) ──▶ global mastery-parameters store (fitted models; switch on meta/version)
 * learning-events (keyed by student, as accepted)
 *   └─ mastery-track ── mastery-students, mastery-skills, mastery-answer-log, mastery-summary-due stores
 *        │              (and mastery-reorder-buffer when answers are held to be ordered)
 *        │                (no repartition: a student's order kept)
 *        ├─▶ mastery-predictions (each model's P(correct) before the answer, and the outcome)
 *        ├─▶ skill-mastery (per student × skill, with items to practise next)
 *        ├─▶ student-mastery (strengths, weaknesses, practice; once per summary interval, wall-clock)
 *        └─▶ dead-letters (answers beyond the grace period)
 * </pre>
 */
public final class MasteryTopology {
    public static final String TRACK = "mastery-track";
    public static final String STUDENTS_STORE = "mastery-students";
    public static final String SKILLS_STORE = "mastery-skills";
    public static final String ANSWER_LOG_STORE = "mastery-answer-log";
    public static final String REORDER_STORE = "mastery-reorder-buffer";
    public static final String SUMMARY_DUE_STORE = "mastery-summary-due";
    public static final String PARAMETERS_STORE = "mastery-parameters";
    public static final String ITEM_SKILLS_STORE = "mastery-item-skills";

    private MasteryTopology() {}

    /** The topology with the shipped default parameters until a publication arrives. */
    public static Topology build(Topics topics, AvroSerdes serdes, MasteryOptions options, MasteryMetrics metrics) {
        return build(topics, serdes, options, metrics, ParameterSet.defaults());
    }

    public static Topology build(Topics topics, AvroSerdes serdes, MasteryOptions options, MasteryMetrics metrics, ParameterSet defaults) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.globalTable(topics.masteryParameters().name(),
                Consumed.with(topics.masteryParameters().keySerde(), topics.masteryParameters().valueSerde()).withName("mastery-parameters-source"),
                Materialized.<String, MasteryParameter>as(Stores.inMemoryKeyValueStore(PARAMETERS_STORE))
                        .withKeySerde(topics.masteryParameters().keySerde())
                        .withValueSerde(topics.masteryParameters().valueSerde()));
        builder.globalTable(topics.itemSkills().name(),
                Consumed.with(topics.itemSkills().keySerde(), topics.itemSkills().valueSerde()).withName("item-skills-source"),
                Materialized.<String, ItemSkills, KeyValueStore<Bytes, byte[]>>as(ITEM_SKILLS_STORE)
                        .withKeySerde(topics.itemSkills().keySerde())
                        .withValueSerde(topics.itemSkills().valueSerde()));

        Set<StoreBuilder<?>> stores = new HashSet<>(Set.of(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STUDENTS_STORE), Serdes.String(),
                        serdes.value(MasteryStudentState.class)),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SKILLS_STORE), Serdes.String(),
                        serdes.value(MasterySkillState.class)),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ANSWER_LOG_STORE), Serdes.String(),
                        serdes.value(AnswerLogEntry.class)),
                Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(SUMMARY_DUE_STORE), Serdes.String(), Serdes.Long())));
        if (options.reorderCapacity() > 0) {
            stores.add(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(REORDER_STORE), Serdes.String(),
                    serdes.value(AnswerLogEntry.class)));
        }
        builder.stream(topics.learningEvents().name(), Consumed.with(topics.learningEvents().keySerde(), topics.learningEvents().valueSerde())
                        .withTimestampExtractor(new EventTimeExtractor())
                        .withName("mastery-learning-events-source"))
                .process(new ProcessorSupplier<String, LearningEvent, Object, SpecificRecord>() {
                    @Override
                    public Processor<String, LearningEvent, Object, SpecificRecord> get() {
                        return new MasteryTracker(options, defaults, metrics);
                    }

                    @Override
                    public Set<StoreBuilder<?>> stores() {
                        return stores;
                    }
                }, Named.as(TRACK))
                .to(MasteryOutput.topicOf(topics), Produced.with(MasteryOutput.keySerde(topics), MasteryOutput.valueSerde(topics))
                        .withName("mastery-sink"));
        return builder.build();
    }
}

package io.learnstream.streams.intake;

import io.learnstream.ingest.xapi.SkillSources;
import io.learnstream.schemas.avro.RosterClass;
import io.learnstream.schemas.avro.RosterIdentity;
import io.learnstream.schemas.serde.AvroSerdes;
import io.learnstream.schemas.topic.Topic;
import io.learnstream.schemas.topic.Topics;
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
 * From what the LRS stored to what analytics read:
 *
 * <pre>
 * districts (compacted) ──▶ global districts store (pseudonym secrets)
 * roster-identities (compacted, derived by RosterIndexTopology) ──▶ global intake-roster-identities store
 * roster-classes (compacted)    ──▶ global intake-roster-classes store
 * xapi-statements (keyed district/actor hash: a learner's statements in order on one partition)
 *                  ──▶ intake-xapi:    first write of an id only, pseudonymise (as the roster user when linked),
 *                                      find the roster class, normalise
 * caliper-events  (keyed district/id) ──▶ intake-caliper: the same for Caliper events
 *     ├─▶ learning-events (keyed by student key, timestamped with event time)
 *     └─▶ dead-letters (conflicting duplicates, unknown districts, unusable input)
 * </pre>
 *
 * Running it exactly once (EOS) makes "analytics never count a duplicate" hold even when two requests with the
 * same statement id raced past the LRS's own check.
 */
public final class IntakeTopology {
    public static final String DISTRICTS_STORE = "intake-districts";
    public static final String STATEMENT_IDS_STORE = "intake-statement-ids";
    public static final String CALIPER_IDS_STORE = "intake-caliper-ids";
    public static final String IDENTITIES_STORE = "intake-roster-identities";
    public static final String CLASSES_STORE = "intake-roster-classes";
    public static final String XAPI_INTAKE = "intake-xapi";
    public static final String CALIPER_INTAKE = "intake-caliper";

    private IntakeTopology() {}

    private static <V> void intake(StreamsBuilder builder, Topic<String, V> input, IntakeSource<V> source, String idsStore,
            String name, Topics topics, IntakeMetrics metrics) {
        StoreBuilder<KeyValueStore<String, String>> ids = Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(idsStore), Serdes.String(), Serdes.String());
        builder.stream(input.name(), Consumed.with(input.keySerde(), input.valueSerde()).withName(name + "-source"))
                .process(new ProcessorSupplier<String, V, String, SpecificRecord>() {
                    @Override
                    public Processor<String, V, String, SpecificRecord> get() {
                        return new Intake<>(source, idsStore, DISTRICTS_STORE, IDENTITIES_STORE, CLASSES_STORE, metrics);
                    }

                    @Override
                    public Set<StoreBuilder<?>> stores() {
                        return Set.of(ids);
                    }
                }, Named.as(name))
                .to(IntakeOutput.topicOf(topics), Produced.with(Serdes.String(), IntakeOutput.serde(topics)).withName(name + "-sink"));
    }

    /** The intake with the default skill sources. */
    public static Topology build(Topics topics, AvroSerdes serdes, IntakeMetrics metrics) {
        return build(topics, serdes, metrics, SkillSources.defaults());
    }

    /** The intake; {@code skills} says where statements name the skills their object exercises. */
    public static Topology build(Topics topics, AvroSerdes serdes, IntakeMetrics metrics, SkillSources skills) {
        return build(topics, serdes, metrics, skills, ClassSources.defaults());
    }

    /** The intake; {@code classes} says where statements name their roster class besides their context activities. */
    public static Topology build(Topics topics, AvroSerdes serdes, IntakeMetrics metrics, SkillSources skills, ClassSources classes) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.globalTable(topics.districts().name(),
                Consumed.with(topics.districts().keySerde(), topics.districts().valueSerde()).withName("districts-source"),
                Materialized.<String, io.learnstream.schemas.avro.District, KeyValueStore<Bytes, byte[]>>as(DISTRICTS_STORE)
                        .withKeySerde(topics.districts().keySerde())
                        .withValueSerde(topics.districts().valueSerde()));
        builder.globalTable(topics.rosterIdentities().name(),
                Consumed.with(topics.rosterIdentities().keySerde(), topics.rosterIdentities().valueSerde()).withName("roster-identities-source"),
                Materialized.<String, RosterIdentity, KeyValueStore<Bytes, byte[]>>as(IDENTITIES_STORE)
                        .withKeySerde(topics.rosterIdentities().keySerde())
                        .withValueSerde(topics.rosterIdentities().valueSerde()));
        builder.globalTable(topics.rosterClasses().name(),
                Consumed.with(topics.rosterClasses().keySerde(), topics.rosterClasses().valueSerde()).withName("roster-classes-source"),
                Materialized.<String, RosterClass, KeyValueStore<Bytes, byte[]>>as(CLASSES_STORE)
                        .withKeySerde(topics.rosterClasses().keySerde())
                        .withValueSerde(topics.rosterClasses().valueSerde()));

        intake(builder, topics.xapiStatements(), new XapiSource(skills, classes), STATEMENT_IDS_STORE, XAPI_INTAKE, topics, metrics);
        intake(builder, topics.caliperEvents(), new CaliperSource(), CALIPER_IDS_STORE, CALIPER_INTAKE, topics, metrics);
        return builder.build();
    }
}

package io.learnstream.streams.roster;

import io.learnstream.schemas.avro.ClassLineItems;
import io.learnstream.schemas.avro.ClassTeachers;
import io.learnstream.schemas.avro.RosterAcademicSession;
import io.learnstream.schemas.avro.RosterClass;
import io.learnstream.schemas.avro.RosterEnrollment;
import io.learnstream.schemas.avro.RosterIdentity;
import io.learnstream.schemas.avro.RosterLineItem;
import io.learnstream.schemas.avro.RosterUser;
import io.learnstream.schemas.serde.AvroSerdes;
import io.learnstream.schemas.topic.Topic;
import io.learnstream.schemas.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.StreamPartitioner;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The indexes other parts read the roster through, derived from the roster topics {@code roster import} fills:
 *
 * <pre>
 * roster-users ── roster-index-identity-changes (roster-index-users: each user's previous record)
 *   ──repartition by &lt;tenant&gt;/&lt;token&gt;──▶ roster-index-identity-holders (roster-index-identity-holders store)
 *   ──▶ roster-identities   &lt;tenant&gt;/email:&lt;address&gt;, &lt;tenant&gt;/id:&lt;identifier&gt; → the one user holding it
 * roster-enrollments (table: roster-index-enrollments) ── role teacher
 *   ──groupBy &lt;tenant&gt;/&lt;class&gt; (adder, subtractor)──▶ roster-index-class-teachers ──▶ class-teachers
 * roster-line-items, roster-classes, roster-academic-sessions ──repartition by district──▶
 *   roster-index-class-line-items-{line-items,classes,academic-sessions} (shared stores) ──▶ class-line-items
 * </pre>
 *
 * Every output is compacted and keyed as its contract says; a removal upstream (a tombstone, a changed field) sends
 * the tombstone or the new record downstream. See {@link IdentityTokens}, {@link IdentityHolders},
 * {@link ClassTeacherList} and {@link ClassLineItemsIndexer} for the rules.
 */
public final class RosterIndexTopology {
    public static final String USERS_STORE = "roster-index-users";
    public static final String IDENTITY_CHANGES = "roster-index-identity-changes";
    public static final String IDENTITIES_BY_TOKEN = "roster-index-identities-by-token";
    public static final String IDENTITY_HOLDERS = "roster-index-identity-holders";
    public static final String IDENTITY_HOLDERS_STORE = "roster-index-identity-holders-store";

    public static final String ENROLLMENTS_STORE = "roster-index-enrollments";
    public static final String TEACHERS_BY_CLASS = "roster-index-teachers-by-class";
    public static final String CLASS_TEACHERS_STORE = "roster-index-class-teachers";

    public static final String LINE_ITEMS_BY_DISTRICT = "roster-index-line-items-by-district";
    public static final String CLASSES_BY_DISTRICT = "roster-index-classes-by-district";
    public static final String SESSIONS_BY_DISTRICT = "roster-index-academic-sessions-by-district";
    public static final String CLASS_LINE_ITEMS = "roster-index-class-line-items";
    public static final String CLASSES_STORE = "roster-index-classes";
    public static final String SESSIONS_STORE = "roster-index-academic-sessions";
    public static final String LINE_ITEMS_STORE = "roster-index-line-items";
    public static final String LINE_ITEM_CLASSES_STORE = "roster-index-line-item-classes";
    public static final String PUBLISHED_LINE_ITEMS_STORE = "roster-index-class-line-items-published";

    /** The role of a teacher's enrollment (OneRoster 1.2). */
    static final String TEACHER = "teacher";

    private RosterIndexTopology() {}

    public static Topology build(Topics topics, AvroSerdes serdes, RosterIndexMetrics metrics) {
        StreamsBuilder builder = new StreamsBuilder();
        identities(builder, topics, metrics);
        classTeachers(builder, topics);
        classLineItems(builder, topics);
        return builder.build();
    }

    private static void identities(StreamsBuilder builder, Topics topics, RosterIndexMetrics metrics) {
        Topic<String, RosterUser> users = topics.rosterUsers();
        StoreBuilder<KeyValueStore<String, RosterUser>> previous = Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(USERS_STORE), Serdes.String(), users.valueSerde());
        @SuppressWarnings({"unchecked", "rawtypes"})
        Serde<List<String>> holderList = (Serde) Serdes.ListSerde(ArrayList.class, Serdes.String());
        StoreBuilder<KeyValueStore<String, List<String>>> holders = Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(IDENTITY_HOLDERS_STORE), Serdes.String(), holderList);
        Topic<String, RosterIdentity> out = topics.rosterIdentities();
        builder.stream(users.name(), Consumed.with(users.keySerde(), users.valueSerde()).withName("roster-index-users-source"))
                .process(supplier(() -> new IdentityChanges(USERS_STORE), previous), Named.as(IDENTITY_CHANGES))
                .repartition(Repartitioned.<String, String>as(IDENTITIES_BY_TOKEN).withKeySerde(Serdes.String()).withValueSerde(Serdes.String()))
                .process(supplier(() -> new IdentityHolders(IDENTITY_HOLDERS_STORE, metrics), holders), Named.as(IDENTITY_HOLDERS))
                .to(out.name(), Produced.with(out.keySerde(), out.valueSerde()).withName("roster-identities-sink"));
    }

    private static void classTeachers(StreamsBuilder builder, Topics topics) {
        Topic<String, RosterEnrollment> enrollments = topics.rosterEnrollments();
        Topic<String, ClassTeachers> out = topics.classTeachers();
        builder.table(enrollments.name(), Consumed.with(enrollments.keySerde(), enrollments.valueSerde()).withName("roster-index-enrollments"),
                        Materialized.<String, RosterEnrollment, KeyValueStore<Bytes, byte[]>>as(ENROLLMENTS_STORE)
                                .withKeySerde(enrollments.keySerde()).withValueSerde(enrollments.valueSerde()))
                .filter((key, enrollment) -> TEACHER.equals(enrollment.getRole()), Named.as("roster-index-teacher-enrollments"))
                .groupBy((key, enrollment) -> KeyValue.pair(Topics.tenantScopedKey(enrollment.getTenantId(), enrollment.getClassSourcedId()), enrollment),
                        Grouped.with(TEACHERS_BY_CLASS, Serdes.String(), enrollments.valueSerde()))
                .aggregate(ClassTeacherList::none, ClassTeacherList::add, ClassTeacherList::remove, Named.as("roster-index-class-teachers-aggregate"),
                        Materialized.<String, ClassTeachers, KeyValueStore<Bytes, byte[]>>as(CLASS_TEACHERS_STORE)
                                .withKeySerde(Serdes.String()).withValueSerde(out.valueSerde()))
                .toStream(Named.as("roster-index-class-teachers-changes"))
                .mapValues(ClassTeacherList::published, Named.as("roster-index-class-teachers-published"))
                .to(out.name(), Produced.with(out.keySerde(), out.valueSerde()).withName("class-teachers-sink"));
    }

    private static void classLineItems(StreamsBuilder builder, Topics topics) {
        ClassLineItemsIndexer.Stores names = new ClassLineItemsIndexer.Stores(CLASSES_STORE, SESSIONS_STORE, LINE_ITEMS_STORE,
                LINE_ITEM_CLASSES_STORE, PUBLISHED_LINE_ITEMS_STORE);
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CLASSES_STORE), Serdes.String(),
                topics.rosterClasses().valueSerde()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SESSIONS_STORE), Serdes.String(),
                topics.rosterAcademicSessions().valueSerde()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(LINE_ITEMS_STORE), Serdes.String(),
                topics.rosterLineItems().valueSerde()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(LINE_ITEM_CLASSES_STORE), Serdes.String(),
                Serdes.String()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PUBLISHED_LINE_ITEMS_STORE), Serdes.String(),
                topics.classLineItems().valueSerde()));
        String[] stores = {CLASSES_STORE, SESSIONS_STORE, LINE_ITEMS_STORE, LINE_ITEM_CLASSES_STORE, PUBLISHED_LINE_ITEMS_STORE};

        byDistrict(builder, topics.rosterLineItems(), "line-items", LINE_ITEMS_BY_DISTRICT, ClassLineItemsIndexer.Input.LINE_ITEMS,
                names, stores, topics);
        byDistrict(builder, topics.rosterClasses(), "classes", CLASSES_BY_DISTRICT, ClassLineItemsIndexer.Input.CLASSES, names, stores, topics);
        byDistrict(builder, topics.rosterAcademicSessions(), "academic-sessions", SESSIONS_BY_DISTRICT,
                ClassLineItemsIndexer.Input.ACADEMIC_SESSIONS, names, stores, topics);
    }

    /** One input of the class-line-items index: its topic, repartitioned by district (keys kept), into its indexer. */
    private static <V> void byDistrict(StreamsBuilder builder, Topic<String, V> input, String inputName, String repartition,
            ClassLineItemsIndexer.Input kind, ClassLineItemsIndexer.Stores names, String[] stores, Topics topics) {
        String name = CLASS_LINE_ITEMS + "-" + inputName;
        Topic<String, ClassLineItems> out = topics.classLineItems();
        builder.stream(input.name(), Consumed.with(input.keySerde(), input.valueSerde()).withName(name + "-source"))
                .filter((key, value) -> key != null && key.indexOf('/') > 0, Named.as(name + "-keyed"))
                .repartition(Repartitioned.<String, V>as(repartition).withKeySerde(input.keySerde()).withValueSerde(input.valueSerde())
                        .withStreamPartitioner(byDistrict()))
                .process(indexer(kind, names), Named.as(name), stores)
                .to(out.name(), Produced.with(out.keySerde(), out.valueSerde()).withName(name + "-sink"));
    }

    private static ProcessorSupplier<String, Object, String, ClassLineItems> indexer(ClassLineItemsIndexer.Input kind,
            ClassLineItemsIndexer.Stores names) {
        return () -> new ClassLineItemsIndexer(kind, names);
    }

    /** Partitions {@code <tenant>/<id>} keys by the tenant alone, so one district's roster meets on one partition. */
    static <V> StreamPartitioner<String, V> byDistrict() {
        return (topic, key, value, partitions) -> Optional.of(Set.of(
                Utils.toPositive(Utils.murmur2(key.substring(0, key.indexOf('/')).getBytes(StandardCharsets.UTF_8))) % partitions));
    }

    private static <KIn, VIn, KOut, VOut> ProcessorSupplier<KIn, VIn, KOut, VOut> supplier(
            java.util.function.Supplier<Processor<KIn, VIn, KOut, VOut>> processor, StoreBuilder<?> store) {
        return new ProcessorSupplier<>() {
            @Override
            public Processor<KIn, VIn, KOut, VOut> get() {
                return processor.get();
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(store);
            }
        };
    }
}

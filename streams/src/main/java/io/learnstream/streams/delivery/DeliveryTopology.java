package io.learnstream.streams.delivery;

import io.learnstream.schemas.avro.Alert;
import io.learnstream.schemas.avro.AlertDelivery;
import io.learnstream.schemas.avro.ClassTeacher;
import io.learnstream.schemas.avro.DeadLetter;
import io.learnstream.schemas.avro.PendingAlertDelivery;
import io.learnstream.schemas.serde.AvroSerdes;
import io.learnstream.schemas.topic.Topic;
import io.learnstream.schemas.topic.Topics;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * Alert delivery's scheduling: which teacher gets which alert on which channel, and when (immediately, in a daily
 * digest, after quiet hours), on the wall clock.
 *
 * <pre>
 * teacher-delivery-preferences ──▶ global delivery-preferences store (channel, digest, quiet hours, webhook)
 * delivery-zones               ──▶ global delivery-zones store (district's time zone, schools' overrides)
 * roster-users                 ──▶ global delivery-roster-users store (the teachers' e-mail, school)
 * alerts (keyed by alert id)
 *   └─ delivery-to-teachers: one record per addressed teacher, keyed &lt;tenant&gt;/&lt;teacher&gt;
 *        └─ delivery-by-teacher (repartition): a teacher's alerts in one task
 *             └─ delivery-scheduler ── delivery-pending store; wall-clock punctuation releases what is due
 *                  ├─ alert-deliveries (one per teacher and release: an alert, or a digest)
 *                  └─ dead-letters (no address for the channel)
 * </pre>
 */
public final class DeliveryTopology {
    public static final String SCHEDULER = "delivery-scheduler";
    public static final String PENDING_STORE = "delivery-pending";
    public static final String PREFERENCES_STORE = "delivery-preferences";
    public static final String ZONES_STORE = "delivery-zones";
    public static final String ROSTER_USERS_STORE = "delivery-roster-users";
    private static final String OUTPUTS = "delivery-out-";

    private DeliveryTopology() {}

    public static Topology build(Topics topics, AvroSerdes serdes, DeliveryOptions options, DeliveryMetrics metrics) {
        StreamsBuilder builder = new StreamsBuilder();
        global(builder, topics.teacherDeliveryPreferences(), PREFERENCES_STORE);
        global(builder, topics.deliveryZones(), ZONES_STORE);
        global(builder, topics.rosterUsers(), ROSTER_USERS_STORE);
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PENDING_STORE), Serdes.String(),
                serdes.value(PendingAlertDelivery.class)));

        Topic<String, Alert> alerts = topics.alerts();
        Topic<String, AlertDelivery> deliveries = topics.alertDeliveries();
        Topic<String, DeadLetter> deadLetters = topics.deadLetters();
        builder.stream(alerts.name(), Consumed.with(alerts.keySerde(), alerts.valueSerde()).withName("delivery-alerts-source"))
                .flatMap((alertId, alert) -> alert == null ? List.<KeyValue<String, Alert>>of() : alert.getTeachers().stream()
                        .map(ClassTeacher::getUserSourcedId).distinct()
                        .map(teacher -> KeyValue.pair(Topics.tenantScopedKey(alert.getTenantId(), teacher), alert))
                        .toList(), Named.as("delivery-to-teachers"))
                .repartition(Repartitioned.with(Serdes.String(), alerts.valueSerde()).withName("delivery-by-teacher"))
                .process(() -> new DeliveryScheduler(options, metrics), Named.as(SCHEDULER), PENDING_STORE)
                .split(Named.as(OUTPUTS))
                .branch((teacher, out) -> out instanceof AlertDelivery, Branched.withConsumer(due -> due
                        .mapValues(out -> (AlertDelivery) out, Named.as("delivery-as-delivery"))
                        .to(deliveries.name(), Produced.with(deliveries.keySerde(), deliveries.valueSerde()).withName("delivery-sink")),
                        "due"))
                .defaultBranch(Branched.withConsumer(undeliverable -> undeliverable
                        .mapValues(out -> (DeadLetter) out, Named.as("delivery-as-dead-letter"))
                        .to(deadLetters.name(), Produced.with(deadLetters.keySerde(), deadLetters.valueSerde())
                                .withName("delivery-dead-letter-sink")), "undeliverable"));
        return builder.build();
    }

    private static <V extends SpecificRecord> void global(StreamsBuilder builder, Topic<String, V> topic, String store) {
        builder.globalTable(topic.name(), Consumed.with(topic.keySerde(), topic.valueSerde()).withName(store + "-source"),
                Materialized.<String, V, KeyValueStore<Bytes, byte[]>>as(store)
                        .withKeySerde(topic.keySerde())
                        .withValueSerde(topic.valueSerde()));
    }
}

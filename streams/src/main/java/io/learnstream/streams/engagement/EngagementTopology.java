package io.learnstream.streams.engagement;

import io.learnstream.schemas.avro.ActivitySession;
import io.learnstream.schemas.avro.DeadLetter;
import io.learnstream.schemas.avro.EngagementChange;
import io.learnstream.schemas.avro.EngagementDaily;
import io.learnstream.schemas.avro.LearningEvent;
import io.learnstream.schemas.avro.StudentCourseDay;
import io.learnstream.schemas.serde.AvroSerdes;
import io.learnstream.schemas.topic.Topics;
import io.learnstream.streams.EventTimeExtractor;
import java.time.Instant;
import java.util.Set;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Engagement per student, course and day, in event time.
 *
 * <pre>
 * learning-events (keyed by student, as accepted)
 *   └─ engagement-sessionize ── sessions store (per student+course, no repartition: order preserved),
 *        │                          newest-event store (per student: lateness is judged by the student's own time)
 *        ├─ late (beyond grace behind the student's newest event) ──▶ dead-letters
 *        └─ day changes ──repartition by student+course+day──▶ engagement-daily store (sums) ──▶ engagement-daily
 * </pre>
 *
 * A session ends after the inactivity gap without activity; each day sums the events, sessions and active minutes
 * of the sessions that started on it. The result is an update stream: the latest value per key is current.
 */
public final class EngagementTopology {
    public static final String SESSIONIZE = "engagement-sessionize";
    /** Each student's sessions of each course (a key-value store: its sessions are kept by the student's own time). */
    public static final String SESSIONS_STORE = "engagement-student-sessions";
    /** The time of each student's newest event, which the student's lateness is judged by. */
    public static final String NEWEST_STORE = "engagement-student-newest";
    public static final String BY_DAY = "engagement-changes-by-day";
    public static final String DAILY_STORE = "engagement-daily";

    private EngagementTopology() {}

    public static Topology build(Topics topics, AvroSerdes serdes, EngagementOptions options) {
        Serde<StudentCourseDay> dayKey = topics.engagementDaily().keySerde();
        Serde<EngagementChange> change = serdes.value(EngagementChange.class);
        Serde<EngagementDaily> daily = topics.engagementDaily().valueSerde();
        StoreBuilder<KeyValueStore<Bytes, ActivitySession>> sessionStore = Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(SESSIONS_STORE), Serdes.Bytes(), serdes.value(ActivitySession.class));
        StoreBuilder<KeyValueStore<String, Long>> newestStore = Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(NEWEST_STORE), Serdes.String(), Serdes.Long());

        StreamsBuilder builder = new StreamsBuilder();
        KStream<StudentCourseDay, EngagementChange> changes = builder
                .stream(topics.learningEvents().name(), Consumed.with(topics.learningEvents().keySerde(), topics.learningEvents().valueSerde())
                        .withTimestampExtractor(new EventTimeExtractor())
                        .withName("learning-events-source"))
                .process(new ProcessorSupplier<String, LearningEvent, StudentCourseDay, EngagementChange>() {
                    @Override
                    public Processor<String, LearningEvent, StudentCourseDay, EngagementChange> get() {
                        return new Sessionizer(options, SESSIONS_STORE, NEWEST_STORE);
                    }

                    @Override
                    public Set<StoreBuilder<?>> stores() {
                        return Set.of(sessionStore, newestStore);
                    }
                }, Named.as(SESSIONIZE));

        changes.split(Named.as("engagement-"))
                .branch((day, c) -> c.getLateEventId() != null, Branched.withConsumer(late -> late
                        .map((day, c) -> org.apache.kafka.streams.KeyValue.pair(c.getLateEventId(), deadLetter(day, c)),
                                Named.as("engagement-late-to-dead-letter"))
                        .to(topics.deadLetters().name(), Produced.with(topics.deadLetters().keySerde(), topics.deadLetters().valueSerde())
                                .withName("engagement-late-sink")), "late"))
                .defaultBranch(Branched.withConsumer(onTime -> onTime
                        .groupByKey(Grouped.with(BY_DAY, dayKey, change))
                        .aggregate(DailyEngagement::empty, DailyEngagement::apply, Named.as("engagement-daily-sum"),
                                Materialized.<StudentCourseDay, EngagementDaily, KeyValueStore<Bytes, byte[]>>as(DAILY_STORE)
                                        .withKeySerde(dayKey)
                                        .withValueSerde(daily))
                        .toStream(Named.as("engagement-daily-changes"))
                        .to(topics.engagementDaily().name(), Produced.with(dayKey, daily).withName("engagement-daily-sink")), "on-time"));
        return builder.build();
    }

    private static DeadLetter deadLetter(StudentCourseDay day, EngagementChange late) {
        return DeadLetter.newBuilder()
                .setTenantId(day.getTenantId())
                .setSource("streams." + SESSIONIZE)
                .setReason(late.getLateReason())
                .setPayload(late.getLateEvent())
                .setReceivedTime(Instant.now())
                .build();
    }
}

package io.learnstream.sinks.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.learnstream.schemas.avro.DeadLetter;
import io.learnstream.schemas.avro.EngagementDaily;
import io.learnstream.schemas.avro.StudentCourseDay;
import io.learnstream.schemas.topic.Topic;
import io.learnstream.sinks.clickhouse.chdb.ChdbColumnStore;
import io.learnstream.sinks.engagement.EngagementDailyRows;
import io.learnstream.sinks.schema.ClickHouseSchema;
import io.learnstream.sinks.spi.ColumnStore;
import io.learnstream.sinks.spi.ColumnStoreException;
import io.learnstream.sinks.spi.QueryResult;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sink's guarantees on the real embedded ClickHouse (chDB): the store going away and coming back loses and
 * duplicates nothing and commits nothing it did not take; rows the table refuses and records the mapper rejects go to
 * the dead-letter topic with the reason while the rest of their batch is written. Each spec writes a district of its own.
 */
@Timeout(120)
class TopicSinkOnClickHouseTest {
    private static final String TOPIC_NAME = "learnstream.engagement-daily";
    private static final TopicPartition PARTITION = new TopicPartition(TOPIC_NAME, 0);
    private static final Clock SINK_CLOCK = Clock.fixed(Instant.parse("2026-09-14T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    static Path dataDir;
    static ChdbColumnStore chdb;
    final MockConsumer<StudentCourseDay, EngagementDaily> consumer = new MockConsumer<>(OffsetResetStrategy.EARLIEST);
    final List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    String tenant;

    @BeforeAll
    static void openStore() {
        chdb = ChdbColumnStore.open(dataDir);
        ClickHouseSchema.apply(chdb);
        chdb.execute("CREATE TABLE IF NOT EXISTS sink_things (tenant_id String, thing String, day Date, version UInt64)"
                + " ENGINE = ReplacingMergeTree(version) ORDER BY (tenant_id, thing)");
    }

    @AfterAll
    static void closeStore() {
        chdb.close();
    }

    @BeforeEach
    void newDistrict() {
        tenant = "district-" + UUID.randomUUID();
    }

    @Test
    void shouldLoseAndDuplicateNothingWhileTheStoreIsAwayAndBack() {
        // given a store that goes away after the first of three batches, and records of 30 student-days
        OutageStore store = new OutageStore(chdb);
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(PARTITION));
            consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
            consumer.updateEndOffsets(Map.of(PARTITION, 30L));
            addEngagement(0, 10);
        });
        consumer.schedulePollTask(() -> {
            store.goAway();
            addEngagement(10, 20);
        });
        consumer.schedulePollTask(() -> addEngagement(20, 30));

        runSink(store, new EngagementDailyRows(SINK_CLOCK), sink -> {
            // when the store refuses inserts for a while, then the first batch is committed and nothing after it
            await().atMost(Duration.ofSeconds(20)).until(() -> store.refused.get() >= 2);
            assertThat(committed()).isEqualTo(10);
            assertThat(meters.get("learnstream.sink.lag").tag("table", EngagementDailyRows.TABLE).gauge().value()).isEqualTo(20);

            // when it comes back, then every row arrives exactly once and everything is committed
            store.comeBack();
            await().atMost(Duration.ofSeconds(40)).until(() -> committed() == 30);
            assertThat(chdb.query("SELECT count(), uniqExact(student_key), sum(events) FROM engagement_daily_versions FINAL"
                    + " WHERE tenant_id = '" + tenant + "'").rows()).containsExactly(List.of("30", "30", String.valueOf(sumOfEvents(30))));
            assertThat(deadLetters).isEmpty();
            assertThat(meters.get("learnstream.sink.rows").tag("table", EngagementDailyRows.TABLE).counter().count()).isEqualTo(30);
            assertThat(meters.get("learnstream.sink.batch.latency").tag("table", EngagementDailyRows.TABLE).timer().count()).isEqualTo(3);
            assertThat(meters.get("learnstream.sink.lag").tag("table", EngagementDailyRows.TABLE).gauge().value()).isZero();
        });
    }

    @Test
    void shouldDeadLetterTheRowsTheTableRefusesWithClickHousesReasonAndWriteTheRest() {
        // given a batch of five things, two of them with a day that is not a date
        MockConsumer<String, String> things = new MockConsumer<>(OffsetResetStrategy.EARLIEST);
        things.schedulePollTask(() -> {
            things.rebalance(List.of(PARTITION));
            things.updateBeginningOffsets(Map.of(PARTITION, 0L));
            List<String> days = List.of("2026-09-14", "2026-09-15", "the day after", "2026-09-17", "someday");
            for (int offset = 0; offset < days.size(); offset++) {
                things.addRecord(new ConsumerRecord<>(TOPIC_NAME, 0, offset, "t", days.get(offset)));
            }
        });

        // when the sink writes them
        runSink(things, chdb, new Things(), sink -> {
            await().atMost(Duration.ofSeconds(20)).until(() -> committedOf(things) == 5);

            // then the three good rows are in the table and the two refused are dead letters with ClickHouse's reason
            assertThat(chdb.query("SELECT toString(day) FROM sink_things FINAL WHERE tenant_id = '" + tenant + "' ORDER BY day")
                    .rows()).containsExactly(List.of("2026-09-14"), List.of("2026-09-15"), List.of("2026-09-17"));
            assertThat(deadLetters).extracting(DeadLetter::getPayload).containsExactly("the day after", "someday");
            assertThat(deadLetters).allSatisfy(letter -> {
                assertThat(letter.getSource()).isEqualTo("sink.sink_things");
                assertThat(letter.getReason()).contains("table sink_things refused the row").contains("Code: ");
            });
        });
    }

    @Test
    void shouldDeadLetterARecordTheMapperRejectsAndWriteTheRestOfItsBatch() {
        // given a batch of three things, the second without a day (the mapper rejects it)
        MockConsumer<String, String> things = new MockConsumer<>(OffsetResetStrategy.EARLIEST);
        things.schedulePollTask(() -> {
            things.rebalance(List.of(PARTITION));
            things.updateBeginningOffsets(Map.of(PARTITION, 0L));
            things.addRecord(new ConsumerRecord<>(TOPIC_NAME, 0, 0, "a", "2026-09-14"));
            things.addRecord(new ConsumerRecord<>(TOPIC_NAME, 0, 1, "b", ""));
            things.addRecord(new ConsumerRecord<>(TOPIC_NAME, 0, 2, "c", "2026-09-16"));
        });

        runSink(things, chdb, new Things(), sink -> {
            await().atMost(Duration.ofSeconds(20)).until(() -> committedOf(things) == 3);

            assertThat(chdb.query("SELECT count() FROM sink_things FINAL WHERE tenant_id = '" + tenant + "'").singleLong()).isEqualTo(2);
            assertThat(deadLetters).singleElement().satisfies(letter -> {
                assertThat(letter.getReason()).isEqualTo(TOPIC_NAME + "-0@1 (key b): the row mapper rejected it:"
                        + " IllegalArgumentException: day: empty, expected yyyy-mm-dd");
                assertThat(letter.getPayload()).isEmpty();
            });
            assertThat(meters.get("learnstream.sink.dead_lettered").tag("table", "sink_things").counter().count()).isEqualTo(1);
        });
    }

    private void addEngagement(int from, int to) {
        for (int i = from; i < to; i++) {
            LocalDate day = LocalDate.of(2026, 9, 14);
            String student = "st-" + i;
            consumer.addRecord(new ConsumerRecord<>(TOPIC_NAME, 0, i, new StudentCourseDay(tenant, student, "math-7a", day),
                    new EngagementDaily(tenant, student, "math-7a", day, (long) i + 1, 1, 12.5)));
        }
    }

    private static long sumOfEvents(int records) {
        return (long) records * (records + 1) / 2;
    }

    private long committed() {
        return committedOf(consumer);
    }

    private static long committedOf(MockConsumer<?, ?> consumer) {
        OffsetAndMetadata committed = consumer.committed(Set.of(PARTITION)).get(PARTITION);
        return committed == null ? -1 : committed.offset();
    }

    private void runSink(ColumnStore store, RowMapper<StudentCourseDay, EngagementDaily> rows,
            java.util.function.Consumer<TopicSink<StudentCourseDay, EngagementDaily>> then) {
        runSink(consumer, store, rows, then);
    }

    private <K, V> void runSink(MockConsumer<K, V> consumer, ColumnStore store, RowMapper<K, V> rows,
            java.util.function.Consumer<TopicSink<K, V>> then) {
        // the sink takes only the topic's name; the mock consumer hands over objects, so the serdes are never used
        @SuppressWarnings("unchecked")
        Serde<K> keys = (Serde<K>) (Serde<?>) Serdes.String();
        @SuppressWarnings("unchecked")
        Serde<V> values = (Serde<V>) (Serde<?>) Serdes.String();
        TopicSink<K, V> sink = new TopicSink<>(new Topic<>(TOPIC_NAME, keys, values), consumer, store, rows,
                letter -> {
                    deadLetters.add(letter);
                    return CompletableFuture.completedFuture(null);
                }, Duration.ofMillis(10), meters);
        Thread thread = Thread.ofPlatform().start(sink);
        try {
            then.accept(sink);
            assertThat(thread.isAlive()).isTrue();
        } finally {
            sink.close();
            try {
                thread.join(15_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        assertThat(thread.isAlive()).as("the sink stopped on close").isFalse();
    }

    /** The store as a server that goes away (every call refused, as a lost connection is) and comes back. */
    private static final class OutageStore implements ColumnStore {
        final AtomicInteger refused = new AtomicInteger();
        private final ColumnStore store;
        private final AtomicBoolean away = new AtomicBoolean();

        OutageStore(ColumnStore store) {
            this.store = store;
        }

        void goAway() {
            away.set(true);
        }

        void comeBack() {
            away.set(false);
        }

        private void refuseWhileAway() {
            if (away.get()) {
                refused.incrementAndGet();
                throw new ColumnStoreException("Connection refused: localhost:8123 (ClickHouse away)");
            }
        }

        @Override
        public void execute(String sql) {
            refuseWhileAway();
            store.execute(sql);
        }

        @Override
        public QueryResult query(String sql) {
            refuseWhileAway();
            return store.query(sql);
        }

        @Override
        public String describe() {
            return "a store that goes away";
        }

        @Override
        public void close() {}
    }

    /** Things of the spec's district into sink_things: the value is the thing's day, which the mapper requires. */
    private final class Things implements RowMapper<String, String> {
        @Override
        public String table() {
            return "sink_things";
        }

        @Override
        public List<String> columns() {
            return List.of("tenant_id", "thing", "day", "version");
        }

        @Override
        public List<Object> row(String key, String value, long offset) {
            if (value.isEmpty()) throw new IllegalArgumentException("day: empty, expected yyyy-mm-dd");
            return List.of(tenant, key + offset, value, offset);
        }
    }
}

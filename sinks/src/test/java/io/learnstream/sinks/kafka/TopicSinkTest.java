package io.learnstream.sinks.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.learnstream.schemas.topic.Topic;
import io.learnstream.sinks.spi.ColumnStore;
import io.learnstream.sinks.spi.ColumnStoreException;
import io.learnstream.sinks.spi.QueryResult;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;

class TopicSinkTest {
    private static final Topic<String, String> TOPIC = new Topic<>("things", Serdes.String(), Serdes.String());
    private static final TopicPartition PARTITION = new TopicPartition("things", 0);

    private final MockConsumer<String, String> consumer = new MockConsumer<>(OffsetResetStrategy.EARLIEST);

    @Test
    void shouldKeepTheBatchAndRetryWhileClickHouseRefusesInserts() throws Exception {
        // given ClickHouse refuses the first two inserts (down, restarting)
        FlakyStore store = new FlakyStore(2);
        givenTwoRecords();

        // when the sink runs
        runSink(store, () -> {
            // then the rows are written once ClickHouse takes them, and only then committed; the sink is still running
            await().atMost(Duration.ofSeconds(10)).until(() -> store.written.size() == 2);
            assertThat(store.attempts.get()).isEqualTo(3);
            awaitCommitted(2);
        });
    }

    @Test
    void shouldCommitAPositionThatMovedPastATransactionMarkerWithoutRecords() throws Exception {
        // given two records written and committed, then a commit marker at offset 2 that a read_committed poll skips
        FlakyStore store = new FlakyStore(0);
        givenTwoRecords();
        consumer.schedulePollTask(() -> {});
        consumer.schedulePollTask(() -> consumer.seek(PARTITION, 3)); // the consumer stepped over the marker

        // when the sink runs, then it commits offset 3, the partition's end, although no record came after the two it wrote
        runSink(store, () -> {
            awaitCommitted(3);
            assertThat(store.written).hasSize(2);
        });
    }

    @Test
    void shouldSkipATombstoneUnlessTheTableKeepsRemovals() throws Exception {
        // given a record and its tombstone
        givenARecordAndItsTombstone();

        // when a sink whose table keeps removals runs, then the tombstone is a row too
        FlakyStore keeping = new FlakyStore(0);
        runSink(keeping, new RowsKeepingRemovals(), () -> {
            awaitCommitted(2);
            assertThat(keeping.written).containsExactly(List.of("a", "first"), List.of("a", "removed at 1"));
        });
    }

    @Test
    void shouldWriteNoRowForATombstoneOfATableThatKeepsNoRemovals() throws Exception {
        givenARecordAndItsTombstone();

        FlakyStore store = new FlakyStore(0);
        runSink(store, () -> {
            awaitCommitted(2);
            assertThat(store.written).containsExactly(List.of("a", "first"));
        });
    }

    private void givenARecordAndItsTombstone() {
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(PARTITION));
            consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
            consumer.addRecord(new ConsumerRecord<>("things", 0, 0, "a", "first"));
            consumer.addRecord(new ConsumerRecord<>("things", 0, 1, "a", null));
        });
    }

    /** The first poll assigns the partition, which holds two records. */
    private void givenTwoRecords() {
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(PARTITION));
            consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
            consumer.addRecord(new ConsumerRecord<>("things", 0, 0, "a", "first"));
            consumer.addRecord(new ConsumerRecord<>("things", 0, 1, "b", "second"));
        });
    }

    /** Runs a sink over the consumer into {@code store} while {@code then} checks, and asserts it was still running. */
    private void runSink(ColumnStore store, Runnable then) throws InterruptedException {
        runSink(store, new Rows(), then);
    }

    private void runSink(ColumnStore store, RowMapper<String, String> rows, Runnable then) throws InterruptedException {
        TopicSink<String, String> sink = new TopicSink<>(TOPIC, consumer, store, rows, letter -> CompletableFuture.completedFuture(null),
                Duration.ofMillis(10), new SimpleMeterRegistry());
        Thread thread = Thread.ofPlatform().start(sink);
        try {
            then.run();
            assertThat(thread.isAlive()).isTrue();
        } finally {
            sink.close();
            thread.join(5_000);
        }
    }

    private void awaitCommitted(long offset) {
        await().atMost(Duration.ofSeconds(10)).until(() -> consumer.committed(Set.of(PARTITION)).get(PARTITION) != null
                && consumer.committed(Set.of(PARTITION)).get(PARTITION).offset() == offset);
    }

    /** Refuses the first {@code failures} inserts, then keeps what it is given. */
    private static final class FlakyStore implements ColumnStore {
        final List<Object> written = new ArrayList<>();
        final AtomicInteger attempts = new AtomicInteger();
        private final int failures;

        FlakyStore(int failures) {
            this.failures = failures;
        }

        @Override
        public void insert(String table, List<String> columns, List<? extends List<?>> rows) {
            if (attempts.incrementAndGet() <= failures) throw new ColumnStoreException("Connection refused (ClickHouse restarting)");
            synchronized (written) {
                written.addAll(rows);
            }
        }

        @Override
        public void execute(String sql) {
            throw new UnsupportedOperationException("the sink only inserts");
        }

        @Override
        public QueryResult query(String sql) {
            throw new UnsupportedOperationException("the sink only inserts");
        }

        @Override
        public String describe() {
            return "flaky test store";
        }

        @Override
        public void close() {}
    }

    private static final class Rows implements RowMapper<String, String> {
        @Override
        public String table() {
            return "things";
        }

        @Override
        public List<String> columns() {
            return List.of("key", "value");
        }

        @Override
        public List<Object> row(String key, String value, long offset) {
            return List.of(key, value);
        }
    }

    /** Rows that record a removal as a row of its own. */
    private static final class RowsKeepingRemovals implements RowMapper<String, String> {
        private final Rows rows = new Rows();

        @Override
        public String table() {
            return rows.table();
        }

        @Override
        public List<String> columns() {
            return rows.columns();
        }

        @Override
        public List<Object> row(String key, String value, long offset) {
            return rows.row(key, value, offset);
        }

        @Override
        public Optional<List<Object>> tombstone(String key, long offset) {
            return Optional.of(List.of(key, "removed at " + offset));
        }
    }
}

package io.learnstream.sinks.clickhouse.chdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.learnstream.sinks.clickhouse.ColumnStoreContract;
import io.learnstream.sinks.spi.ColumnStore;
import io.learnstream.sinks.spi.ColumnStoreException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The column store contract and chDB's own behaviour, against the real libchdb.so from the cache dir. A missing
 * library fails every test with the locator's message (where it looked, how to fetch it); nothing is skipped.
 */
@Timeout(120)
class ChdbColumnStoreTest extends ColumnStoreContract {

    @TempDir
    Path dataDir;

    private ChdbColumnStore store;

    @BeforeEach
    void open() {
        store = ChdbColumnStore.open(dataDir);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Override
    protected ColumnStore store() {
        return store;
    }

    @Test
    void dataPersistsAcrossCloseAndReopenOnTheSamePath() {
        String t = table("durable");
        store.execute("CREATE TABLE " + t + " (id UInt64, name String) ENGINE = MergeTree ORDER BY id");
        store.insert(t, List.of("id", "name"), List.of(List.of(1, "one"), List.of(2, "two")));
        store.close();

        store = ChdbColumnStore.open(dataDir);

        assertThat(store.query("SELECT id, name FROM " + t + " ORDER BY id").rows())
                .containsExactly(List.of("1", "one"), List.of("2", "two"));
    }

    @Test
    void twoStoresOnTheSamePathShareTheData() {
        String t = table("shared");
        store.execute("CREATE TABLE " + t + " (id UInt64) ENGINE = MergeTree ORDER BY id");
        try (ChdbColumnStore second = ChdbColumnStore.open(dataDir)) {
            second.execute("INSERT INTO " + t + " VALUES (7)");
            assertThat(store.query("SELECT sum(id) FROM " + t).singleLong()).isEqualTo(7);
        }
        assertThat(store.query("SELECT count() FROM " + t).singleLong()).isEqualTo(1);
    }

    @Test
    void anotherPathIsRefusedWhileAStoreIsOpenAndAcceptedAfterwards(@TempDir Path otherDir) {
        assertThatThrownBy(() -> ChdbColumnStore.open(otherDir))
                .isInstanceOf(ColumnStoreException.class)
                .hasMessageContaining("one storage path per process")
                .hasMessageContaining(dataDir.toString())
                .hasMessageContaining(otherDir.toString());

        store.close();
        try (ChdbColumnStore other = ChdbColumnStore.open(otherDir)) {
            assertThat(other.query("SELECT 40 + 2 AS answer").singleLong()).isEqualTo(42);
        }
        store = ChdbColumnStore.open(dataDir);
    }

    @Test
    void concurrentCallersAreAllAnswered() throws Exception {
        String t = table("concurrent");
        store.execute("CREATE TABLE " + t + " (thread UInt32, n UInt32) ENGINE = MergeTree ORDER BY (thread, n)");
        int threads = 4;
        int perThread = 25;
        List<Future<?>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int i = 0; i < threads; i++) {
                int thread = i;
                futures.add(pool.submit(() -> {
                    for (int n = 0; n < perThread; n++) {
                        store.execute("INSERT INTO " + t + " VALUES (" + thread + ", " + n + ")");
                        long seen = store.query("SELECT count() FROM " + t + " WHERE thread = " + thread).singleLong();
                        assertThat(seen).isEqualTo(n + 1);
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        }
        assertThat(store.query("SELECT count() FROM " + t).singleLong()).isEqualTo((long) threads * perThread);
    }

    @Test
    void theJvmKeepsItsSignalHandlersThroughChdbCalls() {
        SignalDispositions before = SignalDispositions.capture();
        store.close();
        store = ChdbColumnStore.open(dataDir);
        store.query("SELECT number FROM numbers(100000) ORDER BY number DESC LIMIT 3");
        assertThatThrownBy(() -> store.query("SELECT * FROM nowhere"));

        assertThat(before.restoreChanged()).as("signals whose handler chDB left replaced").isEmpty();

        // the JVM raises these through SIGSEGV; with chDB's handler in place the process would hang or die here
        String[] values = new String[1_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = i % 97 == 0 ? null : "x";
        }
        long nullPointers = 0;
        for (int round = 0; round < 2_000; round++) {
            for (String value : values) {
                try {
                    nullPointers += value.length() - 1;
                } catch (NullPointerException e) {
                    nullPointers++;
                }
            }
        }
        assertThat(nullPointers).isEqualTo(2_000L * 11);
        assertThat(stackDepthUntilOverflow()).isPositive();
        System.gc();
        assertThat(store.query("SELECT 1").singleLong()).isEqualTo(1);
    }

    @Test
    void aClosedStoreRefusesCallsAndClosingTwiceIsHarmless() {
        store.close();
        store.close();

        assertThatThrownBy(() -> store.query("SELECT 1"))
                .isInstanceOf(ColumnStoreException.class)
                .hasMessageContaining("closed")
                .hasMessageContaining(dataDir.toString());
        store = ChdbColumnStore.open(dataDir);
    }

    @Test
    void notANumberAndInfinityAreNotMistakenForNull() {
        assertThat(store.query("SELECT nan AS a, 1 / 0 AS b, -1 / 0 AS c, CAST(NULL AS Nullable(Float64)) AS d").rows())
                .containsExactly(java.util.Arrays.asList("nan", "inf", "-inf", null));
    }

    @Test
    void describesItselfWithVersionAndPath() {
        assertThat(store.describe()).contains("chDB " + ChdbLibrary.VERSION).contains(dataDir.toString());
        assertThat(store.query("SELECT version()").singleValue()).startsWith("26.5");
    }

    private static int depth;

    private static int stackDepthUntilOverflow() {
        depth = 0;
        try {
            recurse();
        } catch (StackOverflowError expected) {
            return depth;
        }
        return -1;
    }

    private static void recurse() {
        depth++;
        recurse();
    }
}

package io.learnstream.sinks.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The meters of one sink, tagged with its table: rows written, rows dead-lettered, failed inserts, the latency of an
 * insert and of a whole batch (poll to commit), and the lag (records on the sink's partitions not yet read).
 */
final class SinkMetrics {
    final Counter rowsWritten;
    final Counter deadLettered;
    final Counter insertFailures;
    final Timer insertLatency;
    final Timer batchLatency;
    private final AtomicLong lag = new AtomicLong();

    SinkMetrics(MeterRegistry meters, String table) {
        rowsWritten = Counter.builder("learnstream.sink.rows").description("rows the sink wrote").tag("table", table).register(meters);
        deadLettered = Counter.builder("learnstream.sink.dead_lettered").description("records sent to the dead-letter topic")
                .tag("table", table).register(meters);
        insertFailures = Counter.builder("learnstream.sink.insert.failures").description("inserts ClickHouse refused")
                .tag("table", table).register(meters);
        insertLatency = Timer.builder("learnstream.sink.insert.latency").description("one insert").tag("table", table).register(meters);
        batchLatency = Timer.builder("learnstream.sink.batch.latency").description("a batch from poll to commit, retries included")
                .tag("table", table).register(meters);
        Gauge.builder("learnstream.sink.lag", lag, AtomicLong::get).description("records on the sink's partitions not yet read")
                .tag("table", table).register(meters);
    }

    void lag(long records) {
        lag.set(records);
    }

    long lag() {
        return lag.get();
    }
}

package io.learnstream.app.simulate;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/** The live counters behind {@link SimulatorStats}; safe to update from any thread. */
final class SimulatorCounters {

    final LongAdder posted = new LongAdder();
    final LongAdder accepted = new LongAdder();
    final LongAdder rejected = new LongAdder();
    final LongAdder failed = new LongAdder();
    final LongAdder httpErrors = new LongAdder();
    final LongAdder retries = new LongAdder();
    private final AtomicReference<Instant> simulatedTime = new AtomicReference<>();

    void reachedSimulatedTime(Instant time) {
        simulatedTime.set(time);
    }

    SimulatorStats snapshot(Duration elapsed, boolean running) {
        // read the outcomes before posted, so that a snapshot never shows more answered than sent
        long accepted = this.accepted.sum();
        long rejected = this.rejected.sum();
        long failed = this.failed.sum();
        long posted = this.posted.sum();
        return new SimulatorStats(Math.max(posted, accepted + rejected + failed), accepted, rejected, failed,
                httpErrors.sum(), retries.sum(), Optional.ofNullable(simulatedTime.get()), elapsed, running);
    }
}

package io.learnstream.app.simulate;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** Time that moves only when someone sleeps: a sleep returns at once, having moved the clock by its duration. */
final class ManualTiming implements Timing {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private volatile Runnable onSleep = () -> { };

    @Override
    public long nanoTime() {
        return nanos.get();
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException();
        }
        sleeps.add(duration);
        nanos.addAndGet(duration.toNanos());
        onSleep.run();
    }

    /** Moves the clock without sleeping. */
    void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    /** Runs the action after every sleep, e.g. to bring a server up after some retries. */
    void onSleep(Runnable action) {
        this.onSleep = action;
    }

    List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    Duration totalSlept() {
        return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
    }
}

package io.learnstream.app.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Lets a long-running command stop cleanly on Ctrl-C: the JVM's shutdown hook asks the command to stop and
 * then waits (bounded) until the command says it has finished its clean-up.
 */
public final class StopSignal implements AutoCloseable {
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    public StopSignal(Duration cleanUpBound) {
        hook = new Thread(() -> {
            stopRequested.countDown();
            try {
                finished.await(cleanUpBound.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "learnstream-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Waits up to {@code timeout} for a stop request; true when one came. */
    public boolean awaitStop(Duration timeout) throws InterruptedException {
        return stopRequested.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean stopRequested() {
        return stopRequested.getCount() == 0;
    }

    /** The command finished its clean-up: the shutdown hook (if running) may let the JVM exit. */
    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it sees 'finished' and returns
        }
    }
}

package io.learnstream.app.simulate;

import java.time.Duration;

/**
 * The simulator's view of real time: a monotonic clock and a way to wait. Tests pass a manual implementation so
 * that time only moves when they say.
 */
public interface Timing {

    /** Monotonic nanoseconds, as {@link System#nanoTime()}. */
    long nanoTime();

    /** Waits for the given time; returns early only by throwing when interrupted. */
    void sleep(Duration duration) throws InterruptedException;

    /** Real time. */
    static Timing system() {
        return new Timing() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void sleep(Duration duration) throws InterruptedException {
                if (duration.isPositive()) {
                    Thread.sleep(duration);
                }
            }
        };
    }
}

package io.learnstream.app.simulate;

import java.time.Duration;

/**
 * Spaces out batches so that statements go out at the target rate on average: each batch gets a slot
 * {@code size / rate} seconds after the previous one. A caller that falls behind may catch up for at most
 * {@link #MAX_CATCH_UP} worth of statements, so a stall is not followed by an unbounded burst.
 */
final class RatePacer {

    static final Duration MAX_CATCH_UP = Duration.ofSeconds(1);

    private final double nanosPerPermit;
    private final Timing timing;
    private long nextSlot;

    RatePacer(double permitsPerSecond, Timing timing) {
        if (!(permitsPerSecond > 0)) {
            throw new IllegalArgumentException("rate must be > 0, was " + permitsPerSecond);
        }
        this.nanosPerPermit = 1e9 / permitsPerSecond;
        this.timing = timing;
        this.nextSlot = timing.nanoTime();
    }

    /**
     * Waits for the slot of a batch of {@code permits}; returns false without waiting when that slot would come at
     * or after {@code deadlineNanos} (a {@link Timing#nanoTime()} value, compared by difference as nanoTime values
     * must be).
     */
    boolean acquire(int permits, long deadlineNanos) throws InterruptedException {
        long now = timing.nanoTime();
        long slot = Math.max(nextSlot, now - MAX_CATCH_UP.toNanos());
        if (slot - deadlineNanos >= 0) {
            return false;
        }
        nextSlot = slot + Math.round(permits * nanosPerPermit);
        if (slot - now > 0) {
            timing.sleep(Duration.ofNanos(slot - now));
        }
        return true;
    }
}

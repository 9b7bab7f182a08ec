package io.learnstream.app.simulate;

import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * How far the term has been delivered: batches are dispatched in order but answered in any order; the watermark
 * is the end of the longest run of dispatched batches that were all settled. That is what the state file records,
 * so that a later run resends nothing settled and skips nothing unsettled.
 */
final class CompletionWatermark {

    /**
     * A point in the statement sequence of the term.
     *
     * @param position statements before this point, from the start of the term
     * @param simulatedTime event time of the last statement before it, empty at the start
     */
    record Mark(long position, Optional<Instant> simulatedTime) {
    }

    private final TreeMap<Long, Mark> unsettled = new TreeMap<>();
    private final Set<Long> settledOutOfOrder = new HashSet<>();
    private long nextSequence;
    private Mark reached;

    CompletionWatermark(Mark start) {
        this.reached = start;
    }

    /** Registers a dispatched batch that ends at {@code end}; returns its sequence number for {@link #settled}. */
    synchronized long dispatched(Mark end) {
        long sequence = nextSequence++;
        unsettled.put(sequence, end);
        return sequence;
    }

    /** Records that the batch was answered for good (or given up on). */
    synchronized void settled(long sequence) {
        if (!unsettled.containsKey(sequence)) {
            throw new IllegalArgumentException("batch " + sequence + " is not awaiting settlement");
        }
        settledOutOfOrder.add(sequence);
        while (!unsettled.isEmpty() && settledOutOfOrder.remove(unsettled.firstKey())) {
            reached = unsettled.pollFirstEntry().getValue();
        }
    }

    synchronized Mark reached() {
        return reached;
    }
}

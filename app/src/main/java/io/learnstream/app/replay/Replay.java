package io.learnstream.app.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Sends a sequence of statements in batches through a {@link StatementPoster}, a few batches in flight at once (as
 * several tools or sync jobs would). Each learner's statements go through one of the {@code inFlight} lanes (by the
 * learner's hash), a lane posting its batches one after another in the sequence's order, so a learner's statements are
 * stored in the order sent: concurrent requests carrying one learner's statements would race, and the one with the later
 * statements could be stored first (sent flat out, OULAD's sparse stretches put months between the first and the last
 * statement of a few concurrent batches). A batch the LRS refuses stops the replay.
 */
public final class Replay {
    private Replay() {}

    /**
     * @param items what to send, in order
     * @param learner whose statement an item is: a learner's items are posted in order, one batch after another
     * @param render one request body (a JSON array) for a batch of items
     * @param inFlight batches posted concurrently (lanes)
     */
    public static <T> void send(List<T> items, Function<T, ?> learner, int batchSize, int inFlight, Function<List<T>, byte[]> render,
            StatementPoster poster) throws InterruptedException {
        if (batchSize < 1 || inFlight < 1) throw new IllegalArgumentException("batch size and batches in flight must be positive");
        List<List<T>> lanes = new ArrayList<>(inFlight);
        for (int i = 0; i < inFlight; i++) lanes.add(new ArrayList<>(items.size() / inFlight + 1));
        for (T item : items) lanes.get(Math.floorMod(learner.apply(item).hashCode(), inFlight)).add(item);
        ExecutorService senders = Executors.newFixedThreadPool(inFlight, Thread.ofPlatform().name("learnstream-replay-", 0).daemon().factory());
        try {
            ExecutorCompletionService<Void> done = new ExecutorCompletionService<>(senders);
            for (List<T> lane : lanes) {
                done.submit(() -> {
                    for (int from = 0; from < lane.size(); from += batchSize) {
                        List<T> batch = lane.subList(from, Math.min(lane.size(), from + batchSize));
                        poster.post(render.apply(batch), batch.size());
                    }
                    return null;
                });
            }
            for (int i = 0; i < lanes.size(); i++) await(done.take()); // the first lane to fail stops the others
        } finally {
            senders.shutdownNow();
        }
    }

    private static void await(Future<?> batch) throws InterruptedException {
        try {
            batch.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) throw runtime;
            if (e.getCause() instanceof InterruptedException interrupted) throw interrupted;
            throw new IllegalStateException(e.getCause());
        }
    }
}

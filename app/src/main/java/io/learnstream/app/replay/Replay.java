package io.learnstream.app.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Sends a sequence of statements in batches through a {@link StatementPoster}, a few batches in flight at once (as
 * several tools or sync jobs would), in the sequence's order of batches. A batch the LRS refuses stops the replay.
 */
public final class Replay {
    private Replay() {}

    /**
     * @param items what to send, in order
     * @param render one request body (a JSON array) for a batch of items
     * @param inFlight batches posted concurrently
     */
    public static <T> void send(List<T> items, int batchSize, int inFlight, Function<List<T>, byte[]> render, StatementPoster poster)
            throws InterruptedException {
        if (batchSize < 1 || inFlight < 1) throw new IllegalArgumentException("batch size and batches in flight must be positive");
        ExecutorService senders = Executors.newFixedThreadPool(inFlight, Thread.ofPlatform().name("learnstream-replay-", 0).daemon().factory());
        try {
            List<Future<?>> pending = new ArrayList<>();
            for (int from = 0; from < items.size(); from += batchSize) {
                List<T> batch = items.subList(from, Math.min(items.size(), from + batchSize));
                pending.add(senders.submit(() -> {
                    poster.post(render.apply(batch), batch.size());
                    return null;
                }));
                // keep at most 2 × inFlight batches rendered ahead, so memory stays flat on a long file
                while (pending.size() >= 2 * inFlight) await(pending.removeFirst());
            }
            for (Future<?> batch : pending) await(batch);
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

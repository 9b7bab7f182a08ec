package io.learnstream.app.pipeline;

import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Stops what was started, last started first, and goes on past a part that fails to stop. */
public final class Shutdown {
    private static final Logger log = LoggerFactory.getLogger(Shutdown.class);

    private Shutdown() {}

    /** Closes and removes every element, from the head (the last pushed) on. */
    public static void inReverseOrder(Deque<AutoCloseable> started) {
        while (!started.isEmpty()) {
            AutoCloseable next = started.pop();
            try {
                next.close();
            } catch (Exception e) {
                log.warn("error while stopping {}", next, e);
            }
        }
    }
}

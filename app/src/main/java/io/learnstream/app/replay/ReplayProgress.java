package io.learnstream.app.replay;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Prints a line of live progress every few seconds while a long step runs, prefixed with the seconds since it started. */
public final class ReplayProgress implements AutoCloseable {
    private final ScheduledExecutorService printer;

    public ReplayProgress(PrintStream out, long everySeconds, Supplier<String> line) {
        long started = System.nanoTime();
        printer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("learnstream-progress").daemon().factory());
        printer.scheduleAtFixedRate(() -> {
            try {
                out.printf(Locale.ROOT, "[%5.0fs] %s%n", (System.nanoTime() - started) / 1e9, line.get());
            } catch (RuntimeException e) {
                out.printf(Locale.ROOT, "[%5.0fs] (progress not available: %s)%n", (System.nanoTime() - started) / 1e9, e.getMessage());
            }
        }, everySeconds, everySeconds, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        printer.shutdownNow();
    }
}

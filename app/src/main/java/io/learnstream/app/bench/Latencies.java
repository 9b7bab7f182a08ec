package io.learnstream.app.bench;

import java.util.Arrays;

/**
 * What a run of requests measured: how many, their rate over the run, and percentiles of their latencies.
 *
 * @param requests  how many requests the run made
 * @param perSecond requests per second, from the first request to the last answer
 */
record Latencies(int requests, double perSecond, double p50Millis, double p95Millis, double p99Millis) {

    /** The figures of {@code nanos} (each request's latency) answered in {@code elapsedNanos}; the percentiles are nearest-rank. */
    static Latencies of(long[] nanos, long elapsedNanos) {
        if (nanos.length == 0) throw new IllegalArgumentException("no latencies: the run made no request");
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Latencies(sorted.length, sorted.length / (elapsedNanos / 1e9),
                rank(sorted, 0.50) / 1e6, rank(sorted, 0.95) / 1e6, rank(sorted, 0.99) / 1e6);
    }

    private static long rank(long[] sorted, double quantile) {
        return sorted[(int) Math.max(0, Math.min(sorted.length - 1, Math.ceil(sorted.length * quantile) - 1))];
    }
}

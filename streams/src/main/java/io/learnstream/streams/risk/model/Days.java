package io.learnstream.streams.risk.model;

/** Whole days of event time (UTC), the unit every risk feature counts in. */
public final class Days {
    public static final long MILLIS = 86_400_000L;

    private Days() {}

    /** The UTC day an instant falls on, counted from 1970-01-01. */
    public static long of(long epochMillis) {
        return Math.floorDiv(epochMillis, MILLIS);
    }

    /** The start of a UTC day. */
    public static long start(long day) {
        return day * MILLIS;
    }
}

package io.learnstream.streams.risk.model;

import java.util.Arrays;

/** A set of ints kept as a sorted array: small, compact in a store, O(log n) to look up. */
final class SortedInts {
    private SortedInts() {}

    /** The set with {@code value} added: the same array when it is already in. */
    static int[] with(int[] sorted, int value) {
        int at = Arrays.binarySearch(sorted, value);
        if (at >= 0) return sorted;
        int insert = -at - 1;
        int[] grown = new int[sorted.length + 1];
        System.arraycopy(sorted, 0, grown, 0, insert);
        grown[insert] = value;
        System.arraycopy(sorted, insert, grown, insert + 1, sorted.length - insert);
        return grown;
    }
}

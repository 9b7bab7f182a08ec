package io.learnstream.streams.engagement;

import java.time.Duration;

/**
 * How engagement is measured.
 *
 * @param inactivityGap a session ends after this long without activity
 * @param grace how late (in event time, behind the student's own newest event) an event may arrive and still count
 */
public record EngagementOptions(Duration inactivityGap, Duration grace) {
    public EngagementOptions {
        if (inactivityGap.isNegative() || inactivityGap.isZero()) {
            throw new IllegalArgumentException("inactivityGap must be positive, got " + inactivityGap);
        }
        if (grace.isNegative()) throw new IllegalArgumentException("grace must not be negative, got " + grace);
    }

    /**
     * A 30-minute inactivity gap; events up to seven days late (behind the student's own newest event) still
     * count: tools that sync after a weekend offline, or a week of history imported in any order. Updates are emitted
     * as events arrive, so the grace period costs state, not freshness.
     */
    public static EngagementOptions defaults() {
        return new EngagementOptions(Duration.ofMinutes(30), Duration.ofDays(7));
    }
}

package io.learnstream.streams.risk.model;

import com.tdunning.math.stats.MergingDigest;
import com.tdunning.math.stats.TDigest;
import java.nio.ByteBuffer;

/**
 * The distribution of a class's students' activity in their last 7 days, as a t-digest: where one student stands
 * within the class ({@link #percentile}) without keeping every value. Rebuilt at each tick from the class's students.
 */
public final class ActivityDistribution {
    private static final double COMPRESSION = 100;
    private final TDigest digest;

    private ActivityDistribution(TDigest digest) {
        this.digest = digest;
    }

    public static ActivityDistribution empty() {
        return new ActivityDistribution(new MergingDigest(COMPRESSION));
    }

    public void add(double value) {
        digest.add(value);
    }

    public long size() {
        return digest.size();
    }

    /**
     * The share of the class at or below {@code value}, in [0, 1], counting ties half (so a class where everybody did
     * nothing puts each student at 0.5); 0.5 when the class has no students yet.
     */
    public double percentile(double value) {
        if (digest.size() == 0) return 0.5;
        double below = digest.cdf(value - 1e-9);
        double atOrBelow = digest.cdf(value + 1e-9);
        return Math.max(0, Math.min(1, (below + atOrBelow) / 2));
    }

    public byte[] toBytes() {
        ByteBuffer buffer = ByteBuffer.allocate(digest.smallByteSize());
        digest.asSmallBytes(buffer);
        return buffer.array();
    }

    public static ActivityDistribution fromBytes(byte[] bytes) {
        return new ActivityDistribution(MergingDigest.fromBytes(ByteBuffer.wrap(bytes)));
    }
}

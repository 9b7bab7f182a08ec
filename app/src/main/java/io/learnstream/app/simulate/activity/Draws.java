package io.learnstream.app.simulate.activity;

import java.time.Duration;
import java.util.random.RandomGenerator;

/** The few distributions the behaviour model draws from. */
final class Draws {

    private Draws() {
    }

    static double uniform(RandomGenerator random, double from, double to) {
        return from + (to - from) * random.nextDouble();
    }

    static boolean chance(RandomGenerator random, double probability) {
        return random.nextDouble() < probability;
    }

    /** A log-normally distributed duration with the given median, clamped to [min, max], in whole milliseconds. */
    static Duration lognormal(RandomGenerator random, Duration median, double sigma, Duration min, Duration max) {
        double millis = median.toMillis() * Math.exp(sigma * random.nextGaussian());
        long clamped = Math.max(min.toMillis(), Math.min(max.toMillis(), Math.round(millis)));
        return Duration.ofMillis(clamped);
    }

    /** An index drawn with probability proportional to its weight; weights must not all be zero. */
    static int weighted(RandomGenerator random, double... weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("weights must add up to more than 0");
        }
        double pick = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            pick -= weights[i];
            if (pick < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}

package io.learnstream.app.simulate.district;

import java.util.SplittableRandom;

/**
 * Derives independent, reproducible random streams from the simulation seed: one stream per purpose
 * (district, content, a student's day, ...), so that what one part draws never shifts what another part draws.
 */
public final class Seeds {

    private Seeds() {
    }

    /** A random stream determined by the seed and the given parts (purpose tag, indexes). */
    public static SplittableRandom random(long seed, long... parts) {
        return new SplittableRandom(mix(seed, parts));
    }

    /** Mixes the seed and the parts into one well-spread 64-bit value. */
    public static long mix(long seed, long... parts) {
        long h = fmix64(seed ^ 0x9E3779B97F4A7C15L);
        for (long part : parts) {
            h = fmix64(h * 31 + fmix64(part + 0x632BE59BD9B4E019L));
        }
        return h;
    }

    /** A stable numeric tag for a purpose name, to use as a part. */
    public static long tag(String purpose) {
        long h = 1125899906842597L;
        for (int i = 0; i < purpose.length(); i++) {
            h = 31 * h + purpose.charAt(i);
        }
        return fmix64(h);
    }

    /** MurmurHash3's 64-bit finalizer. */
    private static long fmix64(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }
}

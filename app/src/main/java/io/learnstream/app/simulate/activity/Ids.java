package io.learnstream.app.simulate.activity;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.random.RandomGenerator;

/** Reproducible UUIDs: random ones drawn from a seeded stream, and name-based ones. */
public final class Ids {

    private Ids() {
    }

    /** A version 4 (random) UUID drawn from the given generator. */
    public static UUID random(RandomGenerator random) {
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    /** A version 3 (name-based) UUID of the seed and the given names, the same whenever asked. */
    public static UUID nameBased(long seed, String... names) {
        return UUID.nameUUIDFromBytes((seed + "|" + String.join("|", names)).getBytes(StandardCharsets.UTF_8));
    }
}

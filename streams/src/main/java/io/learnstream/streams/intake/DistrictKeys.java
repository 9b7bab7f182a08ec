package io.learnstream.streams.intake;

import io.learnstream.ingest.identity.PseudonymKey;
import io.learnstream.schemas.avro.District;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The pseudonym key of each district, built once per secret (a new secret builds a new key). */
final class DistrictKeys {
    private record Cached(byte[] secret, PseudonymKey key) {}

    private final ConcurrentMap<String, Cached> keys = new ConcurrentHashMap<>();

    PseudonymKey keyOf(District district) {
        byte[] secret = bytes(district.getPseudonymSecret());
        Cached cached = keys.get(district.getTenantId());
        if (cached == null || !Arrays.equals(cached.secret(), secret)) {
            cached = new Cached(secret, new PseudonymKey(secret));
            keys.put(district.getTenantId(), cached);
        }
        return cached.key();
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
    }
}

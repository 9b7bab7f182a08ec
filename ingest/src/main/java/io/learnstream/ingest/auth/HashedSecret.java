package io.learnstream.ingest.auth;

import java.util.Arrays;
import java.util.Objects;

/**
 * A secret as it is stored: the PBKDF2 hash, its salt and the iteration count it was made with (kept per credential,
 * so the count can be raised later without invalidating older credentials).
 */
public record HashedSecret(byte[] hash, byte[] salt, int iterations) {
    public HashedSecret {
        hash = Objects.requireNonNull(hash, "hash").clone();
        salt = Objects.requireNonNull(salt, "salt").clone();
        if (hash.length == 0) throw new IllegalArgumentException("hash is empty");
        if (salt.length == 0) throw new IllegalArgumentException("salt is empty");
        if (iterations < 1) throw new IllegalArgumentException("iterations must be positive, got " + iterations);
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HashedSecret that && iterations == that.iterations
                && Arrays.equals(hash, that.hash) && Arrays.equals(salt, that.salt);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(hash) + Arrays.hashCode(salt)) + iterations;
    }

    @Override
    public String toString() {
        return "HashedSecret[****, " + iterations + " iterations]";
    }
}

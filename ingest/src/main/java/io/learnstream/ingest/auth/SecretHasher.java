package io.learnstream.ingest.auth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Hashes credential secrets for storage and checks presented secrets against the stored hash: PBKDF2 with
 * HMAC-SHA256 from the JDK, a fresh random salt per secret, and a constant-time comparison.
 *
 * <p>A verification costs a few hundred milliseconds of CPU on purpose; {@link Authenticator} runs it once per
 * credential and secret and remembers the outcome.
 */
public final class SecretHasher {
    public static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    /** OWASP's recommendation for PBKDF2-HMAC-SHA256 (2023). Stored with each hash, so raising it keeps old hashes valid. */
    public static final int ITERATIONS = 600_000;
    public static final int SALT_BYTES = 16;
    static final int HASH_BITS = 256;
    /** Bound on a stored iteration count, so a corrupted or hostile record cannot make one verification run for minutes. */
    static final int MAX_ITERATIONS = 10_000_000;

    private final SecureRandom random;

    public SecretHasher() {
        this(new SecureRandom());
    }

    public SecretHasher(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Hashes {@code secret} with a new random salt and {@link #ITERATIONS} iterations. */
    public HashedSecret hash(String secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.isEmpty()) throw new IllegalArgumentException("secret is empty");
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return new HashedSecret(derive(secret, salt, ITERATIONS, HASH_BITS), salt, ITERATIONS);
    }

    /** Whether {@code secret} is the one {@code stored} was made from; the comparison takes the same time either way. */
    public boolean verify(String secret, HashedSecret stored) {
        Objects.requireNonNull(stored, "stored");
        if (secret == null || secret.isEmpty() || stored.iterations() > MAX_ITERATIONS) return false;
        byte[] expected = stored.hash();
        byte[] actual = derive(secret, stored.salt(), stored.iterations(), expected.length * Byte.SIZE);
        return MessageDigest.isEqual(expected, actual);
    }

    private static byte[] derive(String secret, byte[] salt, int iterations, int bits) {
        char[] chars = secret.toCharArray();
        PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, bits);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available in this JVM", e);
        } finally {
            spec.clearPassword();
            Arrays.fill(chars, '\0');
        }
    }
}

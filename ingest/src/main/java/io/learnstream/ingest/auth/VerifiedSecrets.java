package io.learnstream.ingest.auth;

import io.learnstream.schemas.avro.Credential;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.BooleanSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers, per credential, a keyed digest (HMAC-SHA256 under a random key of this process) of the secret that
 * passed the slow PBKDF2 check, so later requests with the same key and secret cost one HMAC. An entry counts only
 * for the very credential record it was verified against: once the credential is rewritten (revoked, re-hashed) the
 * entry no longer matches and the next request is checked against the new record. Since a credential has exactly one
 * secret, a different digest means a wrong secret, which is refused without the slow check as well.
 *
 * <p>Concurrent first requests with the same key and secret share one slow check.
 */
final class VerifiedSecrets {
    private static final String MAC_ALGORITHM = "HmacSHA256";

    private record Entry(Credential credential, byte[] digest, Principal principal) {}

    private record Attempt(String key, String digestHex, Credential credential) {}

    private final Mac prototype;
    private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final ConcurrentMap<Attempt, CompletableFuture<Boolean>> inFlight = new ConcurrentHashMap<>();

    VerifiedSecrets(SecureRandom random) {
        byte[] processKey = new byte[32];
        random.nextBytes(processKey);
        try {
            prototype = Mac.getInstance(MAC_ALGORITHM);
            prototype.init(new SecretKeySpec(processKey, MAC_ALGORITHM));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(MAC_ALGORITHM + " is not available in this JVM", e);
        }
    }

    /** The keyed digest of a presented secret. */
    byte[] digest(String secret) {
        return newMac().doFinal(secret.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Whether the secret with {@code digest} is the secret of {@code credential}: from memory when this credential
     * record was verified before, else by {@code slowCheck}, run once for all concurrent identical attempts.
     *
     * @return the principal of the credential when the secret matches, empty when it does not
     */
    Optional<Principal> check(String key, Credential credential, byte[] digest, BooleanSupplier slowCheck) {
        Entry known = entries.get(key);
        if (known != null && known.credential() == credential) {
            return MessageDigest.isEqual(known.digest(), digest) ? Optional.of(known.principal()) : Optional.empty();
        }
        Attempt attempt = new Attempt(key, HexFormat.of().formatHex(digest), credential);
        CompletableFuture<Boolean> mine = new CompletableFuture<>();
        CompletableFuture<Boolean> running = inFlight.putIfAbsent(attempt, mine);
        if (running != null) return principal(join(running), key, credential);
        try {
            boolean matches;
            Entry finished = entries.get(key);
            if (finished != null && finished.credential() == credential) {
                // a check of this credential finished between the lookup above and registering this attempt
                matches = MessageDigest.isEqual(finished.digest(), digest);
            } else {
                matches = slowCheck.getAsBoolean();
                if (matches) entries.put(key, new Entry(credential, digest.clone(), CredentialRegistry.principalOf(credential)));
            }
            mine.complete(matches);
            return principal(matches, key, credential);
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(attempt, mine);
        }
    }

    /** Drops what is remembered for {@code key} (the credential changed or is gone). */
    void forget(String key) {
        entries.remove(key);
    }

    int size() {
        return entries.size();
    }

    private Optional<Principal> principal(boolean matches, String key, Credential credential) {
        if (!matches) return Optional.empty();
        Entry entry = entries.get(key);
        return Optional.of(entry != null && entry.credential() == credential ? entry.principal() : CredentialRegistry.principalOf(credential));
    }

    private static boolean join(CompletableFuture<Boolean> running) {
        try {
            return running.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) throw runtime;
            throw e;
        }
    }

    private Mac newMac() {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(MAC_ALGORITHM + " of this JVM cannot be cloned", e);
        }
    }
}

package io.learnstream.ingest.auth;

import io.learnstream.schemas.avro.Credential;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers, per credential, a keyed digest (HMAC-SHA256 under a random key of this process) of the secret that
 * passed the slow PBKDF2 check, so later requests with the same key and secret cost one HMAC. An entry counts only
 * for the very credential record it was verified against: once the credential is rewritten (revoked, re-hashed) the
 * entry no longer matches and the next request is checked against the new record. Since a credential has exactly one
 * secret, a different digest means a wrong secret, which is refused without the slow check as well.
 *
 * <p>Until a credential's secret has been verified, a wrong secret would cost the slow check on every request: a tool
 * configured with an old secret retries for ever, and anyone who knows a key could keep the CPU busy. So the digests
 * of secrets the slow check refused are remembered too (per credential record, the last {@link #REMEMBERED_WRONG}),
 * and a repeat is refused at the cost of one HMAC; and after {@link #MAX_FAILED_CHECKS} failed slow checks of one
 * credential within {@link #FAILED_CHECKS_WINDOW}, further new secrets are refused without a check (reason
 * {@code throttled}) until the oldest of those failures is older than the window. A secret verified before stays
 * accepted throughout.
 *
 * <p>Concurrent first requests with the same key and secret share one slow check.
 */
final class VerifiedSecrets {
    private static final String MAC_ALGORITHM = "HmacSHA256";

    /** Failed slow checks of one credential allowed within {@link #FAILED_CHECKS_WINDOW}. */
    static final int MAX_FAILED_CHECKS = 5;

    static final Duration FAILED_CHECKS_WINDOW = Duration.ofMinutes(1);

    /** Wrong secrets remembered per credential: a misconfigured tool sends one, again and again. */
    static final int REMEMBERED_WRONG = 16;

    private record Entry(Credential credential, byte[] digest, Principal principal) {}

    /**
     * What the slow check refused for one credential record: the digests, when (nanoTime) the last checks failed, and
     * how many checks are running. Guarded by its own monitor.
     */
    private static final class Refusals {
        final Credential credential;
        final Set<String> digests = Collections.newSetFromMap(new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > REMEMBERED_WRONG;
            }
        });
        final Deque<Long> failedAt = new ArrayDeque<>();
        int running;

        Refusals(Credential credential) {
            this.credential = credential;
        }
    }

    private record Attempt(String key, String digestHex, Credential credential) {}

    private final Mac prototype;
    private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final ConcurrentMap<Attempt, CompletableFuture<Boolean>> inFlight = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Refusals> refusals = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;

    VerifiedSecrets(SecureRandom random) {
        this(random, System::nanoTime);
    }

    /** @param nanoTime the monotonic clock of the failed-check window (tests drive it) */
    VerifiedSecrets(SecureRandom random, LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
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
     * @throws AuthenticationException (reason {@code throttled}) when the secret is new and the credential has had too
     *     many failed slow checks lately
     */
    Optional<Principal> check(String key, Credential credential, byte[] digest, BooleanSupplier slowCheck) throws AuthenticationException {
        Entry known = entries.get(key);
        if (known != null && known.credential() == credential) {
            return MessageDigest.isEqual(known.digest(), digest) ? Optional.of(known.principal()) : Optional.empty();
        }
        String digestHex = HexFormat.of().formatHex(digest);
        Refusals refused = refusals.compute(key, (k, current) -> current == null || current.credential != credential ? new Refusals(credential) : current);
        synchronized (refused) {
            if (refused.digests.contains(digestHex)) return Optional.empty();
        }
        Attempt attempt = new Attempt(key, digestHex, credential);
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
                reserveCheck(key, refused);
                Boolean outcome = null;
                try {
                    outcome = slowCheck.getAsBoolean();
                } finally {
                    checked(refused, outcome, digestHex);
                }
                matches = outcome;
                if (matches) {
                    entries.put(key, new Entry(credential, digest.clone(), CredentialRegistry.principalOf(credential)));
                    refusals.remove(key, refused);
                }
            }
            mine.complete(matches);
            return principal(matches, key, credential);
        } catch (RuntimeException | AuthenticationException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(attempt, mine);
        }
    }

    /** Drops what is remembered for {@code key} (the credential changed or is gone). */
    void forget(String key) {
        entries.remove(key);
        refusals.remove(key);
    }

    int size() {
        return entries.size();
    }

    /**
     * Takes one of the credential's {@link #MAX_FAILED_CHECKS} slow checks per window: failures within the window and
     * checks still running both count, so concurrent requests cannot run more checks than sequential ones.
     *
     * @throws AuthenticationException (reason {@code throttled}) when none is left
     */
    private void reserveCheck(String key, Refusals refused) throws AuthenticationException {
        synchronized (refused) {
            long now = nanoTime.getAsLong();
            while (!refused.failedAt.isEmpty() && now - refused.failedAt.peekFirst() >= FAILED_CHECKS_WINDOW.toNanos()) {
                refused.failedAt.pollFirst();
            }
            if (refused.failedAt.size() + refused.running >= MAX_FAILED_CHECKS) {
                long retryIn = refused.failedAt.isEmpty() ? 0 : FAILED_CHECKS_WINDOW.toNanos() - (now - refused.failedAt.peekFirst());
                throw new AuthenticationException(AuthenticationException.Reason.THROTTLED, refused.failedAt.size()
                        + " wrong secrets within " + FAILED_CHECKS_WINDOW.toSeconds() + " s"
                        + (refused.running > 0 ? " and " + refused.running + " being checked" : "")
                        + "; new secrets are checked again in " + Math.max(1, (retryIn + 999_999_999L) / 1_000_000_000L) + " s", key);
            }
            refused.running++;
        }
    }

    /** Gives the reserved check back; a refused secret is remembered and its failure counted. */
    private void checked(Refusals refused, Boolean outcome, String digestHex) {
        synchronized (refused) {
            refused.running--;
            if (Boolean.FALSE.equals(outcome)) {
                refused.digests.add(digestHex);
                refused.failedAt.addLast(nanoTime.getAsLong());
                while (refused.failedAt.size() > MAX_FAILED_CHECKS) refused.failedAt.pollFirst();
            }
        }
    }

    private Optional<Principal> principal(boolean matches, String key, Credential credential) {
        if (!matches) return Optional.empty();
        Entry entry = entries.get(key);
        return Optional.of(entry != null && entry.credential() == credential ? entry.principal() : CredentialRegistry.principalOf(credential));
    }

    /** The outcome of an identical attempt already running; throttled, if it was. */
    private static boolean join(CompletableFuture<Boolean> running) throws AuthenticationException {
        try {
            return running.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) throw runtime;
            if (e.getCause() instanceof AuthenticationException throttled) throw throttled;
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

package io.learnstream.ingest.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.learnstream.schemas.avro.Credential;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** The memory of verified secrets that spares PBKDF2 on every request. */
class VerifiedSecretsTest {
    private final AtomicLong nanoTime = new AtomicLong(1_000_000_000L);
    private final VerifiedSecrets verified = new VerifiedSecrets(new SecureRandom(), nanoTime::get);
    private final AtomicInteger slowChecks = new AtomicInteger();
    private final Credential credential = credential("ls_a", "riverside");

    @Test
    void runsTheSlowCheckOnlyForTheFirstRequestOfACredentialAndSecret() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(verified.check("ls_a", credential, verified.digest("right"), slowCheck(true)))
                    .contains(new Principal("riverside", "moodle", "ls_a", Set.of(Scope.STATEMENTS_WRITE)));
        }
        assertThat(slowChecks).hasValue(1);
    }

    @Test
    void refusesAnotherSecretWithoutTheSlowCheckOnceTheRightOneIsKnown() throws Exception {
        verified.check("ls_a", credential, verified.digest("right"), slowCheck(true));

        assertThat(verified.check("ls_a", credential, verified.digest("wrong"), slowCheck(true))).isEmpty();
        assertThat(slowChecks).hasValue(1);
    }

    @Test
    void refusesAWrongSecretAgainWithoutTheSlowCheck() throws Exception {
        // given a tool configured with an old secret, which it sends again and again
        for (int i = 0; i < 20; i++) {
            assertThat(verified.check("ls_a", credential, verified.digest("old"), slowCheck(false))).isEmpty();
        }

        assertThat(slowChecks).as("only the first request paid for PBKDF2").hasValue(1);
        assertThat(verified.size()).as("nothing is verified").isZero();
    }

    @Test
    void throttlesNewSecretsOfACredentialAfterFiveFailedChecksWithinAMinute() throws Exception {
        // given five different wrong secrets within a minute
        for (int i = 0; i < VerifiedSecrets.MAX_FAILED_CHECKS; i++) {
            assertThat(verified.check("ls_a", credential, verified.digest("guess-" + i), slowCheck(false))).isEmpty();
            nanoTime.addAndGet(TimeUnit.SECONDS.toNanos(5));
        }

        // then a sixth new secret, even the right one, is refused without a check
        assertThatThrownBy(() -> verified.check("ls_a", credential, verified.digest("right"), slowCheck(true)))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    assertThat(e.reason()).isEqualTo(AuthenticationException.Reason.THROTTLED);
                    assertThat(e.getMessage()).contains("5 wrong secrets within 60 s").contains("checked again in 35 s");
                });
        assertThat(slowChecks).hasValue(VerifiedSecrets.MAX_FAILED_CHECKS);

        // when the first failure is a minute old, a new secret is checked again
        nanoTime.addAndGet(TimeUnit.SECONDS.toNanos(35));
        assertThat(verified.check("ls_a", credential, verified.digest("right"), slowCheck(true))).map(Principal::credentialKey).contains("ls_a");
        assertThat(slowChecks).hasValue(VerifiedSecrets.MAX_FAILED_CHECKS + 1);
    }

    @Test
    void countsChecksStillRunningSoConcurrentGuessesGetNoMoreChecksThanSequentialOnes() throws Exception {
        // given eight different secrets tried at once, while every slow check takes its time
        int requests = 8;
        CountDownLatch release = new CountDownLatch(1);
        BooleanSupplier slowWrong = slowCheckHeldUntil(release, false);
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        try {
            List<Future<Optional<Principal>>> results = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                String secret = "guess-" + i;
                results.add(pool.submit(() -> verified.check("ls_a", credential, verified.digest(secret), slowWrong)));
            }

            // then five checks run and the other three requests are refused at once, unchecked
            await().atMost(Duration.ofSeconds(10)).until(() -> slowChecks.get() == VerifiedSecrets.MAX_FAILED_CHECKS
                    && results.stream().filter(Future::isDone).count() == requests - VerifiedSecrets.MAX_FAILED_CHECKS);
            int throttled = 0;
            for (Future<Optional<Principal>> result : results) {
                if (!result.isDone()) continue; // one of the five running checks
                try {
                    result.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOfSatisfying(AuthenticationException.class,
                            refused -> assertThat(refused.reason()).isEqualTo(AuthenticationException.Reason.THROTTLED));
                    throttled++;
                }
            }
            assertThat(throttled).isEqualTo(requests - VerifiedSecrets.MAX_FAILED_CHECKS);
            release.countDown();
            for (Future<Optional<Principal>> result : results) {
                try {
                    assertThat(result.get(30, TimeUnit.SECONDS)).isEmpty();
                } catch (java.util.concurrent.ExecutionException alreadyCounted) {
                    // throttled above
                }
            }
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
        assertThat(slowChecks).hasValue(VerifiedSecrets.MAX_FAILED_CHECKS);
    }

    @Test
    void throttlesOnlyTheCredentialThatHadTheWrongSecrets() throws Exception {
        for (int i = 0; i < VerifiedSecrets.MAX_FAILED_CHECKS; i++) {
            verified.check("ls_a", credential, verified.digest("guess-" + i), slowCheck(false));
        }

        assertThat(verified.check("ls_b", credential("ls_b", "hillcrest"), verified.digest("right"), slowCheck(true))).isPresent();
    }

    @Test
    void neverThrottlesOnceTheRightSecretIsKnown() throws Exception {
        verified.check("ls_a", credential, verified.digest("right"), slowCheck(true));
        for (int i = 0; i < 3 * VerifiedSecrets.MAX_FAILED_CHECKS; i++) {
            assertThat(verified.check("ls_a", credential, verified.digest("guess-" + i), slowCheck(false))).isEmpty();
        }

        assertThat(verified.check("ls_a", credential, verified.digest("right"), slowCheck(true))).isPresent();
        assertThat(slowChecks).hasValue(1);
    }

    @Test
    void checksAWrongSecretAgainOnceTheCredentialRecordChanged() throws Exception {
        verified.check("ls_a", credential, verified.digest("new"), slowCheck(false));
        // the secret was reset: the record is rewritten, and the secret refused before may be the new one
        Credential rewritten = Credential.newBuilder(credential).build();

        assertThat(verified.check("ls_a", rewritten, verified.digest("new"), slowCheck(true))).isPresent();
        assertThat(slowChecks).hasValue(2);
    }

    @Test
    void forgetsTheWrongSecretsWithTheCredential() throws Exception {
        for (int i = 0; i < VerifiedSecrets.MAX_FAILED_CHECKS; i++) {
            verified.check("ls_a", credential, verified.digest("guess-" + i), slowCheck(false));
        }
        verified.forget("ls_a");

        assertThat(verified.check("ls_a", credential, verified.digest("right"), slowCheck(true))).isPresent();
    }

    @Test
    void checksAgainOnceTheCredentialRecordChanged() throws Exception {
        verified.check("ls_a", credential, verified.digest("right"), slowCheck(true));
        Credential rewritten = Credential.newBuilder(credential).build();

        assertThat(verified.check("ls_a", rewritten, verified.digest("right"), slowCheck(false))).isEmpty();
        assertThat(slowChecks).hasValue(2);
    }

    @Test
    void checksAgainOnceForgotten() throws Exception {
        verified.check("ls_a", credential, verified.digest("right"), slowCheck(true));
        verified.forget("ls_a");

        verified.check("ls_a", credential, verified.digest("right"), slowCheck(true));
        assertThat(slowChecks).hasValue(2);
    }

    @Test
    void keepsCredentialsApart() throws Exception {
        Credential other = credential("ls_b", "hillcrest");
        verified.check("ls_a", credential, verified.digest("shared"), slowCheck(true));

        Optional<Principal> principal = verified.check("ls_b", other, verified.digest("shared"), slowCheck(true));
        assertThat(principal).map(Principal::tenantId).contains("hillcrest");
        assertThat(slowChecks).hasValue(2);
    }

    @Test
    void letsConcurrentFirstRequestsShareOneSlowCheck() throws Exception {
        int requests = 8;
        CountDownLatch allStarted = new CountDownLatch(requests);
        CountDownLatch release = new CountDownLatch(1);
        BooleanSupplier blockingCheck = slowCheckHeldUntil(release, true);
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        try {
            List<Future<Optional<Principal>>> results = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                results.add(pool.submit(() -> {
                    allStarted.countDown();
                    return verified.check("ls_a", credential, verified.digest("right"), blockingCheck);
                }));
            }
            allStarted.await(30, TimeUnit.SECONDS);
            release.countDown();
            for (Future<Optional<Principal>> result : results) {
                assertThat(result.get(30, TimeUnit.SECONDS)).map(Principal::credentialKey).contains("ls_a");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(slowChecks).hasValue(1);
    }

    /** A slow check that takes until {@code release} opens, then answers {@code outcome}. */
    private BooleanSupplier slowCheckHeldUntil(CountDownLatch release, boolean outcome) {
        return () -> {
            slowChecks.incrementAndGet();
            try {
                return release.await(30, TimeUnit.SECONDS) && outcome;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        };
    }

    private BooleanSupplier slowCheck(boolean outcome) {
        return () -> {
            slowChecks.incrementAndGet();
            return outcome;
        };
    }

    private static Credential credential(String key, String tenantId) {
        return Credential.newBuilder().setKey(key).setTenantId(tenantId).setTool("moodle").setScopes(List.of("statements/write"))
                .setSecretHash(ByteBuffer.wrap(new byte[32])).setSalt(ByteBuffer.wrap(new byte[16])).setIterations(1)
                .setCreated(Instant.parse("2025-01-01T00:00:00Z")).setRevoked(null).build();
    }
}

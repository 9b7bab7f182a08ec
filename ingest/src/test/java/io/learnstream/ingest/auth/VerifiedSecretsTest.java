package io.learnstream.ingest.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnstream.schemas.avro.Credential;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
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
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** The memory of verified secrets that spares PBKDF2 on every request. */
class VerifiedSecretsTest {
    private final VerifiedSecrets verified = new VerifiedSecrets(new SecureRandom());
    private final AtomicInteger slowChecks = new AtomicInteger();
    private final Credential credential = credential("ls_a", "riverside");

    @Test
    void runsTheSlowCheckOnlyForTheFirstRequestOfACredentialAndSecret() {
        for (int i = 0; i < 5; i++) {
            assertThat(verified.check("ls_a", credential, verified.digest("right"), slowCheck(true)))
                    .contains(new Principal("riverside", "moodle", "ls_a", Set.of(Scope.STATEMENTS_WRITE)));
        }
        assertThat(slowChecks).hasValue(1);
    }

    @Test
    void refusesAnotherSecretWithoutTheSlowCheckOnceTheRightOneIsKnown() {
        verified.check("ls_a", credential, verified.digest("right"), slowCheck(true));

        assertThat(verified.check("ls_a", credential, verified.digest("wrong"), slowCheck(true))).isEmpty();
        assertThat(slowChecks).hasValue(1);
    }

    @Test
    void remembersNothingAboutAWrongSecret() {
        assertThat(verified.check("ls_a", credential, verified.digest("wrong"), slowCheck(false))).isEmpty();
        assertThat(verified.check("ls_a", credential, verified.digest("wrong"), slowCheck(false))).isEmpty();

        assertThat(slowChecks).hasValue(2);
        assertThat(verified.size()).isZero();
    }

    @Test
    void checksAgainOnceTheCredentialRecordChanged() {
        verified.check("ls_a", credential, verified.digest("right"), slowCheck(true));
        Credential rewritten = Credential.newBuilder(credential).build();

        assertThat(verified.check("ls_a", rewritten, verified.digest("right"), slowCheck(false))).isEmpty();
        assertThat(slowChecks).hasValue(2);
    }

    @Test
    void checksAgainOnceForgotten() {
        verified.check("ls_a", credential, verified.digest("right"), slowCheck(true));
        verified.forget("ls_a");

        verified.check("ls_a", credential, verified.digest("right"), slowCheck(true));
        assertThat(slowChecks).hasValue(2);
    }

    @Test
    void keepsCredentialsApart() {
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
        BooleanSupplier blockingCheck = () -> {
            slowChecks.incrementAndGet();
            try {
                return release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        };
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

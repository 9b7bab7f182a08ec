package io.learnstream.ingest.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SecretHasherTest {
    private final SecretHasher hasher = new SecretHasher();

    @Test
    void acceptsTheSecretAHashWasMadeFrom() {
        HashedSecret stored = hasher.hash("correct-horse-battery-staple-0123456789");

        assertThat(hasher.verify("correct-horse-battery-staple-0123456789", stored)).isTrue();
    }

    @Test
    void refusesAnyOtherSecret() {
        HashedSecret stored = hasher.hash("correct-horse-battery-staple-0123456789");

        assertThat(hasher.verify("correct-horse-battery-staple-012345678", stored)).isFalse();
        assertThat(hasher.verify("Correct-horse-battery-staple-0123456789", stored)).isFalse();
        assertThat(hasher.verify("", stored)).isFalse();
        assertThat(hasher.verify(null, stored)).isFalse();
    }

    @Test
    void saltsEveryHashAfresh() {
        HashedSecret first = hasher.hash("the same secret");
        HashedSecret second = hasher.hash("the same secret");

        assertThat(first.salt()).hasSize(SecretHasher.SALT_BYTES).isNotEqualTo(second.salt());
        assertThat(first.hash()).isNotEqualTo(second.hash());
        assertThat(hasher.verify("the same secret", first)).isTrue();
        assertThat(hasher.verify("the same secret", second)).isTrue();
    }

    @Test
    void hashesWithPbkdf2Sha256AtLeastTheIterationsOwaspAsksFor() {
        HashedSecret stored = hasher.hash("secret");

        assertThat(SecretHasher.ALGORITHM).isEqualTo("PBKDF2WithHmacSHA256");
        assertThat(SecretHasher.ITERATIONS).isGreaterThanOrEqualTo(210_000);
        assertThat(stored.iterations()).isEqualTo(SecretHasher.ITERATIONS);
        assertThat(stored.hash()).hasSize(32);
    }

    @Test
    void verifiesAHashMadeWithAnotherIterationCountByTheCountStoredWithIt() {
        HashedSecret current = hasher.hash("secret");
        HashedSecret withOtherCount = new HashedSecret(current.hash(), current.salt(), current.iterations() + 1);

        assertThat(hasher.verify("secret", withOtherCount)).isFalse();
        assertThat(hasher.verify("secret", current)).isTrue();
    }

    @Test
    void refusesToHashAnEmptySecret() {
        assertThatThrownBy(() -> hasher.hash("")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
    }

    @Test
    void neverPrintsTheHashOrSalt() {
        assertThat(hasher.hash("secret")).hasToString("HashedSecret[****, " + SecretHasher.ITERATIONS + " iterations]");
    }
}

package io.learnstream.ingest.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CredentialTokensTest {
    private final CredentialTokens tokens = new CredentialTokens(new SecureRandom());

    @Test
    void makesKeysOfLsAndSixteenLettersOrDigits() {
        assertThat(tokens.newKey()).matches("ls_[A-Za-z0-9]{16}");
    }

    @Test
    void makesSecretsOfAtLeastThirtyTwoLettersOrDigits() {
        String secret = tokens.newSecret();

        assertThat(secret).matches("[A-Za-z0-9]+");
        assertThat(secret.length()).isGreaterThanOrEqualTo(32);
    }

    @Test
    void neverRepeatsItself() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            assertThat(seen.add(tokens.newKey())).isTrue();
            assertThat(seen.add(tokens.newSecret())).isTrue();
        }
    }
}

package io.learnstream.ingest.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TenantIdTest {
    @Test
    void acceptsLowercaseIdsOfLettersDigitsUnderscoresAndDashes() {
        assertThat(TenantId.requireValid("riverside")).isEqualTo("riverside");
        assertThat(TenantId.isValid("riverside-usd_2")).isTrue();
        assertThat(TenantId.isValid("7")).isTrue();
        assertThat(TenantId.isValid("a".repeat(63))).isTrue();
    }

    @Test
    void refusesEverythingElse() {
        for (String invalid : new String[] {"", "Riverside", "-riverside", "_riverside", "river side", "river/side", "a".repeat(64), "rïverside"}) {
            assertThat(TenantId.isValid(invalid)).as(invalid).isFalse();
        }
        assertThat(TenantId.isValid(null)).isFalse();
    }

    @Test
    void saysWhatTheRuleIs() {
        assertThatThrownBy(() -> TenantId.requireValid("Riverside"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Riverside'")
                .hasMessageContaining("a-z, 0-9, '_' and '-'");
    }
}

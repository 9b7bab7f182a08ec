package io.learnstream.ingest.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ScopeTest {
    @Test
    void namesScopesAsXapisOAuthScopes() {
        assertThat(Scope.STATEMENTS_WRITE.wireName()).isEqualTo("statements/write");
        assertThat(Scope.STATEMENTS_READ.wireName()).isEqualTo("statements/read");
        assertThat(Scope.ALL.wireName()).isEqualTo("all");
        assertThat(Scope.STATEMENTS_WRITE).hasToString("statements/write");
    }

    @Test
    void readsACommaSeparatedList() {
        assertThat(Scope.parseList("statements/write, statements/read")).isEqualTo(Set.of(Scope.STATEMENTS_WRITE, Scope.STATEMENTS_READ));
        assertThat(Scope.parseList("ALL,")).isEqualTo(Set.of(Scope.ALL));
    }

    @Test
    void refusesUnknownScopesNamingTheKnownOnes() {
        assertThatThrownBy(() -> Scope.parseList("statements/write,statements/delete"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown scope 'statements/delete'; known scopes are statements/write, statements/read, state, profile, all");
    }

    @Test
    void knowsTheDocumentScopesByTheirXapiNames() {
        assertThat(Scope.parseList("state,profile")).isEqualTo(Set.of(Scope.STATE, Scope.PROFILE));
    }

    @Test
    void refusesAnEmptyList() {
        assertThatThrownBy(() -> Scope.parseList(" , ")).hasMessageStartingWith("no scope given");
    }

    @Test
    void knowsNoScopeByAnUnknownName() {
        assertThat(Scope.fromWireName("define")).isEmpty();
    }
}

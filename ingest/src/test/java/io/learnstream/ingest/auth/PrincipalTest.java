package io.learnstream.ingest.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PrincipalTest {
    @Test
    void mayDoWhatItsScopesGrantAndNothingElse() {
        Principal writer = new Principal("riverside", "moodle", "ls_k", Set.of(Scope.STATEMENTS_WRITE));

        assertThat(writer.can(Scope.STATEMENTS_WRITE)).isTrue();
        assertThat(writer.can(Scope.STATEMENTS_READ)).isFalse();
        assertThat(writer.can(Scope.ALL)).isFalse();
    }

    @Test
    void mayDoEverythingWithScopeAll() {
        Principal admin = new Principal("riverside", "admin-tool", "ls_k", Set.of(Scope.ALL));

        assertThat(Scope.values()).allMatch(admin::can);
    }

    @Test
    void keepsItsOwnCopyOfTheScopes() {
        Set<Scope> scopes = new HashSet<>(Set.of(Scope.STATEMENTS_READ));
        Principal reader = new Principal("riverside", "dashboard", "ls_k", scopes);
        scopes.add(Scope.ALL);

        assertThat(reader.can(Scope.STATEMENTS_WRITE)).isFalse();
        assertThatThrownBy(() -> reader.scopes().add(Scope.ALL)).isInstanceOf(UnsupportedOperationException.class);
    }
}

package io.learnstream.ingest.auth;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A credential as shown to people and other code: who it belongs to and what it may do, never its secret or hash.
 *
 * @param key the key (HTTP Basic user name)
 * @param tenantId the district it belongs to
 * @param tool the tool it was issued to
 * @param scopes what it may do
 * @param created when it was issued
 * @param revoked when it was revoked, empty while it is valid
 */
public record CredentialInfo(String key, String tenantId, String tool, Set<Scope> scopes, Instant created, Optional<Instant> revoked) {
    public CredentialInfo {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(tool, "tool");
        scopes = Set.copyOf(Objects.requireNonNull(scopes, "scopes"));
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(revoked, "revoked");
    }

    public boolean isRevoked() {
        return revoked.isPresent();
    }
}

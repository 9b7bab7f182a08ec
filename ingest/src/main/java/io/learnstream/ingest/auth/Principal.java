package io.learnstream.ingest.auth;

import java.util.Objects;
import java.util.Set;

/**
 * Who sent a request: a tool of one district, through one of its credentials. Everything the request does happens
 * in {@link #tenantId()}; nothing in the request chooses the district.
 *
 * @param tenantId the district the credential belongs to
 * @param tool the tool the credential was issued to, e.g. {@code moodle}
 * @param credentialKey the key (HTTP Basic user name) the request authenticated with
 * @param scopes what the credential may do
 */
public record Principal(String tenantId, String tool, String credentialKey, Set<Scope> scopes) {
    public Principal {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(credentialKey, "credentialKey");
        scopes = Set.copyOf(Objects.requireNonNull(scopes, "scopes"));
    }

    /** Whether the credential was granted {@code scope}, or {@link Scope#ALL}. */
    public boolean can(Scope scope) {
        return scopes.contains(scope) || scopes.contains(Scope.ALL);
    }
}

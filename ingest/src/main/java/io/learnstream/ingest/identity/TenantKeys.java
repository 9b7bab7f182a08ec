package io.learnstream.ingest.identity;

/** Finds the pseudonymisation key of a district (tenant). */
@FunctionalInterface
public interface TenantKeys {
    /** @throws IllegalArgumentException when the tenant is unknown */
    PseudonymKey keyFor(String tenantId);
}

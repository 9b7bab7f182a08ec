package io.learnstream.ingest.auth;

import java.time.Instant;
import java.util.Objects;

/**
 * A district as shown to people and other code: everything but its pseudonymisation secret.
 *
 * @param tenantId the district's id, e.g. {@code riverside}
 * @param name its display name, e.g. {@code Riverside USD}
 * @param created when it was created
 */
public record DistrictInfo(String tenantId, String name, Instant created) {
    public DistrictInfo {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(created, "created");
    }
}

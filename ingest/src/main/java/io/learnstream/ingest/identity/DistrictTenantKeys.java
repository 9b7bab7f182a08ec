package io.learnstream.ingest.identity;

import io.learnstream.ingest.auth.Districts;
import java.util.Objects;

/** The pseudonymisation keys of the districts in the districts topic, as the pipeline asks for them. */
public final class DistrictTenantKeys implements TenantKeys {
    private final Districts districts;

    public DistrictTenantKeys(Districts districts) {
        this.districts = Objects.requireNonNull(districts, "districts");
    }

    /** @throws IllegalArgumentException when no district has the id */
    @Override
    public PseudonymKey keyFor(String tenantId) {
        return districts.pseudonymKey(tenantId)
                .orElseThrow(() -> new IllegalArgumentException("no district has the id '" + tenantId + "'"));
    }

    @Override
    public String toString() {
        return "DistrictTenantKeys[" + districts + "]";
    }
}

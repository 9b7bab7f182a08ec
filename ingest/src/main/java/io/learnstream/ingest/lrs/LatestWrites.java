package io.learnstream.ingest.lrs;

import java.time.Instant;
import java.util.Optional;

/**
 * When this LRS instance last stored statements for a district (Kafka acknowledged them): the archive may not hold
 * them yet, so a read that must see them waits until the archive is consistent through that instant.
 */
@FunctionalInterface
public interface LatestWrites {
    /** Knows of no writes: reads never wait. */
    LatestWrites NONE = tenantId -> Optional.empty();

    /** The {@code stored} instant of the latest statements this instance stored for the district, if any. */
    Optional<Instant> latestStored(String tenantId);
}

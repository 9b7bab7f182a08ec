package io.learnstream.ingest.lrs;

import java.time.Instant;
import java.util.Objects;

/**
 * A place in the order statements are listed in: by {@code stored}, then by id for statements stored in the same
 * millisecond. A further page starts strictly after (ascending) or before (descending) the position of the last
 * statement of the page before it, so statements stored meanwhile never shift it.
 */
public record PagePosition(Instant stored, String statementId) {
    public PagePosition {
        Objects.requireNonNull(stored, "stored");
        Objects.requireNonNull(statementId, "statementId");
    }
}

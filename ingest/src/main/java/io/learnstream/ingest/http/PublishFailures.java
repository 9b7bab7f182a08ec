package io.learnstream.ingest.http;

import io.javalin.http.Context;
import io.learnstream.ingest.IngestMetrics;
import java.util.concurrent.CompletionException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answer when Kafka did not acknowledge a write: 503 with {@code Retry-After} (nothing was stored, the
 * client should send again), rather than buffering without bound; 413 when a record is larger than Kafka takes, which
 * no retry would change.
 */
final class PublishFailures {
    private static final Logger log = LoggerFactory.getLogger(PublishFailures.class);
    /** Seconds a client should wait before retrying when Kafka cannot take writes. */
    static final String RETRY_AFTER_SECONDS = "5";

    private final IngestMetrics metrics;

    PublishFailures(IngestMetrics metrics) {
        this.metrics = metrics;
    }

    void answer(Context ctx, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof RecordTooLargeException) {
            // sending it again cannot help: a client that retries a 503 would retry this one for ever
            metrics.rejected("statement_too_large", 1);
            ctx.status(413).json(ApiError.of(413, "statement_too_large",
                    "a statement of the request is larger than Kafka takes as one record (" + cause.getMessage()
                            + "); send smaller statements (large content belongs in attachments)"));
        } else if (cause instanceof KafkaException) {
            metrics.rejected("storage_unavailable", 1);
            log.warn("Kafka did not acknowledge a write: {}", cause.toString());
            ctx.header("Retry-After", RETRY_AFTER_SECONDS);
            ctx.status(503).json(ApiError.of(503, "storage_unavailable",
                    "Kafka did not acknowledge every record of the request (" + cause.getClass().getSimpleName() + ": "
                            + cause.getMessage() + "); send it again after " + RETRY_AFTER_SECONDS
                            + " s (statements with an id are stored once however often they are sent)"));
        } else {
            metrics.rejected("internal_error", 1);
            log.error("storing failed", cause);
            ctx.status(500).json(ApiError.of(500, "internal_error", "storing failed: " + cause));
        }
    }
}

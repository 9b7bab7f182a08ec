package io.learnstream.ingest.documents;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The document resources' meters: {@code learnstream.documents.reads} and {@code learnstream.documents.writes}
 * (by kind, operation and outcome), {@code learnstream.documents.bytes} (the size of documents read and written) and
 * {@code learnstream.documents.write.latency} (a write until the view read it back).
 */
public final class DocumentMetrics {
    private final MeterRegistry registry;

    public DocumentMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** A GET of one document or a list: {@code outcome} is {@code found}, {@code not_found} or {@code listed}. */
    public void read(DocumentKind kind, String outcome, int bytes) {
        Counter.builder("learnstream.documents.reads").tag("kind", tag(kind)).tag("outcome", outcome)
                .description("document reads, by kind and outcome").register(registry).increment();
        if (bytes > 0) size(kind, "read").record(bytes);
    }

    /**
     * A PUT, POST or DELETE: {@code operation} is {@code put}, {@code post}, {@code delete} or {@code delete_all},
     * {@code outcome} {@code stored}, {@code deleted} or the error (e.g. {@code precondition_failed}, {@code conflict}).
     */
    public void write(DocumentKind kind, String operation, String outcome, int bytes, long nanos) {
        Counter.builder("learnstream.documents.writes").tag("kind", tag(kind)).tag("operation", operation).tag("outcome", outcome)
                .description("document writes, by kind, operation and outcome").register(registry).increment();
        if (bytes > 0) size(kind, "write").record(bytes);
        if (nanos > 0) {
            Timer.builder("learnstream.documents.write.latency").tag("kind", tag(kind))
                    .description("a document write until the view read it back").publishPercentiles(0.5, 0.99)
                    .register(registry).record(nanos, TimeUnit.NANOSECONDS);
        }
    }

    private DistributionSummary size(DocumentKind kind, String direction) {
        return DistributionSummary.builder("learnstream.documents.bytes").baseUnit("bytes").tag("kind", tag(kind)).tag("direction", direction)
                .description("size of the documents read and written").register(registry);
    }

    private static String tag(DocumentKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}

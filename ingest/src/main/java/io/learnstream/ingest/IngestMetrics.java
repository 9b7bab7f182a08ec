package io.learnstream.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** Ingest's meters, all named {@code learnstream.ingest.*}. */
public final class IngestMetrics {
    private final MeterRegistry registry;
    private final Counter accepted;
    private final Counter duplicates;
    private final Timer publishLatency;

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.accepted = Counter.builder("learnstream.ingest.statements")
                .tag("outcome", "accepted").description("statements acknowledged by Kafka").register(registry);
        this.duplicates = Counter.builder("learnstream.ingest.statements")
                .tag("outcome", "duplicate").description("statements the district already had with the same content: accepted, not stored again")
                .register(registry);
        this.publishLatency = Timer.builder("learnstream.ingest.publish.latency")
                .description("from a validated batch to Kafka's acknowledgement").publishPercentiles(0.5, 0.99).register(registry);
    }

    public void accepted(int statements) {
        accepted.increment(statements);
    }

    public void caliperAccepted(int events) {
        Counter.builder("learnstream.ingest.caliper.events").tag("outcome", "accepted")
                .description("Caliper events acknowledged by Kafka").register(registry).increment(events);
    }

    /** Counts refused authentications by reason (never the credential's secret). */
    public void unauthorized(String reason) {
        Counter.builder("learnstream.ingest.unauthorized").tag("reason", reason)
                .description("requests refused with 401").register(registry).increment();
    }

    public void duplicates(int statements) {
        duplicates.increment(statements);
    }

    /**
     * Counts requests refused, by the reason (a short rule category, never the statement content). A meter of its own:
     * Prometheus wants every series of one name to carry the same tag keys, and {@code learnstream.ingest.statements}
     * carries only the outcome.
     */
    public void rejected(String reason, int statements) {
        Counter.builder("learnstream.ingest.rejections").tag("reason", reason)
                .description("requests refused with a 4xx or 5xx, by reason").register(registry).increment(statements);
    }

    public Timer publishLatency() {
        return publishLatency;
    }

    public long acceptedCount() {
        return (long) accepted.count();
    }

    public MeterRegistry registry() {
        return registry;
    }
}

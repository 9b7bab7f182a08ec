package io.learnstream.streams.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The delivery topology's meters: {@code learnstream.delivery.queued} (open alerts taken for a teacher who wants
 * them delivered), {@code .released} (deliveries that went out, by kind: immediate or digest), {@code .withdrawn}
 * (pending alerts closed before they went out), {@code .undeliverable} (dead-lettered: no address) and the gauge
 * {@code .pending} (alerts waiting for a digest or the end of quiet hours, as of the last check).
 */
public final class DeliveryMetrics {
    private final Counter queued;
    private final Counter immediate;
    private final Counter digest;
    private final Counter withdrawn;
    private final Counter undeliverable;
    private final AtomicLong pending = new AtomicLong();

    public DeliveryMetrics(MeterRegistry registry) {
        queued = Counter.builder("learnstream.delivery.queued")
                .description("open alerts taken for a teacher who wants alerts delivered (e-mail or webhook)").register(registry);
        immediate = released(registry, "immediate");
        digest = released(registry, "digest");
        withdrawn = Counter.builder("learnstream.delivery.withdrawn")
                .description("pending alerts acknowledged, dismissed or cleared before their delivery went out").register(registry);
        undeliverable = Counter.builder("learnstream.delivery.undeliverable")
                .description("due alerts dead-lettered: the teacher has no address for the channel").register(registry);
        registry.gauge("learnstream.delivery.pending", pending);
    }

    private static Counter released(MeterRegistry registry, String kind) {
        return Counter.builder("learnstream.delivery.released").tag("kind", kind)
                .description("deliveries due to a teacher, written for the sender").register(registry);
    }

    void countQueued() {
        queued.increment();
    }

    void countReleased(boolean isDigest) {
        (isDigest ? digest : immediate).increment();
    }

    void countWithdrawn() {
        withdrawn.increment();
    }

    void countUndeliverable() {
        undeliverable.increment();
    }

    void pending(long waiting) {
        pending.set(waiting);
    }

    public long queued() {
        return (long) queued.count();
    }

    public long released() {
        return (long) (immediate.count() + digest.count());
    }

    public long withdrawn() {
        return (long) withdrawn.count();
    }

    public long undeliverable() {
        return (long) undeliverable.count();
    }

    /** Alerts waiting as of the last check. */
    public long pending() {
        return pending.get();
    }
}

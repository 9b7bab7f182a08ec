package io.learnstream.registry.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.atomic.AtomicInteger;

/** The registry's meters, all named {@code learnstream.registry.*}. */
final class RegistryMetrics {
    private final Counter versionsRegistered;
    private final Counter compatible;
    private final Counter incompatible;
    private final Timer storeWrites;
    private final Counter storeFailures;
    private final AtomicInteger liveSubjects = new AtomicInteger();
    private final AtomicInteger schemaIds = new AtomicInteger();

    RegistryMetrics(MeterRegistry meters) {
        versionsRegistered = Counter.builder("learnstream.registry.versions.registered")
                .description("new subject versions registered").register(meters);
        compatible = Counter.builder("learnstream.registry.compatibility.checks").tag("result", "compatible")
                .description("compatibility checks, by outcome").register(meters);
        incompatible = Counter.builder("learnstream.registry.compatibility.checks").tag("result", "incompatible")
                .description("compatibility checks, by outcome").register(meters);
        storeWrites = Timer.builder("learnstream.registry.store.writes")
                .description("acknowledged writes to the store and how long they took").register(meters);
        storeFailures = Counter.builder("learnstream.registry.store.failures")
                .description("writes the store did not acknowledge").register(meters);
        Gauge.builder("learnstream.registry.subjects", liveSubjects, AtomicInteger::get)
                .description("subjects with at least one live version").register(meters);
        Gauge.builder("learnstream.registry.schemas", schemaIds, AtomicInteger::get)
                .description("distinct schema ids stored").register(meters);
    }

    void registered() {
        versionsRegistered.increment();
    }

    void checked(boolean isCompatible) {
        (isCompatible ? compatible : incompatible).increment();
    }

    Timer storeWrites() {
        return storeWrites;
    }

    void storeFailed() {
        storeFailures.increment();
    }

    void sizes(int subjects, int schemas) {
        liveSubjects.set(subjects);
        schemaIds.set(schemas);
    }
}

package io.learnstream.streams.risk;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** The risk topology's meters: events by what became of them, scores published by trigger, flags raised, ticks. */
public final class RiskMetrics {
    private final Counter applied;
    private final Counter late;
    private final Counter byEvent;
    private final Counter byTick;
    private final Counter weekly;
    private final Counter raised;
    private final Counter ticks;

    public RiskMetrics(MeterRegistry registry) {
        applied = events(registry, "applied");
        late = events(registry, "beyond_grace");
        byEvent = scores(registry, RiskTracker.TRIGGER_EVENT);
        byTick = scores(registry, RiskTracker.TRIGGER_TICK);
        weekly = scores(registry, RiskTracker.TRIGGER_WEEK);
        raised = Counter.builder("learnstream.risk.flags.raised")
                .description("students flagged at risk (the probability reached the high threshold)").register(registry);
        ticks = Counter.builder("learnstream.risk.ticks")
                .description("class days that passed (each scores every student of the class at midnight)").register(registry);
    }

    private static Counter events(MeterRegistry registry, String outcome) {
        return Counter.builder("learnstream.risk.events").tag("outcome", outcome)
                .description("learning events of a class the risk topology read, by what became of them").register(registry);
    }

    private static Counter scores(MeterRegistry registry, String trigger) {
        return Counter.builder("learnstream.risk.scores").tag("trigger", trigger)
                .description("risk scores published, by what recomputed them").register(registry);
    }

    void applied() { applied.increment(); }
    void late() { late.increment(); }
    void raised() { raised.increment(); }
    void tick() { ticks.increment(); }

    void published(String trigger) {
        switch (trigger) {
            case RiskTracker.TRIGGER_EVENT -> byEvent.increment();
            case RiskTracker.TRIGGER_TICK -> byTick.increment();
            default -> weekly.increment();
        }
    }

    /** Events applied so far (for tests and status). */
    public long eventsApplied() {
        return (long) applied.count();
    }

    /** Scores published so far, every trigger. */
    public long scoresPublished() {
        return (long) (byEvent.count() + byTick.count() + weekly.count());
    }
}

package io.learnstream.streams.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** The intake's meters, {@code learnstream.intake.records} by outcome. */
public final class IntakeMetrics {
    private final Counter events;
    private final Counter duplicates;
    private final Counter notLearning;
    private final Counter deadLetters;
    private final Counter clockAhead;

    public IntakeMetrics(MeterRegistry registry) {
        events = counter(registry, "learning_event");
        duplicates = counter(registry, "duplicate");
        notLearning = counter(registry, "not_learning");
        deadLetters = counter(registry, "dead_letter");
        clockAhead = Counter.builder("learnstream.intake.clock_ahead")
                .description("learning events whose time was after their stored time, counted at the stored time").register(registry);
    }

    private static Counter counter(MeterRegistry registry, String outcome) {
        return Counter.builder("learnstream.intake.records").tag("outcome", outcome)
                .description("stored statements and events the intake read, by what became of them").register(registry);
    }

    void event() {
        events.increment();
    }

    void duplicate() {
        duplicates.increment();
    }

    /** Valid input that is not learning activity, such as a voiding statement. */
    void notLearning() {
        notLearning.increment();
    }

    void clockAhead() {
        clockAhead.increment();
    }

    void deadLetter() {
        deadLetters.increment();
    }

    public long events() {
        return (long) events.count();
    }
}

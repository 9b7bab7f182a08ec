package io.learnstream.streams.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The intake's meters: {@code learnstream.intake.records} by outcome; of the learning events, how many were linked
 * to a roster user ({@code learnstream.intake.identity.linked}, {@code .unlinked}) and found their roster class
 * ({@code learnstream.intake.class.matched}, {@code .unmatched}).
 */
public final class IntakeMetrics {
    private final Counter events;
    private final Counter duplicates;
    private final Counter notLearning;
    private final Counter deadLetters;
    private final Counter clockAhead;
    private final Counter linked;
    private final Counter unlinked;
    private final Counter classMatched;
    private final Counter classUnmatched;

    public IntakeMetrics(MeterRegistry registry) {
        events = counter(registry, "learning_event");
        duplicates = counter(registry, "duplicate");
        notLearning = counter(registry, "not_learning");
        deadLetters = counter(registry, "dead_letter");
        clockAhead = Counter.builder("learnstream.intake.clock_ahead")
                .description("learning events whose time was after their stored time, counted at the stored time").register(registry);
        linked = Counter.builder("learnstream.intake.identity.linked")
                .description("learning events whose learner the district's roster knows: keyed by the roster user").register(registry);
        unlinked = Counter.builder("learnstream.intake.identity.unlinked")
                .description("learning events whose learner no roster identity names: keyed by the tool's identifier").register(registry);
        classMatched = Counter.builder("learnstream.intake.class.matched")
                .description("learning events that named a class of the district's roster").register(registry);
        classUnmatched = Counter.builder("learnstream.intake.class.unmatched")
                .description("learning events that named no class of the district's roster: counted under their course id").register(registry);
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

    /** A learning event sent: whether its learner was linked to a roster user, whether it found its roster class. */
    void linking(boolean identityLinked, boolean classFound) {
        (identityLinked ? linked : unlinked).increment();
        (classFound ? classMatched : classUnmatched).increment();
    }

    void deadLetter() {
        deadLetters.increment();
    }

    public long events() {
        return (long) events.count();
    }

    public long linked() {
        return (long) linked.count();
    }

    public long unlinked() {
        return (long) unlinked.count();
    }

    public long classesUnmatched() {
        return (long) classUnmatched.count();
    }
}

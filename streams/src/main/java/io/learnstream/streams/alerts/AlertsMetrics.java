package io.learnstream.streams.alerts;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The alerts topology's meters: {@code learnstream.alerts.raised}, {@code .cleared}, {@code .answered} (closed by a
 * teacher's feedback, by status), {@code .feedback.ignored} (by reason) and {@code .without.teachers}.
 */
public final class AlertsMetrics {
    private final Counter raised;
    private final Counter cleared;
    private final Counter acknowledged;
    private final Counter dismissed;
    private final Counter unknown;
    private final Counter closed;
    private final Counter invalid;
    private final Counter withoutTeachers;

    public AlertsMetrics(MeterRegistry registry) {
        raised = Counter.builder("learnstream.alerts.raised")
                .description("alerts raised for a flagged student of a class and the top reason").register(registry);
        cleared = Counter.builder("learnstream.alerts.cleared")
                .description("open alerts closed because the student was no longer flagged or withdrew").register(registry);
        acknowledged = answered(registry, AlertStatus.ACKNOWLEDGED);
        dismissed = answered(registry, AlertStatus.DISMISSED);
        unknown = ignored(registry, "unknown");
        closed = ignored(registry, "closed");
        invalid = ignored(registry, "invalid");
        withoutTeachers = Counter.builder("learnstream.alerts.without.teachers")
                .description("alerts raised for a class that has no teachers in class-teachers (addressed to no one)").register(registry);
    }

    private static Counter answered(MeterRegistry registry, String status) {
        return Counter.builder("learnstream.alerts.answered").tag("status", status)
                .description("open alerts closed by a teacher's feedback, by the status it gave them").register(registry);
    }

    private static Counter ignored(MeterRegistry registry, String reason) {
        return Counter.builder("learnstream.alerts.feedback.ignored").tag("reason", reason)
                .description("feedback that closed nothing: for an alert unknown, already closed, or invalid (dead-lettered)")
                .register(registry);
    }

    void countRaised(boolean hasTeachers) {
        raised.increment();
        if (!hasTeachers) withoutTeachers.increment();
    }

    void countCleared() {
        cleared.increment();
    }

    void countAnswered(String status) {
        (AlertStatus.ACKNOWLEDGED.equals(status) ? acknowledged : dismissed).increment();
    }

    void countUnknownAlert() {
        unknown.increment();
    }

    void countAlreadyClosed() {
        closed.increment();
    }

    void countInvalidFeedback() {
        invalid.increment();
    }

    public long raised() {
        return (long) raised.count();
    }

    public long cleared() {
        return (long) cleared.count();
    }

    /** Alerts closed by feedback: acknowledged or dismissed. */
    public long answered() {
        return (long) (acknowledged.count() + dismissed.count());
    }

    /** Feedback that closed nothing, whatever the reason (unknown alert, closed already, invalid). */
    public long feedbackIgnored() {
        return (long) (unknown.count() + closed.count() + invalid.count());
    }

    public long withoutTeachers() {
        return (long) withoutTeachers.count();
    }
}

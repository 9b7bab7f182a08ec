package io.learnstream.streams.mastery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;

/** The mastery topology's meters: {@code learnstream.mastery.answers} by outcome, re-sequencing work and
 * summaries published. */
public final class MasteryMetrics {
    private final Counter withSkills;
    private final Counter withoutSkills;
    private final Counter late;
    private final Counter resequenced;
    private final Counter summaries;
    private final AtomicLong waiting = new AtomicLong();
    private final AtomicLong summariesDue = new AtomicLong();

    public MasteryMetrics(MeterRegistry registry) {
        withSkills = answers(registry, "with_skills");
        withoutSkills = answers(registry, "without_skills");
        late = answers(registry, "beyond_grace");
        resequenced = Counter.builder("learnstream.mastery.resequenced")
                .description("answers applied again because an earlier answer of the student arrived after them").register(registry);
        Gauge.builder("learnstream.mastery.summaries.due", summariesDue, AtomicLong::get)
                .description("students whose summary is due at the next publication").register(registry);
        Gauge.builder("learnstream.mastery.waiting", waiting, AtomicLong::get)
                .description("answers held in this instance's reorder buffers, waiting to be applied in event-time order").register(registry);
        summaries = Counter.builder("learnstream.mastery.summaries")
                .description("student summaries (strengths, weaknesses, practice) published").register(registry);
    }

    private static Counter answers(MeterRegistry registry, String outcome) {
        return Counter.builder("learnstream.mastery.answers").tag("outcome", outcome)
                .description("scored answers the mastery topology read, by what became of them").register(registry);
    }

    void answer(boolean hasSkills) {
        (hasSkills ? withSkills : withoutSkills).increment();
    }

    void countLate() {
        late.increment();
    }

    void resequenced(int answers) {
        resequenced.increment(answers);
    }

    /** A task's buffer took in (positive) or let go of (negative) that many answers. */
    void waiting(long change) {
        waiting.addAndGet(change);
    }

    /** Answers beyond the grace period, sent to the dead letters. */
    public long late() {
        return (long) late.count();
    }

    /** That many more (positive) or fewer (negative) students' summaries are due. */
    void summariesDue(long change) {
        summariesDue.addAndGet(change);
    }

    /** Students of this instance's tasks whose summary is due at the next publication. */
    public long summariesDue() {
        return summariesDue.get();
    }

    /** Answers held in the reorder buffers of this instance's tasks, not yet applied. */
    public long waiting() {
        return waiting.get();
    }

    /** Answers applied again because an earlier one of their student arrived after them. */
    public long resequenced() {
        return (long) resequenced.count();
    }

    void summaries(int students) {
        summaries.increment(students);
    }

    /** Scored answers applied (with or without skills). */
    public long answers() {
        return (long) (withSkills.count() + withoutSkills.count());
    }
}

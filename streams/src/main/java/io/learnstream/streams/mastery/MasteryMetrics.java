package io.learnstream.streams.mastery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** The mastery topology's meters: {@code learnstream.mastery.answers} by outcome, re-sequencing work and
 * summaries published. */
public final class MasteryMetrics {
    private final Counter withSkills;
    private final Counter withoutSkills;
    private final Counter late;
    private final Counter resequenced;
    private final Counter summaries;

    public MasteryMetrics(MeterRegistry registry) {
        withSkills = answers(registry, "with_skills");
        withoutSkills = answers(registry, "without_skills");
        late = answers(registry, "beyond_grace");
        resequenced = Counter.builder("learnstream.mastery.resequenced")
                .description("answers applied again because an earlier answer of the student arrived after them").register(registry);
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

    void late() {
        late.increment();
    }

    void resequenced(int answers) {
        resequenced.increment(answers);
    }

    void summaries(int students) {
        summaries.increment(students);
    }

    /** Scored answers applied (with or without skills). */
    public long answers() {
        return (long) (withSkills.count() + withoutSkills.count());
    }
}

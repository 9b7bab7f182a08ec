package io.learnstream.app.simulate.district;

import java.util.List;

/** A subject taught in the simulated district, with the skills its questions are tagged with. */
public enum Subject {
    MATH("math", "Mathematics",
            List.of("fractions", "ratios-proportions", "expressions-equations", "geometry", "statistics-probability")),
    ELA("ela", "English Language Arts",
            List.of("reading-comprehension", "vocabulary", "grammar", "writing")),
    SCIENCE("science", "Science",
            List.of("scientific-method", "ecosystems", "matter", "energy-forces")),
    SOCIAL_STUDIES("social-studies", "Social Studies",
            List.of("chronology", "geography", "civics", "primary-sources"));

    private final String code;
    private final String title;
    private final List<Skill> skills;

    Subject(String code, String title, List<String> skillCodes) {
        this.code = code;
        this.title = title;
        this.skills = skillCodes.stream().map(skill -> new Skill(code, skill)).toList();
    }

    /** Short lowercase code used in identifiers, e.g. {@code math}. */
    public String code() {
        return code;
    }

    /** Human-readable name, e.g. {@code Mathematics}. */
    public String title() {
        return title;
    }

    /** The skills of this subject, in curriculum order. */
    public List<Skill> skills() {
        return skills;
    }
}

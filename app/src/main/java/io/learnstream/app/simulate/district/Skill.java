package io.learnstream.app.simulate.district;

import java.util.Locale;

/**
 * A skill of a subject's curriculum, e.g. {@code math/fractions}. Every question of the quiz tool is tagged
 * with exactly one skill, so that mastery models can be trained per skill.
 *
 * @param subjectCode the {@link Subject#code()} of the subject the skill belongs to
 * @param code the skill's code, unique within its subject
 */
public record Skill(String subjectCode, String code) {

    /** Identifier unique in the district, e.g. {@code math/fractions}. */
    public String id() {
        return subjectCode + "/" + code;
    }

    /** Human-readable name, e.g. {@code Ratios proportions}. */
    public String title() {
        String words = code.replace('-', ' ');
        return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }
}

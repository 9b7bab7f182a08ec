package io.learnstream.app.simulate.district;

import java.time.ZoneId;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What to generate: the same spec always yields the same {@link District}.
 *
 * @param slug lowercase district identifier, e.g. {@code riverside}
 * @param seed the random seed
 * @param schools number of schools, at least 1
 * @param students number of students, at least {@code schools}
 * @param zone the district's time zone
 * @param termWeeks length of the term in weeks: places the onset of disengagement within the term
 */
public record DistrictSpec(String slug, long seed, int schools, int students, ZoneId zone, int termWeeks) {

    private static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    public DistrictSpec {
        Objects.requireNonNull(slug, "slug must not be null");
        Objects.requireNonNull(zone, "zone must not be null");
        if (!SLUG.matcher(slug).matches()) {
            throw new IllegalArgumentException("district slug must be 1-40 lowercase letters, digits or '-', starting with a letter"
                    + " (it names hosts like sis.<slug>.example.org), was '" + slug + "'");
        }
        if (schools < 1) {
            throw new IllegalArgumentException("schools must be >= 1, was " + schools);
        }
        if (students < schools) {
            throw new IllegalArgumentException("students must be >= schools (" + schools + ") so that no school is empty, was " + students);
        }
        if (termWeeks < 1) {
            throw new IllegalArgumentException("termWeeks must be >= 1, was " + termWeeks);
        }
    }
}

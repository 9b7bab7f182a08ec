package io.learnstream.app.simulate.district;

/**
 * A teacher, who teaches one subject at one school.
 *
 * @param sisId the teacher's identifier in the district's student information system, e.g. {@code T0007}
 * @param name display name
 * @param schoolCode the {@link School#code()} of the teacher's school
 * @param subject the subject the teacher teaches
 */
public record Teacher(String sisId, String name, String schoolCode, Subject subject) {
}

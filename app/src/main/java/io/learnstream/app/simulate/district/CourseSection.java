package io.learnstream.app.simulate.district;

/**
 * A class: one section of a subject in one grade at one school, taught by one teacher.
 *
 * @param id identifier in the district's SIS, e.g. {@code northside-math-7-2}
 * @param schoolCode the {@link School#code()} of the school
 * @param subject the subject taught
 * @param grade the grade
 * @param section the section number within subject and grade at the school, from 1
 * @param teacherId the {@link Teacher#sisId()} of the teacher
 */
public record CourseSection(String id, String schoolCode, Subject subject, int grade, int section, String teacherId) {

    /** Display name, e.g. {@code Mathematics 7, section 2}. */
    public String title() {
        return subject.title() + " " + grade + ", section " + section;
    }
}

package io.learnstream.app.simulate.district;

import java.util.List;

/**
 * A student of the district.
 *
 * @param index position in {@link District#students()}, stable for a given seed
 * @param sisId identifier in the district's SIS, e.g. {@code 100042}
 * @param name display name (pseudonymised server side)
 * @param schoolCode the {@link School#code()} of the student's school
 * @param grade the student's grade
 * @param sectionIds the {@link CourseSection#id()}s of the classes the student is enrolled in
 * @param habits when and how much the student works
 * @param ability how well the student answers questions
 */
public record Student(int index, String sisId, String name, String schoolCode, int grade, List<String> sectionIds,
                      Habits habits, Ability ability) {

    public Student {
        sectionIds = List.copyOf(sectionIds);
    }
}

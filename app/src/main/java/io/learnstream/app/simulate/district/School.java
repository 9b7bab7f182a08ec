package io.learnstream.app.simulate.district;

import java.util.List;

/**
 * A school of the district.
 *
 * @param code lowercase identifier used in class identifiers, e.g. {@code northside}
 * @param name display name, e.g. {@code Northside Middle School}
 * @param grades the grades taught at the school
 */
public record School(String code, String name, List<Integer> grades) {

    public School {
        grades = List.copyOf(grades);
    }
}

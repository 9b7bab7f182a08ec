package io.learnstream.app.simulate.district;

import java.util.List;
import java.util.random.RandomGenerator;

/** Synthetic person and school names. */
final class Names {

    private static final List<String> FIRST = List.of(
            "Aaliyah", "Aiden", "Amara", "Andre", "Ava", "Benjamin", "Camila", "Carlos", "Chloe", "Daniel",
            "Diego", "Elena", "Elijah", "Emma", "Ethan", "Fatima", "Gabriel", "Grace", "Hannah", "Hiro",
            "Isaac", "Isabella", "Jamal", "Jasmine", "Jayden", "Kai", "Layla", "Leo", "Liam", "Lucia",
            "Maya", "Mateo", "Mia", "Noah", "Nora", "Olivia", "Omar", "Priya", "Quinn", "Ravi",
            "Riley", "Sofia", "Samuel", "Tariq", "Uma", "Valentina", "Wyatt", "Xavier", "Yara", "Zoe");

    private static final List<String> LAST = List.of(
            "Adams", "Ahmed", "Baker", "Brown", "Chen", "Clark", "Davis", "Diaz", "Evans", "Flores",
            "Garcia", "Green", "Hall", "Hernandez", "Hill", "Jackson", "Johnson", "Kim", "King", "Lee",
            "Lewis", "Lopez", "Martin", "Martinez", "Miller", "Moore", "Nguyen", "Patel", "Perez", "Ramirez",
            "Robinson", "Rodriguez", "Sanchez", "Scott", "Singh", "Smith", "Taylor", "Thomas", "Thompson", "Torres",
            "Walker", "White", "Williams", "Wilson", "Wright", "Young");

    private static final List<String> SCHOOLS = List.of(
            "Northside", "Lakeview", "Cedar Ridge", "Riverbend", "Oak Hill", "Pine Valley", "Westbrook", "Eastgate",
            "Maple Grove", "Sunset Park");

    private Names() {
    }

    static String person(RandomGenerator random) {
        return FIRST.get(random.nextInt(FIRST.size())) + " " + LAST.get(random.nextInt(LAST.size()));
    }

    /** The name of the n-th school (from 0): distinct for any n. */
    static String school(int n) {
        String base = SCHOOLS.get(n % SCHOOLS.size());
        int round = n / SCHOOLS.size();
        return round == 0 ? base : base + " " + (round + 1);
    }
}

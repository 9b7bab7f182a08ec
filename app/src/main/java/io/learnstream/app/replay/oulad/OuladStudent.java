package io.learnstream.app.replay.oulad;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A student of one presentation: their {@code studentInfo} row and {@code studentRegistration} days. Demographics are
 * for the models and their evaluation only; the roster and the statements carry none of them.
 *
 * @param id {@code id_student}: the name of the student's account in the statements, and the roster user's identifier
 * @param imdBand the index of multiple deprivation band, e.g. {@code 20-30%}; empty where OULAD leaves it so
 * @param disability whether the student declared a disability ({@code Y})
 * @param registrationDay day of registration relative to the presentation's start (negative: before it); empty when unknown
 * @param unregistrationDay day of withdrawal; empty when the student did not withdraw
 */
public record OuladStudent(
        String id,
        FinalResult finalResult,
        String gender,
        String region,
        String highestEducation,
        Optional<String> imdBand,
        String ageBand,
        int previousAttempts,
        int studiedCredits,
        boolean disability,
        OptionalInt registrationDay,
        OptionalInt unregistrationDay) {
    public static final String ROSTER_PREFIX = "student-";

    public OuladStudent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(finalResult, "finalResult");
    }

    /** The roster user's sourcedId: {@code student-<id_student>}. */
    public String rosterSourcedId() {
        return rosterSourcedId(id);
    }

    public static String rosterSourcedId(String studentId) {
        return ROSTER_PREFIX + studentId;
    }

    OuladStudent withRegistration(OptionalInt registered, OptionalInt unregistered) {
        return new OuladStudent(id, finalResult, gender, region, highestEducation, imdBand, ageBand, previousAttempts, studiedCredits,
                disability, registered, unregistered);
    }
}

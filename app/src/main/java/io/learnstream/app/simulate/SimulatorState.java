package io.learnstream.app.simulate;

import io.learnstream.app.simulate.activity.Term;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * What a run leaves for the next one: which district and term it simulated and how far it got.
 *
 * @param district the district's slug
 * @param seed the seed
 * @param schools number of schools
 * @param students number of students
 * @param termStart first day of the term
 * @param termWeeks length of the term in weeks
 * @param zone the district's time zone
 * @param position statements of the term delivered so far
 * @param simulatedTime event time of the last of them; empty when none was
 */
record SimulatorState(String district, long seed, int schools, int students, LocalDate termStart, int termWeeks,
                      ZoneId zone, long position, Optional<Instant> simulatedTime) {

    SimulatorState {
        Objects.requireNonNull(district, "district");
        Objects.requireNonNull(termStart, "termStart");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(simulatedTime, "simulatedTime");
        if (position < 0) {
            throw new IllegalArgumentException("position must be >= 0, was " + position);
        }
    }

    static SimulatorState of(SimulatorConfig config, Term term, CompletionWatermark.Mark mark) {
        return new SimulatorState(config.district(), config.seed(), config.schools(), config.students(), term.start(),
                term.weeks(), term.zone(), mark.position(), mark.simulatedTime());
    }

    Term term() {
        return new Term(termStart, termWeeks, zone);
    }

    /** Whether the config generates the same statement sequence as the run that wrote this state. */
    boolean sameSequenceAs(SimulatorConfig config) {
        return district.equals(config.district()) && seed == config.seed() && schools == config.schools()
                && students == config.students() && termWeeks == config.termWeeks() && zone.equals(config.zone());
    }
}

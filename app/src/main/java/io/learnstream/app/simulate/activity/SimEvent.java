package io.learnstream.app.simulate.activity;

import io.learnstream.app.simulate.district.CourseSection;
import io.learnstream.app.simulate.district.Student;

import java.time.Instant;
import java.util.UUID;

/**
 * One simulated learning event, before it is rendered as an xAPI statement.
 *
 * @param time when it happened (simulated event time)
 * @param id the statement id, drawn from the seeded random stream so that a run is reproducible
 * @param student who did it
 * @param section the class it belongs to
 * @param action what was done
 */
public record SimEvent(Instant time, UUID id, Student student, CourseSection section, LearningAction action) {
}

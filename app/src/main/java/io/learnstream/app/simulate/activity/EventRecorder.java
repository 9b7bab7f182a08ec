package io.learnstream.app.simulate.activity;

import io.learnstream.app.simulate.district.CourseSection;
import io.learnstream.app.simulate.district.Student;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/** Collects one student's events of one day, in time order, giving each a statement id from the seeded stream. */
final class EventRecorder {

    private final RandomGenerator random;
    private final Student student;
    private final List<SimEvent> events = new ArrayList<>();

    EventRecorder(RandomGenerator random, Student student) {
        this.random = random;
        this.student = student;
    }

    void record(Instant time, CourseSection section, LearningAction action) {
        Instant at = time.truncatedTo(ChronoUnit.MILLIS);
        if (!events.isEmpty() && at.isBefore(events.getLast().time())) {
            throw new IllegalStateException("event at " + at + " of student " + student.sisId()
                    + " would precede the previous one at " + events.getLast().time());
        }
        events.add(new SimEvent(at, Ids.random(random), student, section, action));
    }

    List<SimEvent> events() {
        return events;
    }
}

package io.learnstream.app.simulate.activity;

import io.learnstream.app.simulate.district.CourseSection;
import io.learnstream.app.simulate.district.Student;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

/** One sitting of one student in one class: the simulated clock of that sitting and where its events go. */
final class Session {

    private final SplittableRandom random;
    private final Student student;
    private final CourseSection section;
    private final StudentProgress progress;
    private final EventRecorder recorder;
    private final double engagement;
    private final Instant start;
    private Instant now;

    Session(SplittableRandom random, Student student, CourseSection section, StudentProgress progress,
            EventRecorder recorder, double engagement, Instant start) {
        this.random = random;
        this.student = student;
        this.section = section;
        this.progress = progress;
        this.recorder = recorder;
        this.engagement = engagement;
        this.start = start;
        this.now = start;
    }

    SplittableRandom random() {
        return random;
    }

    Student student() {
        return student;
    }

    CourseSection section() {
        return section;
    }

    StudentProgress progress() {
        return progress;
    }

    /** The student's engagement this week: 1 is their normal, lower when disengaging. */
    double engagement() {
        return engagement;
    }

    Instant now() {
        return now;
    }

    Duration elapsed() {
        return Duration.between(start, now);
    }

    void advance(Duration duration) {
        now = now.plus(duration);
    }

    void advanceSeconds(double seconds) {
        advance(Duration.ofMillis(Math.round(seconds * 1000)));
    }

    void record(LearningAction action) {
        recorder.record(now, section, action);
    }
}

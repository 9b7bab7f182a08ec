package io.learnstream.app.simulate.activity;

import io.learnstream.app.simulate.district.District;
import io.learnstream.app.simulate.district.Seeds;
import io.learnstream.app.simulate.district.Student;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Simulates a term day by day: every student's sessions of the day, merged into event-time order. Days must be
 * simulated in order because students carry practice and module progress from one day to the next. Each
 * student-day draws from its own seeded random stream, so the result depends only on the district, the term
 * and the seed.
 */
public final class TermSimulation {

    /** Sessions of a student are at least this far apart: more than the pipeline's 30-minute inactivity gap. */
    static final Duration MIN_GAP_BETWEEN_SESSIONS = Duration.ofMinutes(35);

    private static final long DAY_TAG = Seeds.tag("student-day");

    private final District district;
    private final Term term;
    private final long seed;
    private final DayPlanner planner;
    private final SessionSimulator sessions;
    private final List<StudentProgress> progress = new ArrayList<>();
    private int nextDay;

    public TermSimulation(District district, Term term, long seed) {
        this.district = Objects.requireNonNull(district, "district");
        this.term = Objects.requireNonNull(term, "term");
        if (!district.zone().equals(term.zone())) {
            throw new IllegalArgumentException("term zone " + term.zone() + " differs from the district's zone " + district.zone());
        }
        this.seed = seed;
        this.planner = new DayPlanner(district);
        this.sessions = new SessionSimulator(new CourseContent(seed), seed);
        for (int i = 0; i < district.students().size(); i++) {
            progress.add(new StudentProgress());
        }
    }

    public District district() {
        return district;
    }

    public Term term() {
        return term;
    }

    public boolean hasNextDay() {
        return nextDay < term.days();
    }

    /** Simulates the next day of the term; its events in event-time order (ties by student). */
    public List<SimEvent> simulateNextDay() {
        if (!hasNextDay()) {
            throw new IllegalStateException("the term of " + term.days() + " days is over");
        }
        int day = nextDay++;
        LocalDate date = term.date(day);
        int week = term.week(day);
        ZonedDateTime latestStart = date.atTime(DayPlanner.LAST_START).atZone(term.zone());
        List<SimEvent> events = new ArrayList<>();
        for (Student student : district.students()) {
            SplittableRandom random = Seeds.random(seed, DAY_TAG, day, student.index());
            double engagement = student.habits().trajectory().engagement(week);
            EventRecorder recorder = new EventRecorder(random, student);
            Instant earliest = Instant.MIN;
            for (PlannedSession planned : planner.plan(student, date, engagement, random)) {
                Instant start = date.atTime(planned.start()).atZone(term.zone()).toInstant();
                if (start.isBefore(earliest)) {
                    start = earliest;
                }
                if (start.isAfter(latestStart.toInstant())) {
                    break;
                }
                Session session = new Session(random, student, planned.section(), progress.get(student.index()),
                        recorder, engagement, start);
                sessions.play(session, week, planned.length());
                earliest = session.now().plus(MIN_GAP_BETWEEN_SESSIONS);
            }
            events.addAll(recorder.events());
        }
        events.sort(Comparator.comparing(SimEvent::time));
        return events;
    }
}

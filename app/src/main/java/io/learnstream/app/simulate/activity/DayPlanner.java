package io.learnstream.app.simulate.activity;

import io.learnstream.app.simulate.district.CourseSection;
import io.learnstream.app.simulate.district.District;
import io.learnstream.app.simulate.district.Habits;
import io.learnstream.app.simulate.district.Student;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Decides whether a student works on a day and when: school days are busier than weekends; on a school day a
 * session falls in school hours (8:00-14:30) or in the evening around the student's preferred hour; weekend
 * sessions spread over the day. All of it scaled by the student's engagement in that week.
 */
final class DayPlanner {

    static final LocalTime SCHOOL_START = LocalTime.of(8, 0);
    static final LocalTime LAST_SCHOOL_START = LocalTime.of(14, 30);
    static final LocalTime LAST_START = LocalTime.of(22, 30);

    private final District district;

    DayPlanner(District district) {
        this.district = district;
    }

    List<PlannedSession> plan(Student student, LocalDate date, double engagement, RandomGenerator random) {
        Habits habits = student.habits();
        boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
        double activity = (weekend ? habits.weekendActivity() : habits.weekdayActivity()) * engagement;
        if (student.sectionIds().isEmpty() || !Draws.chance(random, activity)) {
            return List.of();
        }
        int sessions = 1;
        if (Draws.chance(random, habits.extraSessionChance() * engagement)) {
            sessions++;
            if (Draws.chance(random, 0.15 * engagement)) {
                sessions++;
            }
        }
        List<PlannedSession> planned = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            double hour;
            if (weekend) {
                hour = clamp(habits.eveningHour() - 4 + 3 * random.nextGaussian(), 9, 21.5);
            } else if (Draws.chance(random, habits.schoolHoursShare())) {
                hour = Draws.uniform(random, hours(SCHOOL_START), hours(LAST_SCHOOL_START));
            } else {
                hour = clamp(habits.eveningHour() + random.nextGaussian(), 15.5, hours(LAST_START));
            }
            CourseSection section = district.section(student.sectionIds().get(random.nextInt(student.sectionIds().size())));
            Duration median = Duration.ofSeconds(Math.round(habits.sessionMinutes() * 60 * (0.6 + 0.4 * engagement)));
            Duration length = Draws.lognormal(random, median, 0.5, Duration.ofMinutes(5), Duration.ofMinutes(90));
            planned.add(new PlannedSession(LocalTime.ofSecondOfDay(Math.round(hour * 3600)), section, length));
        }
        planned.sort(Comparator.comparing(PlannedSession::start));
        return planned;
    }

    private static double hours(LocalTime time) {
        return time.toSecondOfDay() / 3600.0;
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}

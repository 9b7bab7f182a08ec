package io.learnstream.app.simulate;

import io.learnstream.app.simulate.TestTerms.Observation;
import io.learnstream.app.simulate.district.District;
import io.learnstream.app.simulate.district.Student;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The patterns a term must show for the analytics downstream to have something to find. */
class LearnerBehaviourTest {

    private static final String ANSWERED = "http://adlnet.gov/expapi/verbs/answered";

    private static District district;
    private static Map<String, Student> students;
    private static List<Observation> term;

    @BeforeAll
    static void simulateATerm() {
        StatementGenerator generator = TestTerms.generator(2024, 2, 120, 16);
        district = generator.district();
        students = district.students().stream().collect(Collectors.toMap(Student::sisId, Function.identity()));
        term = TestTerms.observeAll(generator);
    }

    @Test
    void disengagingStudentsShowFarFewerEventsLateInTheTermThanEarly() {
        // given the students whose engagement drops during the term, and those whose does not
        Predicate<Student> disengaging = s -> s.habits().trajectory().disengages();
        assertThat(district.students()).filteredOn(disengaging).hasSizeGreaterThan(8);

        // when counting their events in the first and the last four weeks
        double disengagingRatio = lateToEarlyRatio(disengaging);
        double steadyRatio = lateToEarlyRatio(disengaging.negate());

        // then the disengaging students fall off, the others keep working
        assertThat(disengagingRatio).isLessThan(0.5);
        assertThat(steadyRatio).isGreaterThan(0.75);
        // and it shows for nearly each of them, not only on average
        long fallingOff = district.students().stream().filter(disengaging)
                .filter(s -> count(s, 13, 16) < count(s, 1, 4)).count();
        assertThat(fallingOff).isGreaterThanOrEqualTo(district.students().stream().filter(disengaging).count() - 1);
    }

    @Test
    void ableStudentsAnswerMoreQuestionsRightThanWeakOnes() {
        // given the most and the least able quarter of the students
        List<Student> byAbility = district.students().stream()
                .sorted(Comparator.comparingDouble(s -> s.ability().general())).toList();
        int quarter = byAbility.size() / 4;
        List<Student> weakest = byAbility.subList(0, quarter);
        List<Student> ablest = byAbility.subList(byAbility.size() - quarter, byAbility.size());

        // then their success rates differ clearly
        double weak = successRate(weakest);
        double able = successRate(ablest);
        assertThat(able - weak).isGreaterThan(0.25);
        assertThat(weak).isBetween(0.2, 0.6);
        assertThat(able).isBetween(0.65, 0.98);
    }

    @Test
    void answersGetBetterWithPracticeOfTheSkill() {
        // given each answer with the number of answers the student gave on that skill before
        Map<String, Integer> practice = new HashMap<>();
        int[] rightAndTotalUnpractised = new int[2];
        int[] rightAndTotalPractised = new int[2];
        for (Observation o : term) {
            if (!ANSWERED.equals(o.verb())) {
                continue;
            }
            int before = practice.merge(o.student() + " " + o.skill(), 1, Integer::sum) - 1;
            int[] bucket = before < 5 ? rightAndTotalUnpractised : before >= 40 ? rightAndTotalPractised : null;
            if (bucket != null) {
                bucket[0] += o.success() ? 1 : 0;
                bucket[1]++;
            }
        }

        // then well-practised answers are right more often than first tries
        assertThat(rightAndTotalPractised[1]).isGreaterThan(1_000);
        double unpractised = (double) rightAndTotalUnpractised[0] / rightAndTotalUnpractised[1];
        double practised = (double) rightAndTotalPractised[0] / rightAndTotalPractised[1];
        assertThat(practised - unpractised).isGreaterThan(0.05);
    }

    @Test
    void schoolDaysAreBusierThanWeekendsAndActivityFallsInSchoolHoursAndEvenings() {
        Map<Boolean, Long> byWeekend = term.stream().collect(Collectors.partitioningBy(
                o -> o.localTime().getDayOfWeek() == DayOfWeek.SATURDAY || o.localTime().getDayOfWeek() == DayOfWeek.SUNDAY,
                Collectors.counting()));
        double perWeekday = byWeekend.get(false) / 5.0;
        double perWeekendDay = byWeekend.get(true) / 2.0;

        assertThat(perWeekday).isGreaterThan(2 * perWeekendDay);
        assertThat(perWeekendDay).isPositive();
        assertThat(term).allSatisfy(o -> assertThat(o.localTime().getHour()).isBetween(8, 23));
        long schoolHours = term.stream().filter(o -> o.localTime().getHour() < 15).count();
        assertThat(schoolHours).isBetween(term.size() / 5L, term.size() * 4L / 5);
    }

    @Test
    void aStudentsSessionsAreSeparatedByMoreThanTheThirtyMinuteInactivityGap() {
        Map<String, List<Observation>> byStudent = term.stream().collect(Collectors.groupingBy(Observation::student));
        int sessions = 0;
        for (List<Observation> events : byStudent.values()) {
            for (int i = 1; i < events.size(); i++) {
                Duration gap = Duration.between(events.get(i - 1).time(), events.get(i).time());
                assertThat(gap.compareTo(Duration.ofMinutes(30)) < 0 || gap.compareTo(Duration.ofMinutes(35)) >= 0)
                        .as("gap %s of %s", gap, events.get(i).student()).isTrue();
                if (gap.compareTo(Duration.ofMinutes(30)) >= 0 && events.get(i).course().equals(events.get(i - 1).course())) {
                    sessions++;
                }
            }
        }
        assertThat(sessions).isGreaterThan(1_000);
    }

    @Test
    void studentsWorkInEachOfTheirClassesAndOnlyThere() {
        Map<String, List<String>> coursesOfStudent = new HashMap<>();
        for (Observation o : term) {
            coursesOfStudent.computeIfAbsent(o.student(), k -> new ArrayList<>()).add(o.course());
        }
        assertThat(coursesOfStudent).hasSizeGreaterThan(115);
        coursesOfStudent.forEach((student, courses) -> assertThat(courses.stream().distinct()
                .map(iri -> iri.substring(iri.lastIndexOf('/') + 1)).toList())
                .isSubsetOf(students.get(student).sectionIds()));
    }

    private static double lateToEarlyRatio(Predicate<Student> which) {
        long early = district.students().stream().filter(which).mapToLong(s -> count(s, 1, 4)).sum();
        long late = district.students().stream().filter(which).mapToLong(s -> count(s, 13, 16)).sum();
        return (double) late / early;
    }

    private static long count(Student student, int fromWeek, int toWeek) {
        return term.stream().filter(o -> o.student().equals(student.sisId()) && o.week() >= fromWeek && o.week() <= toWeek).count();
    }

    private static double successRate(List<Student> group) {
        var ids = group.stream().map(Student::sisId).collect(Collectors.toSet());
        List<Observation> answers = term.stream().filter(o -> ANSWERED.equals(o.verb()) && ids.contains(o.student())).toList();
        return (double) answers.stream().filter(Observation::success).count() / answers.size();
    }
}

package io.learnstream.app.simulate;

import io.learnstream.app.simulate.district.CourseSection;
import io.learnstream.app.simulate.district.District;
import io.learnstream.app.simulate.district.DistrictGenerator;
import io.learnstream.app.simulate.district.DistrictSpec;
import io.learnstream.app.simulate.district.Student;
import io.learnstream.app.simulate.district.Subject;
import io.learnstream.app.simulate.district.Teacher;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DistrictGeneratorTest {

    private static final ZoneId ZONE = ZoneId.of("America/Chicago");

    private static DistrictSpec spec(long seed) {
        return new DistrictSpec("riverside", seed, 3, 300, ZONE, 16);
    }

    @Test
    void theSameSeedGivesTheSameDistrict() {
        // given two generations from the same spec
        District first = DistrictGenerator.generate(spec(7));
        District second = DistrictGenerator.generate(spec(7));

        // then everything about them is equal
        assertThat(second).isEqualTo(first);
        assertThat(second.students()).isEqualTo(first.students());
    }

    @Test
    void differentSeedsGiveDifferentDistricts() {
        assertThat(DistrictGenerator.generate(spec(8)).students())
                .isNotEqualTo(DistrictGenerator.generate(spec(7)).students());
    }

    @Test
    void theDistrictHasTheConfiguredNumberOfSchoolsAndStudentsWithUniqueIds() {
        District district = DistrictGenerator.generate(spec(7));

        assertThat(district.schools()).hasSize(3);
        assertThat(district.students()).hasSize(300);
        assertThat(district.students()).extracting(Student::sisId).doesNotHaveDuplicates();
        assertThat(district.teachers()).extracting(Teacher::sisId).doesNotHaveDuplicates();
        assertThat(district.sections()).extracting(CourseSection::id).doesNotHaveDuplicates();
        assertThat(district.schools()).allSatisfy(school ->
                assertThat(district.students()).anyMatch(s -> s.schoolCode().equals(school.code())));
    }

    @Test
    void everyStudentTakesSeveralClassesOfTheirSchoolAndGradeOnePerSubjectIncludingMathAndEla() {
        District district = DistrictGenerator.generate(spec(7));

        assertThat(district.students()).allSatisfy(student -> {
            assertThat(student.sectionIds()).hasSizeBetween(2, Subject.values().length);
            var sections = student.sectionIds().stream().map(district::section).toList();
            assertThat(sections).allSatisfy(section -> {
                assertThat(section.schoolCode()).isEqualTo(student.schoolCode());
                assertThat(section.grade()).isEqualTo(student.grade());
            });
            assertThat(sections).extracting(CourseSection::subject).doesNotHaveDuplicates()
                    .contains(Subject.MATH, Subject.ELA);
        });
        assertThat(district.students().stream().mapToInt(s -> s.sectionIds().size()).average().orElseThrow())
                .isGreaterThan(3.0);
    }

    @Test
    void everyClassHasATeacherOfItsSubjectAtItsSchoolAndAtMostTwentyEightStudents() {
        District district = DistrictGenerator.generate(spec(7));
        Map<String, Long> classSizes = district.students().stream()
                .flatMap(s -> s.sectionIds().stream())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));

        assertThat(district.sections()).allSatisfy(section -> {
            Teacher teacher = district.teacher(section.teacherId());
            assertThat(teacher.subject()).isEqualTo(section.subject());
            assertThat(teacher.schoolCode()).isEqualTo(section.schoolCode());
            assertThat(classSizes.get(section.id())).isBetween(1L, 28L);
            assertThat(section.id()).matches("[a-z0-9-]+");
        });
    }

    @Test
    void studentsDifferInHabitsAndAbilitiesAndSomeOfThemDisengageDuringTheTerm() {
        District district = DistrictGenerator.generate(spec(7));

        Set<Long> weekdayActivity = district.students().stream()
                .map(s -> Math.round(s.habits().weekdayActivity() * 10)).collect(Collectors.toSet());
        assertThat(weekdayActivity).hasSizeGreaterThan(4);
        assertThat(district.students().stream().map(s -> s.habits().sessionMinutes()).distinct().count()).isGreaterThan(100);
        assertThat(district.students().stream().map(s -> s.ability().general()).distinct().count()).isEqualTo(300);

        long disengaging = district.students().stream().filter(s -> s.habits().trajectory().disengages()).count();
        assertThat(disengaging).isBetween(20L, 80L);
        assertThat(district.students()).filteredOn(s -> s.habits().trajectory().disengages()).allSatisfy(s -> {
            int onset = s.habits().trajectory().onsetWeek();
            assertThat(onset).isBetween(2, 15);
            assertThat(s.habits().trajectory().engagement(onset - 1)).isEqualTo(1.0);
            assertThat(s.habits().trajectory().engagement(16)).isLessThan(0.8);
        });
    }

    @Test
    void anInvalidSpecIsRejectedNamingTheField() {
        assertThatThrownBy(() -> new DistrictSpec("Riverside!", 1, 3, 300, ZONE, 16))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("district slug");
        assertThatThrownBy(() -> new DistrictSpec("riverside", 1, 0, 300, ZONE, 16))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("schools must be >= 1");
        assertThatThrownBy(() -> new DistrictSpec("riverside", 1, 3, 2, ZONE, 16))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("students must be >= schools");
    }
}

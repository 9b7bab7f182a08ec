package io.learnstream.app.simulate.district;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Builds a {@link District} from a {@link DistrictSpec}: middle schools (grades 6-8), classes of up to
 * {@value #CLASS_SIZE} students per subject and grade, teachers with up to {@value #SECTIONS_PER_TEACHER} classes,
 * and students with their habits and abilities. Deterministic: the same spec yields an equal district.
 */
public final class DistrictGenerator {

    static final int CLASS_SIZE = 28;
    static final int SECTIONS_PER_TEACHER = 5;
    static final List<Integer> GRADES = List.of(6, 7, 8);
    /** Share of students whose engagement drops during the term. */
    static final double DISENGAGING_SHARE = 0.15;
    /** Probability of taking each of the non-core subjects (math and ELA are always taken). */
    static final double ELECTIVE_SUBJECT_CHANCE = 0.8;

    private DistrictGenerator() {
    }

    public static District generate(DistrictSpec spec) {
        SplittableRandom random = Seeds.random(spec.seed(), Seeds.tag("district"));
        List<School> schools = new ArrayList<>();
        for (int i = 0; i < spec.schools(); i++) {
            String name = Names.school(i);
            schools.add(new School(name.toLowerCase(Locale.ROOT).replace(' ', '-'), name + " Middle School", GRADES));
        }

        // students: school round robin so that every school has students, grade at random, subjects taken
        List<Placement> placements = new ArrayList<>();
        for (int i = 0; i < spec.students(); i++) {
            School school = schools.get(i % schools.size());
            int grade = GRADES.get(random.nextInt(GRADES.size()));
            List<Subject> taken = new ArrayList<>();
            for (Subject subject : Subject.values()) {
                if (subject == Subject.MATH || subject == Subject.ELA || random.nextDouble() < ELECTIVE_SUBJECT_CHANCE) {
                    taken.add(subject);
                }
            }
            placements.add(new Placement(school, grade, taken));
        }

        List<CourseSection> sections = new ArrayList<>();
        List<Teacher> teachers = new ArrayList<>();
        Map<Integer, List<String>> sectionsOfStudent = new HashMap<>();
        for (int k = 0; k < schools.size(); k++) {
            List<Integer> studentsOfSchool = new ArrayList<>();
            for (int i = k; i < spec.students(); i += schools.size()) {
                studentsOfSchool.add(i);
            }
            for (Subject subject : Subject.values()) {
                formClasses(schools.get(k), subject, studentsOfSchool, placements, random, sections, teachers, sectionsOfStudent);
            }
        }

        List<Student> students = new ArrayList<>();
        for (int i = 0; i < spec.students(); i++) {
            Placement p = placements.get(i);
            students.add(new Student(i, "%06d".formatted(100001 + i), Names.person(random), p.school().code(), p.grade(),
                    sectionsOfStudent.getOrDefault(i, List.of()), habits(random, spec.termWeeks()), ability(random)));
        }
        String name = Character.toUpperCase(spec.slug().charAt(0)) + spec.slug().substring(1).replace('-', ' ') + " School District";
        return new District(spec.slug(), name, spec.zone(), schools, teachers, sections, students);
    }

    /**
     * The classes of one subject at one school: per grade enough sections for the students taking it, students
     * dealt round robin; and enough teachers for {@value #SECTIONS_PER_TEACHER} classes each.
     */
    private static void formClasses(School school, Subject subject, List<Integer> studentsOfSchool,
                                    List<Placement> placements, SplittableRandom random, List<CourseSection> sections,
                                    List<Teacher> teachers, Map<Integer, List<String>> sectionsOfStudent) {
        Map<Integer, List<Integer>> rosters = new TreeMap<>();
        for (int i : studentsOfSchool) {
            Placement p = placements.get(i);
            if (p.subjects().contains(subject)) {
                rosters.computeIfAbsent(p.grade(), g -> new ArrayList<>()).add(i);
            }
        }
        List<SectionSlot> slots = new ArrayList<>();
        rosters.forEach((grade, roster) -> {
            int count = (roster.size() + CLASS_SIZE - 1) / CLASS_SIZE;
            Collections.shuffle(roster, random);
            for (int r = 0; r < roster.size(); r++) {
                sectionsOfStudent.computeIfAbsent(roster.get(r), k -> new ArrayList<>())
                        .add(sectionId(school, subject, grade, r % count + 1));
            }
            for (int number = 1; number <= count; number++) {
                slots.add(new SectionSlot(grade, number));
            }
        });
        int teacherCount = (slots.size() + SECTIONS_PER_TEACHER - 1) / SECTIONS_PER_TEACHER;
        List<Teacher> subjectTeachers = new ArrayList<>();
        for (int t = 0; t < teacherCount; t++) {
            Teacher teacher = new Teacher("T%04d".formatted(teachers.size() + 1), Names.person(random), school.code(), subject);
            subjectTeachers.add(teacher);
            teachers.add(teacher);
        }
        for (int s = 0; s < slots.size(); s++) {
            SectionSlot slot = slots.get(s);
            sections.add(new CourseSection(sectionId(school, subject, slot.grade(), slot.number()), school.code(), subject,
                    slot.grade(), slot.number(), subjectTeachers.get(s % teacherCount).sisId()));
        }
    }

    private static Habits habits(SplittableRandom random, int termWeeks) {
        double type = random.nextDouble();
        double weekday = type < 0.25 ? uniform(random, 0.8, 0.95)   // diligent
                : type < 0.75 ? uniform(random, 0.5, 0.8)           // regular
                : uniform(random, 0.2, 0.5);                        // sporadic
        double weekend = weekday * uniform(random, 0.15, 0.6);
        double schoolHoursShare = uniform(random, 0.3, 0.7);
        double eveningHour = clamp(18.5 + 1.5 * random.nextGaussian(), 15.5, 21.5);
        double sessionMinutes = clamp(22 * Math.exp(0.35 * random.nextGaussian()), 8, 60);
        double extraSession = uniform(random, 0.1, 0.5);
        Trajectory trajectory = Trajectory.steady();
        if (random.nextDouble() < DISENGAGING_SHARE) {
            int earliest = Math.max(2, (int) Math.round(0.3 * termWeeks));
            int latest = Math.max(earliest, (int) Math.round(0.6 * termWeeks));
            trajectory = Trajectory.disengaging(earliest + random.nextInt(latest - earliest + 1), uniform(random, 0.72, 0.88));
        }
        return new Habits(weekday, weekend, schoolHoursShare, eveningHour, sessionMinutes, extraSession, trajectory);
    }

    private static Ability ability(SplittableRandom random) {
        double general = random.nextGaussian();
        Map<String, Double> offsets = new HashMap<>();
        for (Subject subject : Subject.values()) {
            double subjectOffset = 0.4 * random.nextGaussian();
            for (Skill skill : subject.skills()) {
                offsets.put(skill.id(), subjectOffset + 0.4 * random.nextGaussian());
            }
        }
        return new Ability(general, offsets, uniform(random, 0.1, 0.35));
    }

    private static String sectionId(School school, Subject subject, int grade, int number) {
        return school.code() + "-" + subject.code() + "-" + grade + "-" + number;
    }

    private static double uniform(SplittableRandom random, double from, double to) {
        return from + (to - from) * random.nextDouble();
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }

    private record Placement(School school, int grade, List<Subject> subjects) {
    }

    private record SectionSlot(int grade, int number) {
    }
}

package io.learnstream.app.roster;

import io.learnstream.app.simulate.SimulatorConfig;
import io.learnstream.app.simulate.activity.Term;
import io.learnstream.app.simulate.district.DistrictGenerator;
import io.learnstream.app.simulate.district.DistrictSpec;
import io.learnstream.app.simulate.district.CourseSection;
import io.learnstream.app.simulate.district.District;
import io.learnstream.app.simulate.district.School;
import io.learnstream.app.simulate.district.Student;
import io.learnstream.app.simulate.district.Teacher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the OneRoster 1.2 CSV export (bulk) a student information system would give for a simulated
 * {@link District}, so the roster import can be tried on the same district the simulator sends statements of: the
 * district and its schools as orgs, the term as the one academic session, a course per school, subject and grade,
 * the classes (sourcedId the class id, so {@link District#sectionIri} = {@code <SIS>/classes/<sourcedId>}, the IRI
 * statements name the class by), students and teachers as users (identifier the SIS id statements' accounts name
 * them by) with their roles in {@code roles.csv}, enrollments (students; each class's teacher as primary and another
 * teacher of the school as co-teacher) and three line items per class with due dates in the term: the quizzes of weeks a quarter, a half and three
 * quarters into it, named as the quiz app names them (a quiz's IRI ends in {@code <class sourcedId>-w<week>}), due four days
 * after their week.
 */
public final class RosterExport {
    static final int LINE_ITEMS_PER_CLASS = 3;
    /** The district of the committed sample: the simulator's default one (the district {@code demo} simulates). */
    public static final DistrictSpec SAMPLE_DISTRICT = new DistrictSpec(SimulatorConfig.DEFAULT_DISTRICT, SimulatorConfig.DEFAULT_SEED,
            SimulatorConfig.DEFAULT_SCHOOLS, SimulatorConfig.DEFAULT_STUDENTS, SimulatorConfig.DEFAULT_ZONE, Term.DEFAULT_WEEKS);
    /** The term of the committed sample, fixed so that the sample does not change with the day it is written. */
    public static final Term SAMPLE_TERM = new Term(LocalDate.of(2025, 8, 25), Term.DEFAULT_WEEKS, SimulatorConfig.DEFAULT_ZONE);
    /** Where the committed sample is, on the class path. */
    public static final String SAMPLE_RESOURCE = "/io/learnstream/app/roster/sample/";

    private RosterExport() {}

    /** Writes the sample export ({@link #SAMPLE_DISTRICT} in {@link #SAMPLE_TERM}) into the directory given. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) throw new IllegalArgumentException("usage: RosterExport DIR");
        write(DistrictGenerator.generate(SAMPLE_DISTRICT), SAMPLE_TERM, Path.of(args[0]));
    }

    /** The export of {@code district} for a term of the default length starting as a simulator's first run today would. */
    public static void write(District district, Path dir) throws IOException {
        write(district, new Term(Term.defaultStart(Clock.systemUTC(), Term.DEFAULT_WEEKS), Term.DEFAULT_WEEKS, district.zone()), dir);
    }

    /** The export of {@code district} in {@code term} into {@code dir} (created if need be; files in it replaced). */
    public static void write(District district, Term term, Path dir) throws IOException {
        Files.createDirectories(dir);
        String termId = "term-" + term.start();
        LocalDate lastDay = term.start().plusWeeks(term.weeks()).minusDays(1);
        csv(dir, "manifest.csv", List.of("propertyName", "value"), manifest());
        List<List<String>> orgs = new ArrayList<>();
        orgs.add(List.of(district.slug(), "", "", district.name(), "district", district.slug(), ""));
        for (School school : district.schools()) {
            orgs.add(List.of(school.code(), "", "", school.name(), "school", school.code(), district.slug()));
        }
        csv(dir, "orgs.csv", List.of("sourcedId", "status", "dateLastModified", "name", "type", "identifier", "parentSourcedId"), orgs);
        csv(dir, "academicSessions.csv", List.of("sourcedId", "status", "dateLastModified", "title", "type", "startDate", "endDate",
                        "parentSourcedId", "schoolYear"),
                List.of(List.of(termId, "", "", "Term starting " + term.start(), "term", term.start().toString(), lastDay.toString(), "",
                        String.valueOf(lastDay.getYear()))));
        Map<String, List<String>> courses = new LinkedHashMap<>();
        List<List<String>> classes = new ArrayList<>();
        for (CourseSection section : district.sections()) {
            String course = courseId(section);
            courses.putIfAbsent(course, List.of(course, "", "", section.subject().title() + " " + section.grade(), course,
                    String.valueOf(section.grade()), section.schoolCode(), section.subject().title()));
            classes.add(List.of(section.id(), "", "", section.title(), String.valueOf(section.grade()), course, section.id(), "scheduled",
                    "", section.schoolCode(), termId, section.subject().title()));
        }
        csv(dir, "courses.csv", List.of("sourcedId", "status", "dateLastModified", "title", "courseCode", "grades", "orgSourcedId",
                "subjects"), new ArrayList<>(courses.values()));
        csv(dir, "classes.csv", List.of("sourcedId", "status", "dateLastModified", "title", "grades", "courseSourcedId", "classCode",
                "classType", "location", "schoolSourcedId", "termSourcedIds", "subjects"), classes);
        writeUsers(district, dir, term.start());
        writeEnrollments(district, dir, term.start(), lastDay);
        writeLineItems(district, dir, term);
    }

    private static List<List<String>> manifest() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("manifest.version", "1.0"));
        rows.add(List.of("oneroster.version", "1.2"));
        for (RosterKind kind : RosterKind.values()) rows.add(List.of(kind.manifestProperty(), "bulk"));
        rows.add(List.of(RosterManifest.ROLES_PROPERTY, "bulk"));
        for (String absent : List.of("categories", "demographics", "results", "userProfiles")) rows.add(List.of("file." + absent, "absent"));
        rows.add(List.of("source.systemName", "learnstream simulator"));
        return rows;
    }

    private static void writeUsers(District district, Path dir, LocalDate termStart) throws IOException {
        String host = district.sisHomePage().getHost();
        List<List<String>> users = new ArrayList<>();
        List<List<String>> roles = new ArrayList<>();
        for (Student student : district.students()) {
            users.add(user(student.sisId(), student.name(), "students." + host, String.valueOf(student.grade()), student.schoolCode()));
            roles.add(List.of("role-" + student.sisId(), "", "", student.sisId(), "primary", "student", termStart.toString(), "",
                    student.schoolCode()));
        }
        for (Teacher teacher : district.teachers()) {
            users.add(user(teacher.sisId(), teacher.name(), "staff." + host, "", teacher.schoolCode()));
            roles.add(List.of("role-" + teacher.sisId(), "", "", teacher.sisId(), "primary", "teacher", termStart.toString(), "",
                    teacher.schoolCode()));
        }
        csv(dir, "users.csv", List.of("sourcedId", "status", "dateLastModified", "enabledUser", "username", "userIds", "givenName",
                "familyName", "middleName", "identifier", "email", "sms", "phone", "agentSourcedIds", "grades", "password",
                "userMasterIdentifier", "resourceSourcedIds", "preferredFirstName", "preferredMiddleName", "preferredLastName",
                "primaryOrgSourcedId", "pronouns"), users);
        csv(dir, "roles.csv", List.of("sourcedId", "status", "dateLastModified", "userSourcedId", "roleType", "role", "beginDate",
                "endDate", "orgSourcedId"), roles);
    }

    private static List<String> user(String sisId, String name, String mailDomain, String grades, String school) {
        int space = name.indexOf(' ');
        String given = space < 0 ? name : name.substring(0, space);
        String family = space < 0 ? name : name.substring(space + 1);
        String username = (given + "." + family + "." + sisId).toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9.]", "");
        return List.of(sisId, "", "", "true", username, "{SIS:" + sisId + "}", given, family, "", sisId, username + "@" + mailDomain,
                "", "", "", grades, "", "", "", "", "", "", school, "");
    }

    private static void writeEnrollments(District district, Path dir, LocalDate begin, LocalDate end) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (CourseSection section : district.sections()) {
            rows.add(enrollment(section, section.teacherId(), "teacher", true, begin, end));
            coTeacher(district, section).ifPresent(co -> rows.add(enrollment(section, co.sisId(), "teacher", false, begin, end)));
        }
        for (Student student : district.students()) {
            for (String sectionId : student.sectionIds()) {
                rows.add(enrollment(district.section(sectionId), student.sisId(), "student", false, begin, end));
            }
        }
        csv(dir, "enrollments.csv", List.of("sourcedId", "status", "dateLastModified", "classSourcedId", "schoolSourcedId",
                "userSourcedId", "role", "primary", "beginDate", "endDate"), rows);
    }

    /** Another teacher of the class's school, the next one after its own teacher in the district's list (none if alone). */
    private static java.util.Optional<Teacher> coTeacher(District district, CourseSection section) {
        List<Teacher> ofSchool = district.teachers().stream().filter(t -> t.schoolCode().equals(section.schoolCode())).toList();
        if (ofSchool.size() < 2) return java.util.Optional.empty();
        int own = ofSchool.indexOf(district.teacher(section.teacherId()));
        return java.util.Optional.of(ofSchool.get((own + 1) % ofSchool.size()));
    }

    private static List<String> enrollment(CourseSection section, String userId, String role, boolean primary, LocalDate begin, LocalDate end) {
        return List.of(section.id() + "-" + userId, "", "", section.id(), section.schoolCode(), userId, role, String.valueOf(primary),
                begin.toString(), end.toString());
    }

    private static void writeLineItems(District district, Path dir, Term term) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        int spacing = Math.max(1, term.weeks() / (LINE_ITEMS_PER_CLASS + 1));
        for (CourseSection section : district.sections()) {
            for (int n = 1; n <= LINE_ITEMS_PER_CLASS; n++) {
                // the quiz of the week's module, named as the quiz app's statements name it (its IRI ends in it)
                int week = n * spacing;
                LocalDate due = term.start().plusWeeks(week).plusDays(4);
                LocalDate assigned = due.minusWeeks(1);
                rows.add(List.of(section.id() + "-w" + week, "", "", section.subject().title() + " quiz " + n, "", 
                        assigned.atTime(8, 0).toInstant(ZoneOffset.UTC).toString(), due.atTime(23, 59).toInstant(ZoneOffset.UTC).toString(),
                        section.id(), "", "", "0", "100", section.schoolCode()));
            }
        }
        csv(dir, "lineItems.csv", List.of("sourcedId", "status", "dateLastModified", "title", "description", "assignDate", "dueDate",
                "classSourcedId", "categorySourcedId", "gradingPeriodSourcedId", "resultValueMin", "resultValueMax", "schoolSourcedId"), rows);
    }

    private static String courseId(CourseSection section) {
        return section.schoolCode() + "-" + section.subject().code() + "-" + section.grade();
    }

    private static void csv(Path dir, String name, List<String> header, List<List<String>> rows) throws IOException {
        RosterCsvWriter.write(dir, name, header, rows);
    }
}

package io.learnstream.app.replay.oulad;

import io.learnstream.app.roster.RosterCsvWriter;
import io.learnstream.app.roster.RosterKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The OneRoster 1.2 CSV bulk export a student information system would give for OULAD presentations, to import
 * with the roster import:
 * <ul>
 *   <li>orgs: the district and one school ({@code <district>-school});</li>
 *   <li>academicSessions: a term per presentation ({@code term-<class>}), from its start to its last day;</li>
 *   <li>courses: one per module ({@code code_module}); classes: one per presentation, sourcedId {@code <code_module>-<code_presentation>};</li>
 *   <li>users (with roles.csv): each student once, sourcedId {@code student-<id_student>}, identifier and username
 *       {@code <id_student>}; per class a teacher and a co-teacher ({@code teacher-<class>-1}, {@code -2});</li>
 *   <li>enrollments: each student in each class, from the registration date to the withdrawal date (each empty when
 *       OULAD has none; a withdrawal dated before the registration ends the enrollment on its first day), and the
 *       class's two teachers (primary, then not) for the whole term;</li>
 *   <li>lineItems: one per assessment, sourcedId {@code <id_assessment>}, assigned at the start (00:00 UTC; at the due
 *       date when that is earlier), due at the end of its due day (23:59:59 UTC), so a submission dated on the due day
 *       is on time; scores from 0 to 100.</li>
 * </ul>
 * No demographics.
 */
public final class OuladRosterExport {
    static final String SOURCE = "OULAD (replayed by learnstream)";
    static final String MAIL_DOMAIN = "example.org";
    /** Teachers per class: the primary teacher and a co-teacher. */
    static final int TEACHERS = 2;

    private OuladRosterExport() {}

    /** The school of the district's export. */
    public static String schoolId(String district) {
        return district + "-school";
    }

    public static String termId(String classId) {
        return "term-" + classId;
    }

    /** The sourcedId of teacher {@code n} (1: primary) of a class. */
    public static String teacherId(String classId, int n) {
        return "teacher-" + classId + "-" + n;
    }

    /** Writes the export of {@code data} for {@code district} into {@code dir} (created if need be; its files replaced). */
    public static void write(OuladData data, String district, Path dir) throws IOException {
        Files.createDirectories(dir);
        String school = schoolId(district);
        List<OuladPresentation> presentations = data.presentations();
        RosterCsvWriter.write(dir, "manifest.csv", List.of("propertyName", "value"), manifest());
        RosterCsvWriter.write(dir, "orgs.csv", List.of("sourcedId", "status", "dateLastModified", "name", "type", "identifier", "parentSourcedId"),
                List.of(List.of(district, "", "", "Open University Learning Analytics Dataset", "district", district, ""),
                        List.of(school, "", "", "The Open University", "school", school, district)));
        List<List<String>> terms = new ArrayList<>();
        Map<String, List<String>> courses = new LinkedHashMap<>();
        List<List<String>> classes = new ArrayList<>();
        for (OuladPresentation p : presentations) {
            terms.add(List.of(termId(p.id()), "", "", p.id() + " presentation", "term", p.start().toString(), p.endDate().toString(), "",
                    String.valueOf(p.endDate().getYear())));
            courses.putIfAbsent(p.module(), List.of(p.module(), "", "", "Module " + p.module(), p.module(), "", school, ""));
            classes.add(List.of(p.id(), "", "", p.module() + " " + p.presentation(), "", p.module(), p.id(), "scheduled", "", school,
                    termId(p.id()), ""));
        }
        RosterCsvWriter.write(dir, "academicSessions.csv", List.of("sourcedId", "status", "dateLastModified", "title", "type", "startDate",
                "endDate", "parentSourcedId", "schoolYear"), terms);
        RosterCsvWriter.write(dir, "courses.csv", List.of("sourcedId", "status", "dateLastModified", "title", "courseCode", "grades",
                "orgSourcedId", "subjects"), new ArrayList<>(courses.values()));
        RosterCsvWriter.write(dir, "classes.csv", List.of("sourcedId", "status", "dateLastModified", "title", "grades", "courseSourcedId",
                "classCode", "classType", "location", "schoolSourcedId", "termSourcedIds", "subjects"), classes);
        writeUsers(presentations, school, dir);
        writeEnrollments(presentations, school, dir);
        writeLineItems(presentations, school, dir);
    }

    private static List<List<String>> manifest() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("manifest.version", "1.0"));
        rows.add(List.of("oneroster.version", "1.2"));
        for (RosterKind kind : RosterKind.values()) rows.add(List.of(kind.manifestProperty(), "bulk"));
        rows.add(List.of("file.roles", "bulk"));
        for (String absent : List.of("categories", "demographics", "results", "userProfiles")) rows.add(List.of("file." + absent, "absent"));
        rows.add(List.of("source.systemName", SOURCE));
        return rows;
    }

    private static void writeUsers(List<OuladPresentation> presentations, String school, Path dir) throws IOException {
        List<List<String>> users = new ArrayList<>();
        List<List<String>> roles = new ArrayList<>();
        Set<String> students = new LinkedHashSet<>();
        for (OuladPresentation p : presentations) students.addAll(p.students().keySet());
        for (String student : students) {
            String id = OuladStudent.rosterSourcedId(student);
            users.add(user(id, student, "Student", student, "", student, school));
            roles.add(List.of("role-" + id, "", "", id, "primary", "student", "", "", school));
        }
        for (OuladPresentation p : presentations) {
            for (int n = 1; n <= TEACHERS; n++) {
                String id = teacherId(p.id(), n);
                users.add(user(id, id, "Teacher " + n, p.id(), id + "@" + MAIL_DOMAIN, id, school));
                roles.add(List.of("role-" + id, "", "", id, "primary", "teacher", "", "", school));
            }
        }
        RosterCsvWriter.write(dir, "users.csv", List.of("sourcedId", "status", "dateLastModified", "enabledUser", "username", "userIds",
                "givenName", "familyName", "identifier", "email", "primaryOrgSourcedId"), users);
        RosterCsvWriter.write(dir, "roles.csv", List.of("sourcedId", "status", "dateLastModified", "userSourcedId", "roleType", "role",
                "beginDate", "endDate", "orgSourcedId"), roles);
    }

    private static List<String> user(String sourcedId, String username, String given, String family, String email, String identifier,
            String school) {
        return List.of(sourcedId, "", "", "true", username, "{SIS:" + identifier + "}", given, family, identifier, email, school);
    }

    private static void writeEnrollments(List<OuladPresentation> presentations, String school, Path dir) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (OuladPresentation p : presentations) {
            for (int n = 1; n <= TEACHERS; n++) {
                rows.add(List.of(p.id() + "-teacher-" + n, "", "", p.id(), school, teacherId(p.id(), n), "teacher", String.valueOf(n == 1),
                        p.start().toString(), p.endDate().toString()));
            }
            for (OuladStudent student : p.students().values()) {
                LocalDate begin = student.registrationDay().isPresent() ? p.start().plusDays(student.registrationDay().getAsInt()) : null;
                LocalDate end = student.unregistrationDay().isPresent() ? p.start().plusDays(student.unregistrationDay().getAsInt()) : null;
                if (begin != null && end != null && end.isBefore(begin)) end = begin;
                rows.add(List.of(p.id() + "-student-" + student.id(), "", "", p.id(), school, student.rosterSourcedId(), "student", "false",
                        begin == null ? "" : begin.toString(), end == null ? "" : end.toString()));
            }
        }
        RosterCsvWriter.write(dir, "enrollments.csv", List.of("sourcedId", "status", "dateLastModified", "classSourcedId", "schoolSourcedId",
                "userSourcedId", "role", "primary", "beginDate", "endDate"), rows);
    }

    private static void writeLineItems(List<OuladPresentation> presentations, String school, Path dir) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (OuladPresentation p : presentations) {
            for (OuladAssessment assessment : p.assessments().values()) {
                LocalDate assigned = assessment.dueDate().isBefore(p.start()) ? assessment.dueDate() : p.start();
                rows.add(List.of(assessment.id(), "", "", assessment.type() + " " + assessment.id(),
                        assessment.type() + ", weight " + weight(assessment.weight()) + "%",
                        assigned.atStartOfDay(ZoneOffset.UTC).toInstant().toString(),
                        assessment.dueDate().atTime(23, 59, 59).toInstant(ZoneOffset.UTC).toString(),
                        p.id(), "", termId(p.id()), "0", "100", school));
            }
        }
        RosterCsvWriter.write(dir, "lineItems.csv", List.of("sourcedId", "status", "dateLastModified", "title", "description", "assignDate",
                "dueDate", "classSourcedId", "categorySourcedId", "gradingPeriodSourcedId", "resultValueMin", "resultValueMax",
                "schoolSourcedId"), rows);
    }

    private static String weight(double weight) {
        return weight == Math.rint(weight) ? String.valueOf((long) weight) : String.valueOf(weight);
    }
}

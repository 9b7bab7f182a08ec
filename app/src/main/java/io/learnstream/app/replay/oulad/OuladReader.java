package io.learnstream.app.replay.oulad;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the seven files of an OULAD-shaped directory into presentations, checking every row: numbers where numbers
 * belong, each presentation of another file in {@code courses}, each student, assessment and VLE site a row names
 * known to its presentation, no presentation, assessment, site or student of a presentation twice.
 */
final class OuladReader {
    static final List<String> COURSES = List.of("code_module", "code_presentation", "module_presentation_length");
    static final List<String> ASSESSMENTS = List.of("code_module", "code_presentation", "id_assessment", "assessment_type", "date", "weight");
    static final List<String> VLE = List.of("id_site", "code_module", "code_presentation", "activity_type");
    static final List<String> STUDENT_INFO = List.of("code_module", "code_presentation", "id_student", "gender", "region",
            "highest_education", "imd_band", "age_band", "num_of_prev_attempts", "studied_credits", "disability", "final_result");
    static final List<String> STUDENT_REGISTRATION = List.of("code_module", "code_presentation", "id_student", "date_registration",
            "date_unregistration");
    static final List<String> STUDENT_ASSESSMENT = List.of("id_assessment", "id_student", "date_submitted", "is_banked", "score");
    static final List<String> STUDENT_VLE = List.of("code_module", "code_presentation", "id_student", "id_site", "date", "sum_click");
    /** How OULAD writes a missing score. */
    static final String MISSING = "?";
    static final double MAX_SCORE = 100;

    private final OuladFiles files;
    private final Set<String> selected;
    private final Map<String, Builder> presentations = new LinkedHashMap<>();
    /** Every assessment's class, selected or not, so a submission of another presentation is skipped, not refused. */
    private final Map<String, String> assessmentClasses = new HashMap<>();
    /** One instance of each student id, shared by the records that name it. */
    private final Map<String, String> ids = new HashMap<>();

    /** A presentation while its files are read. */
    private static final class Builder {
        final String module;
        final String presentation;
        final int length;
        final LocalDate start;
        final String id;
        final Map<String, OuladAssessment> assessments = new LinkedHashMap<>();
        final Map<String, String> sites = new LinkedHashMap<>();
        /** One instance of each site id, shared by its rows. */
        final Map<String, String> siteIds = new HashMap<>();
        final Map<String, OuladStudent> students = new LinkedHashMap<>();
        final Map<String, Long> registrationLines = new HashMap<>();
        final List<OuladEvent.Submission> submissions = new ArrayList<>();
        final List<OuladEvent.VleActivity> vle = new ArrayList<>();

        Builder(String module, String presentation, int length, LocalDate start) {
            this.module = module;
            this.presentation = presentation;
            this.length = length;
            this.start = start;
            this.id = OuladPresentation.id(module, presentation);
        }

        String id() {
            return id;
        }

        OuladPresentation build() {
            return new OuladPresentation(module, presentation, length, start, assessments, sites, students, submissions, vle);
        }
    }

    private OuladReader(OuladFiles files, Set<String> selected) {
        this.files = files;
        this.selected = Set.copyOf(selected);
    }

    static List<OuladPresentation> read(OuladFiles files, Set<String> selected) throws IOException {
        files.requireAll();
        return new OuladReader(files, selected).read();
    }

    private List<OuladPresentation> read() throws IOException {
        Map<String, Long> courseLines = new HashMap<>();
        OuladCsv.forEach(files.file(OuladFiles.COURSES), COURSES, row -> course(row, courseLines));
        Set<String> unknown = new TreeSet<>(selected);
        unknown.removeAll(courseLines.keySet());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("--presentations: " + String.join(", ", unknown) + " not in " + files.file(OuladFiles.COURSES).getFileName()
                    + " (it has " + String.join(", ", new TreeSet<>(courseLines.keySet())) + ")");
        }
        if (!selected.isEmpty()) presentations.keySet().retainAll(selected);
        OuladCsv.forEach(files.file(OuladFiles.ASSESSMENTS), ASSESSMENTS, row -> assessment(row, courseLines.keySet()));
        OuladCsv.forEach(files.file(OuladFiles.VLE), VLE, row -> site(row, courseLines.keySet()));
        OuladCsv.forEach(files.file(OuladFiles.STUDENT_INFO), STUDENT_INFO, row -> student(row, courseLines.keySet()));
        OuladCsv.forEach(files.file(OuladFiles.STUDENT_REGISTRATION), STUDENT_REGISTRATION, row -> registration(row, courseLines.keySet()));
        OuladCsv.forEach(files.file(OuladFiles.STUDENT_ASSESSMENT), STUDENT_ASSESSMENT, this::submission);
        OuladCsv.forEach(files.file(OuladFiles.STUDENT_VLE), STUDENT_VLE, row -> vleActivity(row, courseLines.keySet()));
        return presentations.values().stream().map(Builder::build).toList();
    }

    private void course(OuladRow row, Map<String, Long> lines) {
        String module = row.required("code_module");
        String code = row.required("code_presentation");
        String id = OuladPresentation.id(module, code);
        Long first = lines.putIfAbsent(id, row.line());
        if (first != null) throw row.error("code_presentation", "presentation " + id + " is listed twice (first on line " + first + ")");
        int length = row.integer("module_presentation_length");
        if (length < 1) throw row.error("module_presentation_length", "must be at least 1, was " + length);
        LocalDate start;
        try {
            start = OuladCalendar.start(code);
        } catch (IllegalArgumentException e) {
            throw row.error("code_presentation", e.getMessage());
        }
        presentations.put(id, new Builder(module, code, length, start));
    }

    /** The selected presentation of a row's {@code code_module} and {@code code_presentation}, or null when it is not selected. */
    private Builder presentationOf(OuladRow row, Set<String> known) {
        String id = OuladPresentation.id(row.required("code_module"), row.required("code_presentation"));
        if (!known.contains(id)) {
            throw row.error("code_presentation", "presentation " + id + " is not in " + files.file(OuladFiles.COURSES).getFileName());
        }
        return presentations.get(id);
    }

    private void assessment(OuladRow row, Set<String> known) {
        String id = row.required("id_assessment");
        String classId = OuladPresentation.id(row.required("code_module"), row.required("code_presentation"));
        String other = assessmentClasses.putIfAbsent(id, classId);
        if (other != null) throw row.error("id_assessment", "assessment " + id + " is listed twice (first of " + other + ")");
        Builder presentation = presentationOf(row, known);
        if (presentation == null) return;
        String type = row.required("assessment_type");
        OptionalInt day = row.optionalInteger("date");
        OptionalDouble weight = row.optionalDecimal("weight", "");
        LocalDate due = day.isPresent() ? presentation.start.plusDays(day.getAsInt()) : presentation.start.plusDays(presentation.length);
        presentation.assessments.put(id, new OuladAssessment(id, type, day, weight.orElse(0), due));
    }

    private void site(OuladRow row, Set<String> known) {
        Builder presentation = presentationOf(row, known);
        if (presentation == null) return;
        String site = row.required("id_site");
        String previous = presentation.sites.putIfAbsent(site, row.required("activity_type").intern());
        if (previous != null) throw row.error("id_site", "site " + site + " of " + presentation.id() + " is listed twice");
        presentation.siteIds.put(site, site);
    }

    private void student(OuladRow row, Set<String> known) {
        Builder presentation = presentationOf(row, known);
        if (presentation == null) return;
        String id = id(row.required("id_student"));
        FinalResult result;
        try {
            result = FinalResult.of(row.required("final_result"));
        } catch (IllegalArgumentException e) {
            throw row.error("final_result", e.getMessage());
        }
        OuladStudent student = new OuladStudent(id, result, row.text("gender"), row.text("region"), row.text("highest_education"),
                row.optional("imd_band"), row.text("age_band"), row.integer("num_of_prev_attempts"), row.integer("studied_credits"),
                row.flag("disability"), OptionalInt.empty(), OptionalInt.empty());
        if (presentation.students.putIfAbsent(id, student) != null) {
            throw row.error("id_student", "student " + id + " of " + presentation.id() + " is listed twice");
        }
    }

    private void registration(OuladRow row, Set<String> known) {
        Builder presentation = presentationOf(row, known);
        if (presentation == null) return;
        OuladStudent student = studentOf(row, presentation, OuladFiles.STUDENT_INFO);
        Long first = presentation.registrationLines.putIfAbsent(student.id(), row.line());
        if (first != null) throw row.error("id_student", "student " + student.id() + " of " + presentation.id() + " is registered twice (first on line " + first + ")");
        presentation.students.put(student.id(), student.withRegistration(row.optionalInteger("date_registration"), row.optionalInteger("date_unregistration")));
    }

    private void submission(OuladRow row) {
        String assessment = row.required("id_assessment");
        String classId = assessmentClasses.get(assessment);
        if (classId == null) {
            throw row.error("id_assessment", "assessment " + assessment + " is not in " + files.file(OuladFiles.ASSESSMENTS).getFileName());
        }
        Builder presentation = presentations.get(classId);
        if (presentation == null) return;
        OuladStudent student = studentOf(row, presentation, OuladFiles.STUDENT_INFO);
        int day = row.integer("date_submitted");
        boolean banked = row.flag("is_banked");
        OptionalDouble score = row.optionalDecimal("score", MISSING);
        if (score.isPresent() && (score.getAsDouble() < 0 || score.getAsDouble() > MAX_SCORE)) {
            throw row.error("score", "must be from 0 to 100 (or " + MISSING + "), was " + row.text("score"));
        }
        presentation.submissions.add(new OuladEvent.Submission(presentation.id(), student.id(), assessment, day, score, banked, row.line(),
                OuladCalendar.eventTime(presentation.start, day)));
    }

    private void vleActivity(OuladRow row, Set<String> known) {
        Builder presentation = presentationOf(row, known);
        if (presentation == null) return;
        OuladStudent student = studentOf(row, presentation, OuladFiles.STUDENT_INFO);
        String site = row.required("id_site");
        String type = presentation.sites.get(site);
        if (type == null) throw row.error("id_site", "site " + site + " of " + presentation.id() + " is not in " + files.file(OuladFiles.VLE).getFileName());
        int day = row.integer("date");
        int clicks = row.integer("sum_click");
        if (clicks < 0) throw row.error("sum_click", "must not be negative, was " + clicks);
        presentation.vle.add(new OuladEvent.VleActivity(presentation.id(), student.id(), presentation.siteIds.get(site), type, day, clicks,
                row.line(), OuladCalendar.eventTime(presentation.start, day)));
    }

    private OuladStudent studentOf(OuladRow row, Builder presentation, String listedIn) {
        String id = row.required("id_student");
        OuladStudent student = presentation.students.get(id);
        if (student == null) {
            throw row.error("id_student", "student " + id + " is not in " + files.file(listedIn).getFileName() + " of " + presentation.id());
        }
        return student;
    }

    private String id(String studentId) {
        return ids.computeIfAbsent(studentId, id -> id);
    }
}

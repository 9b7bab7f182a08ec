package io.learnstream.app.replay.oulad;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One presentation of a module (a run of the course, e.g. AAA in 2013J): a roster class. Everything OULAD holds of
 * it, read and checked: its assessments, VLE sites, students, and the submissions and VLE activity of its students,
 * each in its file's order ({@link OuladTimeline} orders them as statements).
 *
 * @param module {@code code_module}, e.g. {@code AAA}: the roster course
 * @param presentation {@code code_presentation}, e.g. {@code 2013J}
 * @param lengthDays {@code module_presentation_length}
 * @param start the date day 0 stands for ({@link OuladCalendar#start})
 * @param assessments by {@code id_assessment}, in file order
 * @param vleSites each VLE site's {@code activity_type}, by {@code id_site}
 * @param students by {@code id_student}, in file order
 * @param submissions the {@code studentAssessment} rows of its assessments
 * @param vleActivity its {@code studentVle} rows; none for a presentation whose VLE sent no logs
 */
public record OuladPresentation(String module, String presentation, int lengthDays, LocalDate start,
        Map<String, OuladAssessment> assessments, Map<String, String> vleSites, Map<String, OuladStudent> students,
        List<OuladEvent.Submission> submissions, List<OuladEvent.VleActivity> vleActivity) {

    public OuladPresentation {
        assessments = Collections.unmodifiableMap(new LinkedHashMap<>(assessments));
        vleSites = Collections.unmodifiableMap(new LinkedHashMap<>(vleSites));
        students = Collections.unmodifiableMap(new LinkedHashMap<>(students));
        submissions = List.copyOf(submissions);
        vleActivity = List.copyOf(vleActivity);
    }

    /** The class's sourcedId, {@code <code_module>-<code_presentation>}, e.g. {@code AAA-2013J}. */
    public String id() {
        return id(module, presentation);
    }

    public static String id(String module, String presentation) {
        return module + "-" + presentation;
    }

    /** The presentation's last day: the start plus its length (the term's end date, and the due date of an exam without one). */
    public LocalDate endDate() {
        return start.plusDays(lengthDays);
    }

    /** Whether OULAD has VLE activity of this presentation (only some presentations' VLE logs are in the data set). */
    public boolean hasVleActivity() {
        return !vleActivity.isEmpty();
    }

    /** How many statements the presentation becomes: a registration per student with a registration day, a withdrawal per withdrawn one, every row. */
    public int statementCount() {
        int enrollment = 0;
        for (OuladStudent student : students.values()) {
            if (student.registrationDay().isPresent()) enrollment++;
            if (student.unregistrationDay().isPresent()) enrollment++;
        }
        return enrollment + submissions.size() + vleActivity.size();
    }
}

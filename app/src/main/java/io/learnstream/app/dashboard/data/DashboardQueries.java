package io.learnstream.app.dashboard.data;

import io.learnstream.sinks.lrs.SqlLiteral;
import io.learnstream.sinks.spi.ColumnStore;
import io.learnstream.sinks.spi.QueryResult;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The dashboard's reads of the ClickHouse tables the sinks write (risk_current, risk_history, engagement_daily,
 * mastery_current, student_mastery), on chDB or a ClickHouse server alike. Every query is of one district; whether the
 * caller may see the class is decided before ({@link io.learnstream.app.dashboard.authz.ClassAccess}).
 */
public final class DashboardQueries {
    /** What separates list elements the queries fold into one string (a record separator: never in ids or reason texts). */
    private static final String SEP = "\u001e";
    private static final String FIELD = "\u001f";

    private final ColumnStore store;

    public DashboardQueries(ColumnStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** Each class's risk indicator, by class id; a class with no score yet is absent. */
    public Map<String, ClassRisk> classRisk(String tenantId, Collection<String> classIds) {
        if (classIds.isEmpty()) return Map.of();
        QueryResult rows = store.query("SELECT class_id, count() AS n_students, countIf(flagged = 1) AS n_flagged,"
                + " avg(probability) AS mean_probability, arrayStringConcat(topKIf(3)(reasons[1].1, flagged = 1 AND notEmpty(reasons)), '" + SEP + "') AS factors"
                + " FROM (" + currentRisk("class_id IN " + SqlLiteral.stringList(classIds), tenantId) + ")"
                + " WHERE withdrawn = 0 GROUP BY class_id");
        return rows.rows().stream().map(r -> new ClassRisk(r.get(0), Integer.parseInt(r.get(1)), Integer.parseInt(r.get(2)),
                        Double.parseDouble(r.get(3)), split(r.get(4))))
                .collect(Collectors.toMap(ClassRisk::classId, Function.identity()));
    }

    /** Each student's current score in the class as it counts toward the class's indicator ({@link ClassRisk#of}). */
    public List<ScoredStudent> scoredStudents(String tenantId, String classId) {
        QueryResult rows = store.query("SELECT student_key, toUnixTimestamp64Milli(as_of), probability, flagged, withdrawn,"
                + " if(empty(reasons), '', reasons[1].1), notEmpty(reasons)"
                + " FROM (" + currentRisk("class_id = " + SqlLiteral.string(classId), tenantId) + ")");
        return rows.rows().stream().map(r -> new ScoredStudent(r.get(0), Instant.ofEpochMilli(Long.parseLong(r.get(1))),
                Double.parseDouble(r.get(2)), r.get(3).equals("1"), r.get(4).equals("1"),
                r.get(6).equals("1") ? Optional.of(r.get(5)) : Optional.empty())).toList();
    }

    /** The students of a class with their current risk, flagged first, then by risk, highest first. */
    public List<StudentRisk> students(String tenantId, String classId) {
        return studentRisk(tenantId, classId, Optional.empty());
    }

    public StudentDetail student(String tenantId, String classId, String studentKey) {
        Optional<StudentRisk> risk = studentRisk(tenantId, classId, Optional.of(studentKey)).stream().findFirst();
        String tenant = SqlLiteral.string(tenantId);
        String student = SqlLiteral.string(studentKey);
        // the versions table's latest version of each course and day (as the view engagement_daily shows them) with argMax,
        // not through the view's FINAL: the table's key (tenant_id, course_id, student_key, day) does not lead with the
        // student, so this reads the district's student_key column; only the matching rows' other columns are read
        List<StudentDetail.EngagementDay> engagement = store.query("SELECT day, sum(events), sum(active_minutes) FROM ("
                        + "SELECT course_id, day, argMax(events, version) AS events, argMax(active_minutes, version) AS active_minutes"
                        + " FROM engagement_daily_versions PREWHERE tenant_id = " + tenant + " AND student_key = " + student
                        + " GROUP BY course_id, day) WHERE events > 0 GROUP BY day ORDER BY day").rows().stream()
                .map(r -> new StudentDetail.EngagementDay(LocalDate.parse(r.get(0)), Long.parseLong(r.get(1)), Double.parseDouble(r.get(2))))
                .toList();
        List<StudentDetail.RiskPoint> trend = store.query("SELECT toUnixTimestamp64Milli(as_of), argMax(probability, version)"
                        + " FROM risk_history_versions WHERE tenant_id = " + tenant + " AND class_id = " + SqlLiteral.string(classId)
                        + " AND student_key = " + student + " GROUP BY as_of, trigger ORDER BY as_of, trigger").rows().stream()
                .map(r -> new StudentDetail.RiskPoint(Instant.ofEpochMilli(Long.parseLong(r.get(0))), Double.parseDouble(r.get(1))))
                .toList();
        List<StudentDetail.SkillCell> skills = store.query("SELECT skill_id, p_mastery, attempts, correct, mastered FROM mastery_current"
                        + " WHERE tenant_id = " + tenant + " AND student_key = " + student + " ORDER BY skill_id").rows().stream()
                .map(r -> new StudentDetail.SkillCell(r.get(0), Double.parseDouble(r.get(1)), Integer.parseInt(r.get(2)),
                        Integer.parseInt(r.get(3)), r.get(4).equals("1")))
                .toList();
        QueryResult summary = store.query("SELECT arrayStringConcat(arrayMap(s -> s.1, strengths), '" + SEP + "'),"
                + " arrayStringConcat(arrayMap(s -> s.1, weaknesses), '" + SEP + "'),"
                + " arrayStringConcat(arrayMap(p -> concat(p.1, '" + FIELD + "', p.2, '" + FIELD + "', toString(p.3)), practice), '" + SEP + "')"
                + " FROM student_mastery WHERE tenant_id = " + tenant + " AND student_key = " + student);
        List<String> strengths = summary.isEmpty() ? List.of() : split(summary.rows().get(0).get(0));
        List<String> weaknesses = summary.isEmpty() ? List.of() : split(summary.rows().get(0).get(1));
        List<StudentDetail.PracticeItem> practice = summary.isEmpty() ? List.of() : split(summary.rows().get(0).get(2)).stream()
                .map(p -> p.split(FIELD, -1))
                .map(f -> new StudentDetail.PracticeItem(f[0], f[1], Double.parseDouble(f[2])))
                .toList();
        return new StudentDetail(risk, engagement, trend, skills, strengths, weaknesses, practice);
    }

    /** Whether the student has a score in the class: is one of its students as the pipeline knows them. */
    public boolean inClass(String tenantId, String classId, String studentKey) {
        return store.query("SELECT count() FROM risk_current_versions WHERE tenant_id = " + SqlLiteral.string(tenantId)
                + " AND class_id = " + SqlLiteral.string(classId) + " AND student_key = " + SqlLiteral.string(studentKey)).singleLong() > 0;
    }

    private List<StudentRisk> studentRisk(String tenantId, String classId, Optional<String> studentKey) {
        QueryResult rows = store.query("SELECT student_key, probability, flagged, withdrawn,"
                + " arrayStringConcat(arrayMap(r -> r.2, reasons), '" + SEP + "'), toUnixTimestamp64Milli(as_of)"
                + " FROM (" + currentRisk("class_id = " + SqlLiteral.string(classId)
                        + studentKey.map(k -> " AND student_key = " + SqlLiteral.string(k)).orElse(""), tenantId) + ")"
                + " ORDER BY withdrawn, flagged DESC, probability DESC, student_key");
        return rows.rows().stream().map(r -> new StudentRisk(classId, r.get(0), Double.parseDouble(r.get(1)), r.get(2).equals("1"),
                r.get(3).equals("1"), split(r.get(4)), Instant.ofEpochMilli(Long.parseLong(r.get(5))))).toList();
    }

    /**
     * Each student's current risk in the classes {@code classCondition} selects, as the view risk_current shows it (the
     * row of the highest version), read from risk_current_versions by its key with argMax rather than through the
     * view's FINAL (see README, Dashboard: the benchmark's figures before and after).
     */
    private static String currentRisk(String classCondition, String tenantId) {
        return "SELECT class_id, student_key, argMax(probability, version) AS probability, argMax(flagged, version) AS flagged,"
                + " argMax(withdrawn, version) AS withdrawn, argMax(reasons, version) AS reasons, argMax(as_of, version) AS as_of"
                + " FROM risk_current_versions WHERE tenant_id = " + SqlLiteral.string(tenantId) + " AND " + classCondition
                + " GROUP BY class_id, student_key";
    }

    private static List<String> split(String folded) {
        if (folded == null || folded.isEmpty()) return List.of();
        return Arrays.asList(folded.split(SEP, -1));
    }
}

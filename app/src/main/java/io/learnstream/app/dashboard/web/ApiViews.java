package io.learnstream.app.dashboard.web;

import io.learnstream.app.dashboard.data.StudentDetail;
import io.learnstream.app.dashboard.data.StudentRisk;
import io.learnstream.schemas.avro.Alert;
import io.learnstream.schemas.avro.ClassTeacher;
import io.learnstream.schemas.avro.RiskReason;
import java.util.List;

/** The JSON shapes of the dashboard's API: plain values (times as ISO-8601 text), nothing of Avro's. */
public final class ApiViews {
    private ApiViews() {}

    public record ClassItem(String classId, String title, int students, int flagged, double meanProbability, String level,
            List<String> topFactors, int openAlerts) {
        static ClassItem of(ClassRow row) {
            return new ClassItem(row.rosterClass().getSourcedId(), row.rosterClass().getTitle(), row.risk().students(), row.risk().flagged(),
                    row.risk().meanProbability(), row.risk().level(), row.risk().topFactors(), row.openAlerts());
        }
    }

    public record StudentItem(String studentKey, double probability, boolean flagged, boolean withdrawn, List<String> reasons, String asOf) {
        static StudentItem of(StudentRisk risk) {
            return new StudentItem(risk.studentKey(), risk.probability(), risk.flagged(), risk.withdrawn(), risk.reasons(), risk.asOf().toString());
        }
    }

    public record ClassDetail(String classId, String title, List<StudentItem> students) {}

    public record AlertItem(String alertId, String classId, String studentKey, String factor, String text, List<String> reasons,
            double probability, List<String> teachers, String status, String raisedTime) {
        static AlertItem of(Alert alert) {
            return new AlertItem(alert.getAlertId(), alert.getClassId(), alert.getStudentKey(), alert.getFactor(), alert.getText(),
                    alert.getReasons().stream().map(RiskReason::getText).toList(), alert.getProbability(),
                    alert.getTeachers().stream().map(ClassTeacher::getUserSourcedId).toList(), alert.getStatus(), alert.getRaisedTime().toString());
        }
    }

    public record Day(String day, long events, double activeMinutes) {}

    public record Point(String asOf, double probability) {}

    public record Student(String classId, String studentKey, StudentItem risk, List<Day> engagement, List<Point> riskTrend,
            List<StudentDetail.SkillCell> skills, List<String> strengths, List<String> weaknesses,
            List<StudentDetail.PracticeItem> practice, List<AlertItem> openAlerts) {
        static Student of(String classId, String studentKey, StudentDetail detail, List<Alert> alerts) {
            return new Student(classId, studentKey, detail.risk().map(StudentItem::of).orElse(null),
                    detail.engagement().stream().map(d -> new Day(d.day().toString(), d.events(), d.activeMinutes())).toList(),
                    detail.riskTrend().stream().map(p -> new Point(p.asOf().toString(), p.probability())).toList(),
                    detail.skills(), detail.strengths(), detail.weaknesses(), detail.practice(), alerts.stream().map(AlertItem::of).toList());
        }
    }

    public record Answered(String alertId, String action, String by) {}

    public record Problem(int status, String error, String message) {}
}

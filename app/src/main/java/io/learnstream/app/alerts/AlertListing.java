package io.learnstream.app.alerts;

import io.learnstream.schemas.avro.Alert;
import io.learnstream.schemas.avro.ClassTeacher;
import io.learnstream.sinks.spi.QueryResult;
import io.learnstream.sinks.sql.TextTable;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Alerts as the table {@code alerts list} prints: newest raised first, one line each with the id to answer it by, the
 * class, the student, the factor, the probability, when it was raised, its status, its teachers (the primary ones
 * marked) and the teacher's sentence.
 */
public final class AlertListing {
    public static final List<String> COLUMNS = List.of("id", "class", "student", "factor", "probability", "raised", "status",
            "teachers", "text");
    /** Wide enough that an alert's id is never cut: it is what {@code alerts ack} takes. */
    private static final TextTable TABLE = TextTable.withMaxCellWidth(200);

    private AlertListing() {}

    public static QueryResult table(Collection<Alert> alerts) {
        List<List<String>> rows = alerts.stream()
                .sorted(Comparator.comparing(Alert::getRaisedTime).reversed().thenComparing(Alert::getAlertId))
                .map(AlertListing::row)
                .toList();
        List<String> types = COLUMNS.stream().map(column -> column.equals("probability") ? "Float64" : "String").toList();
        return new QueryResult(COLUMNS, types, rows);
    }

    public static String render(Collection<Alert> alerts) {
        return TABLE.format(table(alerts));
    }

    private static List<String> row(Alert alert) {
        return List.of(alert.getAlertId(), alert.getClassId(), alert.getStudentKey(), alert.getFactor(),
                String.format(Locale.ROOT, "%.2f", alert.getProbability()),
                alert.getRaisedTime().truncatedTo(ChronoUnit.SECONDS).toString(), alert.getStatus(), teachers(alert.getTeachers()),
                alert.getText());
    }

    private static String teachers(List<ClassTeacher> teachers) {
        return teachers.stream()
                .map(teacher -> teacher.getUserSourcedId() + (teacher.getPrimary() ? " (primary)" : ""))
                .collect(Collectors.joining(", "));
    }
}

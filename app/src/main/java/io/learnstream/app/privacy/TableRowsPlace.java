package io.learnstream.app.privacy;

import io.learnstream.sinks.lrs.SqlLiteral;
import io.learnstream.sinks.spi.ColumnStore;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A ClickHouse table holding rows of the student, and which: the rows matching a condition on the subject, deleted by
 * {@link ColumnStoreDeletes}. One instance per table; the factories say how each table names a student.
 */
public final class TableRowsPlace implements StudentDataPlace {
    /** The statement archive. */
    static final String STATEMENTS = "xapi_statements";
    /** The analytics tables of sinks/…/schema/*.sql with a {@code student_key} column, base tables (the views read them). */
    public static final List<String> STUDENT_KEY_TABLES = List.of("engagement_daily_versions", "engagement_current_state",
            "mastery_predictions_versions", "mastery_history_versions", "mastery_current_versions", "student_mastery_versions",
            "risk_history_versions", "risk_current_versions", "alerts_versions");

    private final ColumnStore store;
    private final String table;
    /** The condition of the subject's rows, empty when the subject can have none. */
    private final Function<ErasureSubject, Optional<String>> rowsOf;

    private TableRowsPlace(ColumnStore store, String table, Function<ErasureSubject, Optional<String>> rowsOf) {
        this.store = store;
        this.table = table;
        this.rowsOf = rowsOf;
    }

    /** {@code xapi_statements}: every statement whose actor or object agent is the student. */
    public static TableRowsPlace statements(ColumnStore store) {
        return new TableRowsPlace(store, STATEMENTS, subject -> Optional.of(ArchiveAgents.statementsOf(subject)));
    }

    /** {@code xapi_attachments}: the attachment data only the student's statements referenced. */
    public static TableRowsPlace attachments(ColumnStore store) {
        return new TableRowsPlace(store, "xapi_attachments", subject -> subject.attachments().isEmpty() ? Optional.empty()
                : Optional.of(ofDistrict(subject) + " AND sha2 IN " + SqlLiteral.stringList(subject.attachments())));
    }

    /** An analytics table with a {@code student_key} column: the student's rows. */
    public static TableRowsPlace byStudentKey(ColumnStore store, String table) {
        return new TableRowsPlace(store, table, subject ->
                Optional.of(ofDistrict(subject) + " AND student_key IN " + SqlLiteral.stringList(subject.studentKeys())));
    }

    /**
     * {@code alert_feedback_versions}, teachers' answers to the student's alerts: the table has no student column, the
     * alert id {@code <tenant>/<classId>/<studentKey>/<factor>/<raised>} names the student.
     */
    public static TableRowsPlace alertFeedback(ColumnStore store) {
        return new TableRowsPlace(store, "alert_feedback_versions", subject -> Optional.of(ofDistrict(subject) + " AND "
                + subject.studentKeys().stream().map(key -> "position(alert_id, " + SqlLiteral.string("/" + key + "/") + ") > 0")
                        .collect(Collectors.joining(" OR ", "(", ")"))));
    }

    private static String ofDistrict(ErasureSubject subject) {
        return "tenant_id = " + SqlLiteral.string(subject.tenantId());
    }

    @Override
    public String name() {
        return "table " + table;
    }

    @Override
    public long erase(ErasureSubject subject) {
        return rowsOf.apply(subject).map(where -> ColumnStoreDeletes.delete(store, table, where)).orElse(0L);
    }
}

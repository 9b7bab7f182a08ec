package io.learnstream.app.privacy;

import io.learnstream.sinks.lrs.SqlLiteral;
import io.learnstream.sinks.spi.ColumnStore;
import java.util.List;

/** An analytics table with a {@code student_key} column (a {@code *_versions} base table): the student's rows. */
public final class StudentKeyTablePlace implements StudentDataPlace {
    /** The tables of sinks/…/schema/*.sql keyed by student, base tables (the views read them). */
    public static final List<String> TABLES = List.of("engagement_daily_versions", "mastery_predictions_versions",
            "mastery_history_versions", "mastery_current_versions", "student_mastery_versions", "risk_history_versions",
            "risk_current_versions", "alerts_versions");

    private final ColumnStore store;
    private final String table;

    public StudentKeyTablePlace(ColumnStore store, String table) {
        this.store = store;
        this.table = table;
    }

    @Override
    public String name() {
        return "table " + table;
    }

    @Override
    public long erase(ErasureSubject subject) {
        return ColumnStoreDeletes.delete(store, table, "tenant_id = " + SqlLiteral.string(subject.tenantId())
                + " AND student_key IN " + SqlLiteral.stringList(subject.studentKeys()));
    }
}

package io.learnstream.app.privacy;

import io.learnstream.sinks.lrs.SqlLiteral;
import io.learnstream.sinks.spi.ColumnStore;
import java.util.stream.Collectors;

/**
 * Teachers' answers to the student's alerts ({@code alert_feedback_versions}): the table has no student column, the
 * alert id {@code <tenant>/<classId>/<studentKey>/<factor>/<raised>} names the student.
 */
public final class AlertFeedbackPlace implements StudentDataPlace {
    static final String TABLE = "alert_feedback_versions";

    private final ColumnStore store;

    public AlertFeedbackPlace(ColumnStore store) {
        this.store = store;
    }

    @Override
    public String name() {
        return "table " + TABLE;
    }

    @Override
    public long erase(ErasureSubject subject) {
        String ofStudent = subject.studentKeys().stream()
                .map(key -> "position(alert_id, " + SqlLiteral.string("/" + key + "/") + ") > 0")
                .collect(Collectors.joining(" OR ", "(", ")"));
        return ColumnStoreDeletes.delete(store, TABLE, "tenant_id = " + SqlLiteral.string(subject.tenantId()) + " AND " + ofStudent);
    }
}

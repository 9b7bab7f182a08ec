package io.learnstream.sinks.lrs;

import io.learnstream.sinks.spi.ColumnStore;
import java.util.function.Consumer;

/** Every statement id the archive holds, as {@code <district>/<id>}: to prime the write side's duplicate filter. */
public final class ArchivedStatementIds {
    private ArchivedStatementIds() {}

    /** Hands every archived {@code <district>/<id>} to {@code sink}; returns how many there were. */
    public static long forEach(ColumnStore store, Consumer<String> sink) {
        var result = store.query("SELECT DISTINCT concat(tenant_id, '/', statement_id) AS id FROM xapi_statements");
        result.rows().forEach(row -> sink.accept(row.getFirst()));
        return result.rowCount();
    }
}

package io.learnstream.sinks.lrs;

import io.learnstream.sinks.spi.ColumnStore;
import io.learnstream.sinks.spi.QueryResult;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Every statement id the archive holds, as {@code <district>/<id>}: to prime the write side's duplicate filter.
 * Read a page at a time in the table's own order, so a large archive never sits in memory whole.
 */
public final class ArchivedStatementIds {
    static final int PAGE = 100_000;

    private ArchivedStatementIds() {}

    /** Hands every archived {@code <district>/<id>} to {@code sink}; returns how many rows it read. */
    public static long forEach(ColumnStore store, Consumer<String> sink) {
        return forEach(store, sink, PAGE);
    }

    static long forEach(ColumnStore store, Consumer<String> sink, int pageSize) {
        long read = 0;
        String after = "";
        while (true) {
            QueryResult page = store.query("SELECT tenant_id, toUnixTimestamp64Milli(stored) AS stored_ms, statement_id FROM xapi_statements"
                    + after + " ORDER BY tenant_id, stored, statement_id LIMIT " + pageSize);
            for (List<String> row : page.rows()) sink.accept(row.get(0) + "/" + row.get(2));
            read += page.rowCount();
            if (page.rowCount() < pageSize) return read;
            List<String> last = page.rows().getLast();
            after = " WHERE (tenant_id, stored, statement_id) > (" + SqlLiteral.string(last.get(0)) + ", "
                    + SqlLiteral.dateTime64(Instant.ofEpochMilli(Long.parseLong(last.get(1)))) + ", " + SqlLiteral.string(last.get(2)) + ")";
        }
    }
}

package io.learnstream.sinks.lrs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.learnstream.schemas.avro.XapiStatementRecord;
import io.learnstream.schemas.topic.Topics;
import io.learnstream.sinks.spi.ColumnStore;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes statements into {@code xapi_statements} exactly as the pipeline's sink does: an
 * {@link XapiStatementRecord} through {@link XapiStatementRows}, at a Kafka offset.
 */
final class ArchiveTable {
    /** Stored times in the specs are seconds after this instant. */
    static final Instant T0 = Instant.parse("2026-09-01T08:00:00Z");

    private final ColumnStore store;
    private final XapiStatementRows rows = new XapiStatementRows();
    private final AtomicLong offsets = new AtomicLong(100);

    ArchiveTable(ColumnStore store) {
        this.store = store;
    }

    static Instant at(double seconds) {
        return T0.plusMillis(Math.round(seconds * 1000));
    }

    /** Writes the statement stored at {@code T0 + storedSecond} at the next offset; returns its id. */
    String write(String tenant, ObjectNode statement, double storedSecond) {
        return write(tenant, statement, at(storedSecond), offsets.incrementAndGet(), "hash-" + statement.get("id").asText());
    }

    String write(String tenant, ObjectNode statement, Instant stored, long offset, String contentHash) {
        XapiStatementRecord record = record(tenant, statement, stored, contentHash);
        store.insert(rows.table(), rows.columns(), List.of(rows.row(key(record), record, offset)));
        return statement.get("id").asText();
    }

    /** Writes the same record again at the same offset, as a sink does after a crash between insert and commit. */
    void replay(String tenant, ObjectNode statement, Instant stored, long offset, String contentHash) {
        write(tenant, statement, stored, offset, contentHash);
    }

    static XapiStatementRecord record(String tenant, ObjectNode statement, Instant stored, String contentHash) {
        StatementJson.withStored(statement, stored);
        return XapiStatementRecord.newBuilder()
                .setTenantId(tenant)
                .setStatementId(statement.get("id").asText())
                .setStored(stored)
                .setXapiVersion("1.0.3")
                .setContentHash(contentHash)
                .setStatement(statement.toString())
                .build();
    }

    private static String key(XapiStatementRecord record) {
        return Topics.tenantScopedKey(record.getTenantId(), record.getStatementId());
    }
}

package io.learnstream.sinks.schema;

import io.learnstream.sinks.spi.ColumnStore;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The table {@code schema_migrations}: which schema versions were applied to this store, when, and the checksum of
 * the file then. A version written twice (two instances starting at once) is two rows with the same checksum; reads
 * take the first per version, so they never depend on a merge.
 */
final class MigrationLedger {
    static final String TABLE = "schema_migrations";
    private static final String DDL = """
            CREATE TABLE IF NOT EXISTS schema_migrations
            (
                version     UInt32               COMMENT 'the migration version (V<version>__<description>.sql)',
                description String               COMMENT 'the description part of the file name',
                checksum    String               COMMENT 'SHA-256 of the file as applied, lower-case hex: an applied file is never edited',
                statements  UInt32               COMMENT 'statements the file held',
                applied_at  DateTime64(3, 'UTC')   COMMENT 'when it was applied'
            )
            ENGINE = ReplacingMergeTree
            ORDER BY version
            COMMENT 'The schema migration ledger: the versions of sinks/src/main/resources/io/learnstream/sinks/schema/ddl/ applied here.'""";

    /** What the ledger says of one version. */
    record Applied(int version, String description, String checksum, String appliedAt) {}

    private final ColumnStore store;

    MigrationLedger(ColumnStore store) {
        this.store = store;
    }

    void create() {
        store.execute(DDL);
    }

    /** The versions applied, ascending; of two records of one version the earlier. */
    Map<Integer, Applied> applied() {
        Map<Integer, Applied> applied = new LinkedHashMap<>();
        for (List<String> row : store.query("SELECT version, argMin(description, applied_at), argMin(checksum, applied_at),"
                + " toString(min(applied_at)) FROM " + TABLE + " GROUP BY version ORDER BY version").rows()) {
            int version = Integer.parseInt(row.get(0));
            applied.put(version, new Applied(version, row.get(1), row.get(2), row.get(3)));
        }
        return applied;
    }

    void record(Migration migration, Instant appliedAt) {
        store.insert(TABLE, List.of("version", "description", "checksum", "statements", "applied_at"),
                List.of(List.of(migration.version(), migration.description(), migration.checksum(), migration.statements().size(), appliedAt)));
    }
}

package io.learnstream.sinks.schema;

import io.learnstream.sinks.spi.ColumnStore;
import io.learnstream.sinks.spi.ColumnStoreException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ClickHouse tables and views learnstream writes and data teams read: the versioned DDL files of
 * {@code ddl/} ({@code V001__engagement_daily.sql}, ...), applied at start in version order, each once, through the
 * ledger table {@code schema_migrations} (version, checksum). The same statements run on chDB and on a ClickHouse
 * server.
 *
 * <p>V001 to V006 are the schema of before the ledger, as it was: every statement {@code IF NOT EXISTS}, so a store
 * made before the ledger existed takes them as a no-op and then migrates by the later versions. Every statement of
 * every version is idempotent itself ({@code IF NOT EXISTS}, {@code ADD COLUMN IF NOT EXISTS}, a backfill into
 * idempotent aggregates), so a version that failed half-way (ClickHouse DDL is not transactional) or that two
 * instances apply at once runs again harmlessly; it is recorded only once all its statements ran.
 */
public final class ClickHouseSchema {
    private static final Logger log = LoggerFactory.getLogger(ClickHouseSchema.class);
    /** The folder (beside this class) the versioned files are in. */
    static final String FOLDER = "ddl/";
    /** The versioned DDL files, in the order they are applied (the test {@code ClickHouseSchemaTest} checks the folder holds no other). */
    static final List<String> FILES = List.of("V001__engagement_daily.sql", "V002__xapi_statements.sql", "V003__xapi_attachments.sql",
            "V004__mastery.sql", "V005__risk.sql", "V006__alerts.sql", "V007__engagement_current.sql", "V008__retention.sql",
            "V009__roster.sql");

    private ClickHouseSchema() {}

    /** Every migration, ascending by version. */
    public static List<Migration> migrations() {
        List<Migration> migrations = new ArrayList<>();
        for (String file : FILES) {
            Migration migration = Migration.of(file, read(file));
            if (!migrations.isEmpty() && migration.version() != migrations.getLast().version() + 1) {
                throw new IllegalStateException("schema file " + file + " follows " + migrations.getLast().label()
                        + ": versions go up by one");
            }
            migrations.add(migration);
        }
        return List.copyOf(migrations);
    }

    /** Brings {@code store} to the latest schema; see {@link #apply(ColumnStore, Clock)}. */
    public static List<Migration> apply(ColumnStore store) {
        return apply(store, Clock.systemUTC());
    }

    /**
     * Applies the versions the store's ledger does not hold, in order, and records each.
     *
     * @return the versions applied now (empty when the store was up to date)
     * @throws SchemaMigrationException when an applied version's file changed since, or a statement fails (naming the
     *                                  version and statement, with ClickHouse's reason)
     */
    public static List<Migration> apply(ColumnStore store, Clock clock) {
        MigrationLedger ledger = new MigrationLedger(store);
        ledger.create();
        Map<Integer, MigrationLedger.Applied> applied = ledger.applied();
        List<Migration> migrations = migrations();
        List<Migration> now = new ArrayList<>();
        for (Migration migration : migrations) {
            MigrationLedger.Applied before = applied.get(migration.version());
            if (before != null) {
                if (!before.checksum().equals(migration.checksum())) {
                    throw new SchemaMigrationException("schema version " + migration.label() + " was applied at " + before.appliedAt()
                            + " with checksum " + before.checksum() + ", but the file now has checksum " + migration.checksum()
                            + ": an applied version is never edited; put the change in a new version");
                }
                continue;
            }
            List<String> statements = migration.statements();
            for (int i = 0; i < statements.size(); i++) {
                try {
                    store.execute(statements.get(i));
                } catch (ColumnStoreException e) {
                    throw new SchemaMigrationException("schema version " + migration.label() + ", statement " + (i + 1) + " of "
                            + statements.size() + " failed (the version is not recorded; its statements run again on the next"
                            + " start): " + e.getMessage(), e);
                }
            }
            ledger.record(migration, clock.instant());
            log.info("applied schema version {} ({} statements) to {}", migration.label(), statements.size(), store.describe());
            now.add(migration);
        }
        int latest = migrations.getLast().version();
        applied.keySet().stream().filter(version -> version > latest).findFirst().ifPresent(version -> log.warn(
                "the store's schema is at version {}, newer than this build's {}: a newer learnstream migrated it", version, latest));
        return now;
    }

    private static String read(String file) {
        try (InputStream in = ClickHouseSchema.class.getResourceAsStream(FOLDER + file)) {
            if (in == null) throw new IllegalStateException("schema file " + FOLDER + file + " is missing from the classpath");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading schema file " + file, e);
        }
    }
}

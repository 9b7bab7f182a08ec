package io.learnstream.sinks.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.learnstream.sinks.clickhouse.chdb.FreshChdbStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The versioned DDL files applied through the migration ledger, on the embedded ClickHouse (chDB). */
@Timeout(120)
class ClickHouseSchemaTest extends FreshChdbStore {
    private static final Clock START = Clock.fixed(Instant.parse("2026-10-05T07:00:00Z"), ZoneOffset.UTC);
    private static final Path DDL_FOLDER = Path.of("src/main/resources/io/learnstream/sinks/schema/ddl");
    /** The versions of before the ledger: what a store made by an earlier learnstream holds. */
    private static final int BEFORE_THE_LEDGER = 6;


    @Test
    void shouldApplyEveryVersionInOrderAndRecordItsChecksumInTheLedger() {
        List<Migration> applied = ClickHouseSchema.apply(store, START);

        assertThat(applied).extracting(Migration::version).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(store.query("SELECT version, description, checksum, applied_at FROM schema_migrations FINAL ORDER BY version").rows())
                .containsExactlyElementsOf(ClickHouseSchema.migrations().stream()
                        .map(m -> List.of(String.valueOf(m.version()), m.description(), m.checksum(), "2026-10-05 07:00:00.000"))
                        .toList());
    }

    @Test
    void shouldApplyNothingOnAStoreAlreadyUpToDate() {
        ClickHouseSchema.apply(store, START);

        assertThat(ClickHouseSchema.apply(store, Clock.offset(START, java.time.Duration.ofDays(1)))).isEmpty();
        assertThat(store.query("SELECT count() FROM schema_migrations").singleLong()).isEqualTo(ClickHouseSchema.migrations().size());
    }

    @Test
    void shouldMigrateAStoreMadeBeforeTheLedgerKeepingItsRows() {
        // given a store an earlier learnstream made: today's first six files, no ledger, rows in the tables
        for (Migration migration : ClickHouseSchema.migrations().subList(0, BEFORE_THE_LEDGER)) {
            migration.statements().forEach(store::execute);
        }
        store.insert("engagement_daily_versions", List.of("tenant_id", "course_id", "student_key", "day", "events", "sessions",
                "active_minutes", "version", "updated_at"), List.of(
                List.of("district-7", "math-7a", "st-1f3a", LocalDate.parse("2026-09-14"), 12, 2, 31.5, 4, START.instant()),
                List.of("district-7", "math-7a", "st-1f3a", LocalDate.parse("2026-09-15"), 5, 1, 10.0, 9, START.instant())));
        store.execute("INSERT INTO xapi_statements (tenant_id, statement_id, stored, statement, version)"
                + " VALUES ('district-7', 's-1', '2026-09-14 08:00:00', '{}', 1)");

        // when it starts with the ledger
        List<Migration> applied = ClickHouseSchema.apply(store, START);

        // then the first six are recorded (a no-op: IF NOT EXISTS), the later ones migrate it, and nothing is lost
        assertThat(applied).extracting(Migration::version).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(store.query("SELECT student_key, active_days, events, sessions, active_minutes FROM engagement_current").rows())
                .containsExactly(List.of("st-1f3a", "2", "17", "3", "41.5"));
        assertThat(store.query("SELECT statement_id, expires_at FROM xapi_statements").rows())
                .containsExactly(List.of("s-1", "2106-01-01 00:00:00"));
    }

    @Test
    void shouldRefuseToStartWhenAnAppliedVersionsFileWasEdited() {
        ClickHouseSchema.apply(store, START);
        Migration first = ClickHouseSchema.migrations().getFirst();
        store.execute("TRUNCATE TABLE schema_migrations");
        store.execute("INSERT INTO schema_migrations (version, description, checksum, statements, applied_at)"
                + " VALUES (1, 'engagement_daily', 'a0b1', 2, '2026-01-01 00:00:00')");

        assertThatThrownBy(() -> ClickHouseSchema.apply(store, START))
                .isInstanceOf(SchemaMigrationException.class)
                .hasMessageContaining("V001__engagement_daily")
                .hasMessageContaining("a0b1")
                .hasMessageContaining(first.checksum())
                .hasMessageContaining("put the change in a new version");
    }

    @Test
    void shouldNameTheVersionAndStatementThatFailedAndRecordNeitherIt() {
        // given a view in the place of V009's first table: its CREATE TABLE IF NOT EXISTS does nothing, the next fails
        ClickHouseSchema.migrations().subList(0, 8).forEach(m -> m.statements().forEach(store::execute));
        store.execute("CREATE VIEW roster_orgs_versions AS SELECT 1 AS x");

        assertThatThrownBy(() -> ClickHouseSchema.apply(store, START))
                .isInstanceOf(SchemaMigrationException.class)
                .hasMessageContaining("V009__roster, statement 2 of 6 failed");
        assertThat(store.query("SELECT max(version) FROM schema_migrations").singleLong()).isEqualTo(8);
    }

    @Test
    void theDdlFolderHoldsTheListedFilesAndNoOther() throws IOException {
        try (Stream<Path> files = Files.list(DDL_FOLDER)) {
            assertThat(files.map(file -> file.getFileName().toString()).sorted()).containsExactlyElementsOf(ClickHouseSchema.FILES);
        }
    }

    @Test
    void aFileNameWithoutVersionIsRefused() {
        assertThatThrownBy(() -> Migration.of("010_roster.sql", "SELECT 1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("010_roster.sql is not named V<version>__<description>.sql");
    }
}

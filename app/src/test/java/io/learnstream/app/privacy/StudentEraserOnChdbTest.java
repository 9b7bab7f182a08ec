package io.learnstream.app.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnstream.sinks.clickhouse.chdb.ChdbColumnStore;
import io.learnstream.sinks.schema.ClickHouseSchema;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The eraser on chDB with the archive and an analytics table: Ann, on the roster, sent statements as her address
 * (before the roster linked her) and as her SIS account; Bob shares an attachment with her; another district has a
 * learner with her address.
 */
class StudentEraserOnChdbTest {
    private static final String ANN_MBOX = "mbox:mailto:ANN.LEE@riverside.example.org";
    private static final String ANN_ACCOUNT = "account:https://sis.riverside.example.org|100017";
    private static final String BOB = "account:https://sis.riverside.example.org|100018";

    @TempDir
    static Path dataDir;
    static ChdbColumnStore store;

    @BeforeAll
    static void openTheStore() {
        store = ChdbColumnStore.open(dataDir);
        ClickHouseSchema.apply(store);
    }

    @AfterAll
    static void closeTheStore() {
        store.close();
    }

    @Test
    void shouldEraseEveryStatementKeyAndAttachmentOfTheStudentAndNothingOfAnyoneElse() {
        // given Ann's statements under two identifiers, Bob's, and another district's with her address
        statement("riverside", "s1", ANN_MBOX, "[{\"sha2\":\"only-ann\"},{\"sha2\":\"shared\"}]");
        statement("riverside", "s2", ANN_ACCOUNT, "[]");
        statement("riverside", "s3", BOB, "[{\"sha2\":\"shared\"}]");
        statement("hillside", "s4", ANN_MBOX, "[{\"sha2\":\"only-ann\"}]");
        store.insert("xapi_attachments", List.of("tenant_id", "sha2", "content_base64", "version"), List.of(
                List.of("riverside", "only-ann", "YQ==", 1), List.of("riverside", "shared", "Yg==", 1), List.of("hillside", "only-ann", "YQ==", 1)));
        // and engagement under her roster key, under her address's own key (before linking), Bob's
        String annRoster = AnnsRoster.KEY.studentKey("roster:u-17");
        String annByMbox = AnnsRoster.KEY.studentKey(ANN_MBOX);
        String bob = AnnsRoster.KEY.studentKey("roster:u-18");
        store.insert("engagement_daily_versions", List.of("tenant_id", "course_id", "student_key", "day"), List.of(
                List.of("riverside", "math", annRoster, LocalDate.of(2025, 9, 8)), List.of("riverside", "math", annByMbox, LocalDate.of(2025, 9, 1)),
                List.of("riverside", "math", bob, LocalDate.of(2025, 9, 8)), List.of("hillside", "math", annByMbox, LocalDate.of(2025, 9, 8))));
        StudentEraser eraser = new StudentEraser(new StudentIdResolver(new AnnsRoster()), store, List.of(TableRowsPlace.statements(store),
                TableRowsPlace.attachments(store), TableRowsPlace.byStudentKey(store, "engagement_daily_versions")));

        // when Ann is erased by her SIS identifier
        ErasureReport report = eraser.erase("riverside", "100017", AnnsRoster.KEY);

        // then both her statements, the attachment only she sent and both keys' engagement are gone, and counted
        assertThat(report.removed().stream().collect(Collectors.toMap(ErasureReport.Removed::place, ErasureReport.Removed::count)))
                .isEqualTo(Map.of("table xapi_statements", 2L, "table xapi_attachments", 1L, "table engagement_daily_versions", 2L));
        assertThat(store.query("SELECT tenant_id, statement_id FROM xapi_statements ORDER BY statement_id").rows())
                .containsExactly(List.of("riverside", "s3"), List.of("hillside", "s4"));
        assertThat(store.query("SELECT tenant_id, sha2 FROM xapi_attachments ORDER BY tenant_id, sha2").rows())
                .containsExactly(List.of("hillside", "only-ann"), List.of("riverside", "shared"));
        assertThat(store.query("SELECT tenant_id, student_key FROM engagement_daily_versions ORDER BY tenant_id").rows())
                .containsExactly(List.of("hillside", annByMbox), List.of("riverside", bob));
        // and erasing her again removes nothing
        assertThat(eraser.erase("riverside", "u-17", AnnsRoster.KEY).total()).isZero();
    }

    private static void statement(String tenant, String id, String actor, String attachments) {
        store.insert("xapi_statements", List.of("tenant_id", "statement_id", "stored", "agents", "statement", "version"), List.of(List.of(
                tenant, id, Instant.parse("2025-09-08T14:00:00Z"), List.of(actor), "{\"id\":\"" + id + "\",\"attachments\":" + attachments + "}", 1)));
    }
}

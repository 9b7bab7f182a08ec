package io.learnstream.sinks.lrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.learnstream.schemas.avro.XapiAttachmentRecord;
import io.learnstream.schemas.avro.XapiStatementRecord;
import io.learnstream.sinks.clickhouse.chdb.FreshChdbStore;
import io.learnstream.sinks.retention.RetentionPolicy;
import io.learnstream.sinks.schema.ClickHouseSchema;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.UUID;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Retention per district of the statement and attachment archives on chDB: the sink sets each row's {@code expires_at}
 * from the district's period, and the tables' TTL deletes the rows past it: a row already past it when it arrives is
 * not kept, a row whose time passes is deleted by the next merge (forced here with {@code OPTIMIZE ... FINAL}, what a
 * background merge does in its time).
 */
@Timeout(120)
class ArchiveRetentionTest extends FreshChdbStore {
    /** Stored long enough ago that one year has passed, five years not (until 2029). */
    private static final Instant LONG_AGO = Instant.parse("2024-03-01T09:00:00Z");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final RetentionPolicy POLICY = RetentionPolicy.parse("riverside=P1Y,lakeside=P5Y");


    @BeforeEach
    void applyTheSchema() {
        ClickHouseSchema.apply(store);
    }

    @Test
    void shouldDeleteEachDistrictsStatementsOnItsOwnSchedule() {
        // given riverside keeps a year, lakeside five, hillside without limit; a statement of each stored in 2024, one of
        // riverside stored a year ago but for a few seconds, and one of each stored now
        Instant soonAYearAgo = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(3).atOffset(ZoneOffset.UTC).minusYears(1).toInstant();
        XapiStatementRows rows = new XapiStatementRows(POLICY);
        List<XapiStatementRecord> written = new ArrayList<>();
        for (String district : List.of("riverside", "lakeside", "hillside")) {
            written.add(statement(district, LONG_AGO));
            written.add(statement(district, Instant.now()));
        }
        written.add(statement("riverside", soonAYearAgo));
        for (int offset = 0; offset < written.size(); offset++) {
            XapiStatementRecord record = written.get(offset);
            store.insert(rows.table(), rows.columns(), List.of(rows.row(record.getTenantId() + "/" + record.getStatementId(), record, offset)));
        }

        // then riverside's of 2024 was past its year when it came and was not kept; the others expire on their schedules
        assertThat(store.query("SELECT tenant_id, toString(expires_at) FROM xapi_statements WHERE stored < now() - INTERVAL 1 DAY"
                + " ORDER BY tenant_id, expires_at").rows()).containsExactly(
                List.of("hillside", "2106-01-01 00:00:00"), List.of("lakeside", "2029-03-01 09:00:00"),
                List.of("riverside", SECONDS.format(POLICY.expiry("riverside", soonAYearAgo))));

        // when its time has passed, a merge deletes riverside's statement of a year ago, and only that
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            store.execute("OPTIMIZE TABLE xapi_statements FINAL");
            assertThat(store.query("SELECT tenant_id, count(), countIf(stored < now() - INTERVAL 1 DAY) FROM xapi_statements"
                    + " GROUP BY tenant_id ORDER BY tenant_id").rows()).containsExactly(
                    List.of("hillside", "2", "1"), List.of("lakeside", "2", "1"), List.of("riverside", "1", "0"));
        });
    }

    @Test
    void shouldNotKeepAnAttachmentAlreadyPastItsDistrictsRetention() {
        XapiAttachmentRows rows = new XapiAttachmentRows(POLICY);
        store.insert(rows.table(), rows.columns(), List.of(
                rows.row("riverside/ab12", attachment("riverside", "ab12"), 0),
                rows.row("lakeside/ab12", attachment("lakeside", "ab12"), 1)));

        // (whether an insert already leaves out a row past its TTL differs by engine and version; the next merge never keeps it)
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            store.execute("OPTIMIZE TABLE xapi_attachments FINAL");
            assertThat(store.query("SELECT tenant_id, toString(expires_at) FROM xapi_attachments").rows())
                    .containsExactly(List.of("lakeside", "2029-03-01 09:00:00"));
        });
    }

    private static XapiStatementRecord statement(String district, Instant stored) {
        String id = UUID.randomUUID().toString();
        return XapiStatementRecord.newBuilder().setTenantId(district).setStatementId(id).setStored(stored).setXapiVersion("1.0.3")
                .setContentHash("hash-" + id).setStatement("{\"id\":\"" + id + "\",\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/answered\"}}")
                .build();
    }

    private static XapiAttachmentRecord attachment(String district, String sha2) {
        byte[] content = "an essay".getBytes(StandardCharsets.UTF_8);
        return XapiAttachmentRecord.newBuilder().setTenantId(district).setSha2(sha2).setContentType("text/plain")
                .setLength(content.length).setContent(ByteBuffer.wrap(content)).setStored(LONG_AGO).build();
    }
}

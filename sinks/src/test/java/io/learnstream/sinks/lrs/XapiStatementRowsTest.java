package io.learnstream.sinks.lrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.learnstream.schemas.avro.XapiStatementRecord;
import io.learnstream.sinks.retention.RetentionPolicy;
import java.math.BigInteger;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class XapiStatementRowsTest {
    private static final Instant STORED = Instant.parse("2026-09-01T08:00:01.234Z");
    private final XapiStatementRows rows = new XapiStatementRows();

    @Test
    void writesTheArchiveTable() {
        assertThat(rows.table()).isEqualTo("xapi_statements");
    }

    @Test
    void aStatementBecomesARowWithItsIndexBesideIt() {
        String statement = """
                {"id": "3F1C0A6E-7D2B-4C55-9A1E-2B8F5C1D9E77",
                 "actor": {"mbox": "mailto:ann@example.org"},
                 "verb": {"id": "http://adlnet.gov/expapi/verbs/voided"},
                 "object": {"objectType": "StatementRef", "id": "aaaaaaaa-7d2b-4c55-9a1e-2b8f5c1d9e77"},
                 "authority": {"mbox": "mailto:admin@example.org"},
                 "context": {"registration": "bbbbbbbb-7d2b-4c55-9a1e-2b8f5c1d9e77",
                             "contextActivities": {"grouping": [{"id": "https://sis.example.org/classes/7"}]}},
                 "timestamp": "2026-09-01T10:00:00.5+02:00", "stored": "2026-09-01T08:00:01.234Z"}
                """;

        Map<String, Object> row = row(record("3F1C0A6E-7D2B-4C55-9A1E-2B8F5C1D9E77", statement), 41);

        assertThat(row).containsExactlyEntriesOf(expected(Map.ofEntries(
                Map.entry("tenant_id", "district-7"),
                Map.entry("statement_id", "3f1c0a6e-7d2b-4c55-9a1e-2b8f5c1d9e77"),
                Map.entry("stored", STORED),
                Map.entry("timestamp", Instant.parse("2026-09-01T08:00:00.500Z")),
                Map.entry("verb_id", "http://adlnet.gov/expapi/verbs/voided"),
                Map.entry("agents", List.of("mbox:mailto:ann@example.org")),
                Map.entry("related_agents", List.of("mbox:mailto:ann@example.org", "mbox:mailto:admin@example.org")),
                Map.entry("activities", List.of()),
                Map.entry("related_activities", List.of("https://sis.example.org/classes/7")),
                Map.entry("registration", "bbbbbbbb-7d2b-4c55-9a1e-2b8f5c1d9e77"),
                Map.entry("statement_ref", "aaaaaaaa-7d2b-4c55-9a1e-2b8f5c1d9e77"),
                Map.entry("voided_target", "aaaaaaaa-7d2b-4c55-9a1e-2b8f5c1d9e77"),
                Map.entry("content_hash", "c0ffee"),
                Map.entry("xapi_version", "2.0.0"),
                Map.entry("statement", statement),
                Map.entry("version", new BigInteger("18446744073709551574")),
                Map.entry("expires_at", RetentionPolicy.KEPT_WITHOUT_LIMIT))));
    }

    @Test
    void theLowerTheOffsetTheHigherTheVersion() {
        assertThat(XapiStatementRows.version(0)).isEqualTo(new BigInteger("18446744073709551615"));
        assertThat(XapiStatementRows.version(1)).isLessThan(XapiStatementRows.version(0));
        assertThat(XapiStatementRows.version(Long.MAX_VALUE)).isEqualTo(new BigInteger("9223372036854775808"));
        assertThatThrownBy(() -> XapiStatementRows.version(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTimestampOutsideClickHousesRangeIsKeptAtItsEndAndAnUnreadableOneFallsBackToStored() {
        assertThat(row(record("a", "{\"timestamp\": \"1066-10-14T09:00:00Z\"}"), 1).get("timestamp")).isEqualTo(Instant.parse("1900-01-01T00:00:00Z"));
        assertThat(row(record("a", "{\"timestamp\": \"9999-01-01T00:00:00Z\"}"), 1).get("timestamp")).isEqualTo(Instant.parse("2299-12-31T23:59:59.999Z"));
        assertThat(row(record("a", "{\"timestamp\": \"soon\"}"), 1).get("timestamp")).isEqualTo(STORED);
    }

    @Test
    void aStatementThatIsNotJsonIsArchivedAsItIsWithoutAnIndex() {
        Map<String, Object> row = row(record("a", "{not json"), 1);

        assertThat(row.get("statement")).isEqualTo("{not json");
        assertThat(row.get("verb_id")).isEqualTo("");
        assertThat(row.get("related_agents")).isEqualTo(List.of());
        assertThat(row.get("timestamp")).isEqualTo(STORED);
    }

    private Map<String, Object> row(XapiStatementRecord record, long offset) {
        List<Object> values = rows.row("district-7/" + record.getStatementId(), record, offset);
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < rows.columns().size(); i++) row.put(rows.columns().get(i), values.get(i));
        return row;
    }

    private Map<String, Object> expected(Map<String, Object> byColumn) {
        Map<String, Object> ordered = new LinkedHashMap<>();
        rows.columns().forEach(column -> ordered.put(column, byColumn.get(column)));
        return ordered;
    }

    private static XapiStatementRecord record(String id, String statement) {
        return XapiStatementRecord.newBuilder()
                .setTenantId("district-7")
                .setStatementId(id)
                .setStored(STORED)
                .setXapiVersion("2.0.0")
                .setContentHash("c0ffee")
                .setStatement(statement)
                .build();
    }
}

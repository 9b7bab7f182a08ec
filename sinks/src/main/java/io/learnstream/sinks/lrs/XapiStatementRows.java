package io.learnstream.sinks.lrs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.learnstream.ingest.lrs.StatementIndex;
import io.learnstream.ingest.xapi.XapiTimestamps;
import io.learnstream.schemas.avro.XapiStatementRecord;
import io.learnstream.sinks.kafka.RowMapper;
import io.learnstream.sinks.retention.RetentionPolicy;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepted statements (topic {@code learnstream.xapi-statements}) as rows of the archive table
 * {@code xapi_statements}: the stored statement with what GET statements filters on extracted by
 * {@link StatementIndex}.
 *
 * <p>{@code version} is {@code 18446744073709551615 - offset}: of several records of one key (one statement id of
 * one district, always on one partition) the first one written has the highest version, and readers take the
 * highest version as the statement. A statement whose JSON cannot be read (none passes ingest's validation) is
 * archived as it is with an empty index, so the sink never stops on it; reads return it by id only.
 *
 * <p>{@code expires_at} is {@code stored} plus the district's retention ({@link RetentionPolicy}); the table's TTL
 * deletes the row after it.
 */
public final class XapiStatementRows implements RowMapper<String, XapiStatementRecord> {
    public static final String TABLE = "xapi_statements";

    private static final Logger log = LoggerFactory.getLogger(XapiStatementRows.class);
    private static final List<String> COLUMNS = List.of("tenant_id", "statement_id", "stored", "timestamp", "verb_id",
            "agents", "related_agents", "activities", "related_activities", "registration", "statement_ref",
            "voided_target", "content_hash", "xapi_version", "statement", "version", "expires_at");
    private static final BigInteger UINT64_MAX = new BigInteger("18446744073709551615");
    /** The range of ClickHouse's DateTime64: a timestamp outside it is kept at the nearest end. */
    private static final Instant DATETIME64_MIN = Instant.parse("1900-01-01T00:00:00Z");
    private static final Instant DATETIME64_MAX = Instant.parse("2299-12-31T23:59:59.999Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RetentionPolicy retention;

    /** Rows kept without limit. */
    public XapiStatementRows() {
        this(RetentionPolicy.keepForever());
    }

    /** Rows expiring as {@code retention} says for their district ({@code expires_at}, the table's TTL). */
    public XapiStatementRows(RetentionPolicy retention) {
        this.retention = retention;
    }

    @Override
    public String table() {
        return TABLE;
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public List<Object> row(String key, XapiStatementRecord value, long offset) {
        JsonNode statement = parse(value);
        StatementIndex index = StatementIndex.of(statement);
        Instant stored = value.getStored();
        return List.of(
                value.getTenantId(),
                value.getStatementId().toLowerCase(Locale.ROOT),
                stored,
                timestamp(statement, stored),
                index.verbId(),
                index.agents(),
                index.relatedAgents(),
                index.activities(),
                index.relatedActivities(),
                index.registration().orElse(""),
                index.statementRef().orElse(""),
                index.voidedStatementId().orElse(""),
                value.getContentHash(),
                value.getXapiVersion(),
                value.getStatement(),
                version(offset),
                retention.expiry(value.getTenantId(), stored));
    }

    /** The ReplacingMergeTree version of the record at {@code offset}: the lower the offset, the higher the version. */
    static BigInteger version(long offset) {
        if (offset < 0) throw new IllegalArgumentException("a Kafka offset is never negative, got " + offset);
        return UINT64_MAX.subtract(BigInteger.valueOf(offset));
    }

    private static JsonNode parse(XapiStatementRecord value) {
        try {
            JsonNode node = JSON.readTree(value.getStatement());
            if (node != null && node.isObject()) return node;
        } catch (IOException e) {
            log.warn("statement {} of tenant {} is not valid JSON; archived without an index: {}",
                    value.getStatementId(), value.getTenantId(), e.getMessage());
            return MissingNode.getInstance();
        }
        log.warn("statement {} of tenant {} is not a JSON object; archived without an index", value.getStatementId(), value.getTenantId());
        return MissingNode.getInstance();
    }

    private static Instant timestamp(JsonNode statement, Instant stored) {
        JsonNode timestamp = statement.path("timestamp");
        if (!timestamp.isTextual()) return stored;
        try {
            Instant instant = XapiTimestamps.parse(timestamp.asText());
            if (instant.isBefore(DATETIME64_MIN)) return DATETIME64_MIN;
            if (instant.isAfter(DATETIME64_MAX)) return DATETIME64_MAX;
            return instant;
        } catch (DateTimeParseException e) {
            return stored;
        }
    }
}

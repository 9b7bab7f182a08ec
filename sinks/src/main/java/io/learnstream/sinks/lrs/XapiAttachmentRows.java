package io.learnstream.sinks.lrs;

import io.learnstream.schemas.avro.XapiAttachmentRecord;
import io.learnstream.sinks.kafka.RowMapper;
import io.learnstream.sinks.retention.RetentionPolicy;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Attachment data (topic {@code learnstream.xapi-attachments}) as rows of {@code xapi_attachments}: one per
 * district and SHA-2. The data goes in as base64 text ({@code content_base64}, which the table decodes into the raw
 * octets of {@code content}), since an insert's rows are JSON text. {@code version} is
 * {@code 18446744073709551615 - offset}, as in {@code xapi_statements}: the first write of a key wins, and with it
 * its {@code expires_at} (the request's {@code stored} plus the district's retention).
 */
public final class XapiAttachmentRows implements RowMapper<String, XapiAttachmentRecord> {
    public static final String TABLE = "xapi_attachments";

    private static final List<String> COLUMNS = List.of("tenant_id", "sha2", "content_type", "length", "content_base64", "stored", "version",
            "expires_at");

    private final RetentionPolicy retention;

    /** Rows kept without limit. */
    public XapiAttachmentRows() {
        this(RetentionPolicy.keepForever());
    }

    /** Rows expiring as {@code retention} says for their district ({@code expires_at}, the table's TTL). */
    public XapiAttachmentRows(RetentionPolicy retention) {
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
    public List<Object> row(String key, XapiAttachmentRecord value, long offset) {
        return List.of(
                value.getTenantId(),
                value.getSha2().toLowerCase(Locale.ROOT),
                value.getContentType(),
                value.getLength(),
                Base64.getEncoder().encodeToString(bytes(value.getContent())),
                value.getStored(),
                XapiStatementRows.version(offset),
                retention.expiry(value.getTenantId(), value.getStored()));
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
    }
}

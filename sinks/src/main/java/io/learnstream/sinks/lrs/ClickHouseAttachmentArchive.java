package io.learnstream.sinks.lrs;

import io.learnstream.ingest.attachments.AttachmentArchive;
import io.learnstream.ingest.attachments.AttachmentContent;
import io.learnstream.sinks.spi.ColumnStore;
import io.learnstream.sinks.spi.QueryResult;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The attachment data in ClickHouse (table {@code xapi_attachments}, written by {@link XapiAttachmentRows}): what
 * GET statements with {@code attachments=true} sends along, and which data a district already has. Every query
 * names its tenant and the SHA-2s wanted, the table's whole sorting key, so it reads only those rows. Of several rows
 * of one SHA-2 (not yet merged) the one with the highest {@code version} is the data.
 */
public final class ClickHouseAttachmentArchive implements AttachmentArchive {
    private static final String TABLE = XapiAttachmentRows.TABLE;

    private final ColumnStore store;

    /** @param store where {@code xapi_attachments} lives ({@link io.learnstream.sinks.schema.ClickHouseSchema} applied) */
    public ClickHouseAttachmentArchive(ColumnStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public Map<String, AttachmentContent> contents(String tenantId, Collection<String> sha2s) {
        Set<String> wanted = lowerCase(sha2s);
        if (wanted.isEmpty()) return Map.of();
        QueryResult result = store.query("SELECT sha2, argMax(content_type, version) AS content_type,"
                + " base64Encode(argMax(content, version)) AS content FROM " + TABLE
                + " WHERE tenant_id = " + SqlLiteral.string(tenantId) + " AND sha2 IN " + SqlLiteral.stringList(wanted)
                + " GROUP BY sha2");
        Map<String, AttachmentContent> contents = new LinkedHashMap<>();
        for (int row = 0; row < result.rowCount(); row++) {
            String sha2 = result.value(row, "sha2");
            contents.put(sha2, new AttachmentContent(sha2, result.value(row, "content_type"),
                    Base64.getDecoder().decode(result.value(row, "content"))));
        }
        return contents;
    }

    @Override
    public Set<String> held(String tenantId, Collection<String> sha2s) {
        Set<String> wanted = lowerCase(sha2s);
        if (wanted.isEmpty()) return Set.of();
        QueryResult result = store.query("SELECT DISTINCT sha2 FROM " + TABLE + " WHERE tenant_id = " + SqlLiteral.string(tenantId)
                + " AND sha2 IN " + SqlLiteral.stringList(wanted));
        return new LinkedHashSet<>(result.column("sha2"));
    }

    private static Set<String> lowerCase(Collection<String> sha2s) {
        Set<String> lower = new LinkedHashSet<>();
        sha2s.forEach(sha2 -> lower.add(sha2.toLowerCase(Locale.ROOT)));
        return lower;
    }
}

package io.learnstream.sinks.lrs;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnstream.ingest.attachments.AttachmentContent;
import io.learnstream.ingest.attachments.Sha2;
import io.learnstream.schemas.avro.XapiAttachmentRecord;
import io.learnstream.sinks.clickhouse.chdb.ChdbColumnStore;
import io.learnstream.sinks.schema.ClickHouseSchema;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attachment data's way through the real embedded ClickHouse (chDB): records mapped by {@link XapiAttachmentRows},
 * inserted as the sink inserts them, read back by {@link ClickHouseAttachmentArchive}. Each spec writes into a
 * district of its own.
 */
@Timeout(120)
class ClickHouseAttachmentArchiveTest {
    private static final Instant STORED = Instant.parse("2026-09-07T10:00:00Z");

    @TempDir
    static Path dataDir;
    static ChdbColumnStore store;
    static ClickHouseAttachmentArchive archive;
    final XapiAttachmentRows rows = new XapiAttachmentRows();
    String tenant;

    @BeforeAll
    static void openStore() {
        store = ChdbColumnStore.open(dataDir);
        ClickHouseSchema.apply(store);
        archive = new ClickHouseAttachmentArchive(store);
    }

    @AfterAll
    static void closeStore() {
        store.close();
    }

    @BeforeEach
    void newDistrict() {
        tenant = "district-" + UUID.randomUUID();
    }

    @Test
    void shouldGiveBackEveryOctetOfTheDataAsSent() {
        // given every byte value, line breaks and NULs included
        byte[] data = new byte[512];
        for (int i = 0; i < data.length; i++) data[i] = (byte) i;
        write(tenant, "image/png", data, 0);

        // when
        Map<String, AttachmentContent> contents = archive.contents(tenant, List.of(sha256(data)));

        // then
        assertThat(contents).containsOnlyKeys(sha256(data));
        AttachmentContent content = contents.get(sha256(data));
        assertThat(content.contentType()).isEqualTo("image/png");
        assertThat(content.content()).isEqualTo(data);
        assertThat(store.query("SELECT length, content_type FROM xapi_attachments WHERE tenant_id = '" + tenant + "'").rows())
                .containsExactly(List.of("512", "image/png"));
    }

    @Test
    void shouldKeepTheFirstWriteOfTheSameDataAndReadItOnce() {
        // given the same data written twice (two requests racing), with other content types
        byte[] data = "my essay".getBytes(StandardCharsets.UTF_8);
        write(tenant, "text/plain", data, 10);
        write(tenant, "text/plain; charset=utf-8", data, 11);

        // when
        Map<String, AttachmentContent> contents = archive.contents(tenant, List.of(sha256(data).toUpperCase()));

        // then
        assertThat(contents.values()).singleElement().satisfies(content -> {
            assertThat(content.contentType()).isEqualTo("text/plain");
            assertThat(content.content()).isEqualTo(data);
        });
        assertThat(archive.held(tenant, List.of(sha256(data)))).containsExactly(sha256(data));
    }

    @Test
    void shouldNeverShowOneDistrictAnothersData() {
        // given
        byte[] data = "a certificate".getBytes(StandardCharsets.UTF_8);
        write(tenant, "application/pdf", data, 20);
        String other = "district-" + UUID.randomUUID();

        // then
        assertThat(archive.contents(other, List.of(sha256(data)))).isEmpty();
        assertThat(archive.held(other, List.of(sha256(data)))).isEmpty();
        assertThat(archive.held(tenant, List.of(sha256(data), sha256(new byte[1])))).containsExactly(sha256(data));
    }

    @Test
    void shouldAskNothingForNoDigests() {
        assertThat(archive.contents(tenant, List.of())).isEmpty();
        assertThat(archive.held(tenant, List.of())).isEmpty();
    }

    private void write(String tenantId, String contentType, byte[] data, long offset) {
        XapiAttachmentRecord record = XapiAttachmentRecord.newBuilder().setTenantId(tenantId).setSha2(sha256(data))
                .setContentType(contentType).setLength(data.length).setContent(ByteBuffer.wrap(data)).setStored(STORED).build();
        store.insert(rows.table(), rows.columns(), List.of(rows.row(tenantId + "/" + record.getSha2(), record, offset)));
    }

    private static String sha256(byte[] data) {
        return Sha2.digest("SHA-256", data);
    }
}

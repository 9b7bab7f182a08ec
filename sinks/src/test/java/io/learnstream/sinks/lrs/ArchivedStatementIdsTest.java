package io.learnstream.sinks.lrs;

import static io.learnstream.sinks.lrs.StatementJson.newId;
import static io.learnstream.sinks.lrs.StatementJson.statement;
import static org.assertj.core.api.Assertions.assertThat;

import io.learnstream.sinks.clickhouse.chdb.ChdbColumnStore;
import io.learnstream.sinks.schema.ClickHouseSchema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchivedStatementIdsTest {
    @TempDir
    Path dataDir;

    @Test
    void shouldHandOverEveryArchivedIdPageByPage() {
        try (ChdbColumnStore store = ChdbColumnStore.open(dataDir)) {
            ClickHouseSchema.apply(store);
            ArchiveTable table = new ArchiveTable(store);
            // given 25 statements of two districts, several stored in the same second
            Set<String> expected = new HashSet<>();
            for (int i = 0; i < 25; i++) {
                String tenant = i % 2 == 0 ? "riverside" : "lakeside";
                String id = newId();
                table.write(tenant, statement(id, "mailto:s" + i + "@example.org", "https://lms.example.org/pages/" + i), i / 3);
                expected.add(tenant + "/" + id);
            }

            // when they are read in pages of 10
            List<String> seen = new ArrayList<>();
            long read = ArchivedStatementIds.forEach(store, seen::add, 10);

            // then each comes exactly once
            assertThat(read).isEqualTo(25);
            assertThat(seen).hasSize(25).doesNotHaveDuplicates();
            assertThat(new HashSet<>(seen)).isEqualTo(expected);
        }
    }
}

package io.learnstream.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.learnstream.ingest.xapi.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The memory of the latest statements an instance stored: always the latest ones, per district. */
class RecentStatementsTest {
    private static final Instant STORED = Instant.parse("2026-11-22T08:00:00Z");

    @Test
    void shouldRememberExactlyTheLatestWritesOnceFull() {
        RecentStatements recent = new RecentStatements(1_000);
        List<Statement> written = statements(5_000);

        // given 5,000 statements stored in requests of 100, each id stored once, as the intake does
        for (int i = 0; i < written.size(); i += 100) recent.remember("riverside", written.subList(i, i + 100));

        // then the last 1,000 are all remembered, with their hashes, and the 4,000 before them are not
        List<String> ids = written.stream().map(s -> s.id().toString()).toList();
        Map<String, String> latest = recent.contentHashes("riverside", ids.subList(4_000, 5_000));
        assertThat(latest).hasSize(1_000);
        assertThat(latest.get(ids.get(4_000))).isEqualTo(written.get(4_000).contentHash());
        assertThat(recent.contentHashes("riverside", ids.subList(0, 4_000))).isEmpty();
        assertThat(recent.contains("riverside", ids.get(4_999))).isTrue();
        assertThat(recent.contains("riverside", ids.get(3_999))).isFalse();
    }

    @Test
    void shouldKeepEachDistrictsStatementsApart() {
        RecentStatements recent = new RecentStatements(10);
        Statement statement = statements(1).getFirst();

        recent.remember("riverside", List.of(statement));

        String id = statement.id().toString();
        assertThat(recent.contains("riverside", id)).isTrue();
        assertThat(recent.contains("hillcrest", id)).isFalse();
        assertThat(recent.contentHashes("hillcrest", List.of(id))).isEmpty();
    }

    @Test
    void shouldRefuseACapacityOfNothing() {
        assertThatThrownBy(() -> new RecentStatements(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("capacity must be at least 1");
    }

    private static List<Statement> statements(int count) {
        List<Statement> statements = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            statements.add(new Statement(UUID.randomUUID(), JsonNodeFactory.instance.objectNode(), STORED, STORED, "hash-" + i, null));
        }
        return statements;
    }
}

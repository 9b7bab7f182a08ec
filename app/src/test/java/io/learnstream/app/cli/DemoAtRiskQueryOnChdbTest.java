package io.learnstream.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnstream.sinks.clickhouse.chdb.ChdbColumnStore;
import io.learnstream.sinks.schema.ClickHouseSchema;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The demo summary's "at-risk students of the class with the most" on the embedded ClickHouse. */
@Timeout(120)
class DemoAtRiskQueryOnChdbTest {
    @TempDir
    Path dataDir;

    @Test
    void shouldAnswerNoRowsRatherThanFailWhenNoStudentIsFlaggedYet() {
        // given the production schema and a short demo in which nobody has been flagged
        try (ChdbColumnStore store = ChdbColumnStore.open(dataDir)) {
            ClickHouseSchema.apply(store);

            // when the summary asks for the class with the most flagged students, then no class and no error
            assertThat(store.query(DemoCommand.AT_RISK_QUERY).rows()).isEmpty();
        }
    }
}

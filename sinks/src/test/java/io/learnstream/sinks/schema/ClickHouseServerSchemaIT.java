package io.learnstream.sinks.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnstream.schemas.testing.RequiresDocker;
import io.learnstream.sinks.DataTeamQueriesContract;
import io.learnstream.sinks.clickhouse.jdbc.JdbcColumnStore;
import io.learnstream.sinks.clickhouse.jdbc.JdbcSettings;
import io.learnstream.sinks.spi.ColumnStore;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.clickhouse.ClickHouseContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The same DDL files on a ClickHouse server in a container (over JDBC, as server mode runs): every version applies and
 * is recorded, applying again does nothing, and the README's data team queries give what they give on chDB. Skipped
 * (reported as such) where no Docker engine is available.
 */
@ExtendWith(RequiresDocker.class)
@Testcontainers(disabledWithoutDocker = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClickHouseServerSchemaIT extends DataTeamQueriesContract {
    @Container
    static final ClickHouseContainer CLICKHOUSE = new ClickHouseContainer("clickhouse/clickhouse-server:25.8");

    private JdbcColumnStore store;

    @BeforeAll
    void connectAndWriteTheDistrict() throws IOException {
        store = JdbcColumnStore.connect(new JdbcSettings(CLICKHOUSE.getJdbcUrl(), CLICKHOUSE.getUsername(), CLICKHOUSE.getPassword()));
        applySchemaAndWriteTheDistrict();
    }

    @AfterAll
    void disconnect() {
        if (store != null) store.close();
    }

    @Override
    protected ColumnStore store() {
        return store;
    }

    @Test
    void shouldHaveRecordedEveryVersionAndApplyNoneAgain() {
        assertThat(store.query("SELECT version, checksum FROM schema_migrations FINAL ORDER BY version").rows())
                .containsExactlyElementsOf(ClickHouseSchema.migrations().stream()
                        .map(m -> java.util.List.of(String.valueOf(m.version()), m.checksum())).toList());
        assertThat(ClickHouseSchema.apply(store)).isEmpty();
    }
}

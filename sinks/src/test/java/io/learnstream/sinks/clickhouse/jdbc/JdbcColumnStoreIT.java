package io.learnstream.sinks.clickhouse.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.learnstream.sinks.clickhouse.ColumnStoreContract;
import io.learnstream.sinks.spi.ColumnStore;
import io.learnstream.sinks.spi.ColumnStoreException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import io.learnstream.schemas.testing.RequiresDocker;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.clickhouse.ClickHouseContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The column store contract against a real ClickHouse server in a container: the same SQL as the embedded
 * chDB test. Skipped (reported as such by JUnit) where no Docker engine is available.
 */
@ExtendWith(RequiresDocker.class)
@Testcontainers(disabledWithoutDocker = true)
class JdbcColumnStoreIT extends ColumnStoreContract {

    @Container
    static final ClickHouseContainer CLICKHOUSE = new ClickHouseContainer("clickhouse/clickhouse-server:25.8");

    private static JdbcColumnStore store;

    @BeforeAll
    static void connect() {
        store = JdbcColumnStore.connect(
                new JdbcSettings(CLICKHOUSE.getJdbcUrl(), CLICKHOUSE.getUsername(), CLICKHOUSE.getPassword()));
    }

    @AfterAll
    static void disconnect() {
        if (store != null) {
            store.close();
        }
    }

    @Override
    protected ColumnStore store() {
        return store;
    }

    @Test
    void describesTheServerWithoutThePassword() {
        assertThat(store.describe()).contains(CLICKHOUSE.getJdbcUrl()).doesNotContain(CLICKHOUSE.getPassword());
        assertThat(store.query("SELECT version()").singleValue()).startsWith("25.8");
    }

    @Test
    void aWrongPasswordIsRefusedWithTheServersReason() {
        JdbcSettings wrong = new JdbcSettings(CLICKHOUSE.getJdbcUrl(), CLICKHOUSE.getUsername(), "wrong-password");

        assertThatThrownBy(() -> JdbcColumnStore.connect(wrong))
                .isInstanceOf(ColumnStoreException.class)
                .hasMessageContaining(CLICKHOUSE.getJdbcUrl())
                .hasMessageNotContaining("wrong-password");
    }
}

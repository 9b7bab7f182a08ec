package io.learnstream.sinks;

import io.learnstream.sinks.clickhouse.chdb.ChdbColumnStore;
import io.learnstream.sinks.spi.ColumnStore;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The README's data team queries on the embedded ClickHouse (chDB). */
@Timeout(120)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataTeamQueriesTest extends DataTeamQueriesContract {
    @TempDir
    static Path dataDir;
    ChdbColumnStore store;

    @BeforeAll
    void openStoreAndWriteTheDistrict() throws IOException {
        store = ChdbColumnStore.open(dataDir);
        applySchemaAndWriteTheDistrict();
    }

    @AfterAll
    void closeStore() {
        if (store != null) store.close();
    }

    @Override
    protected ColumnStore store() {
        return store;
    }
}

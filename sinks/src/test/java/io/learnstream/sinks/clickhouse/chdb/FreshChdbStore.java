package io.learnstream.sinks.clickhouse.chdb;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A spec on an empty embedded ClickHouse (chDB) of its own for every test, closed after it; no schema applied. */
public abstract class FreshChdbStore {
    @TempDir
    protected Path dataDir;
    protected ChdbColumnStore store;

    @BeforeEach
    void openFreshStore() {
        store = ChdbColumnStore.open(dataDir);
    }

    @AfterEach
    void closeFreshStore() {
        store.close();
    }
}

package io.learnstream.app.stack;

import io.learnstream.sinks.clickhouse.chdb.ChdbColumnStore;
import io.learnstream.sinks.clickhouse.chdb.ChdbLibrary;
import io.learnstream.sinks.clickhouse.jdbc.JdbcColumnStore;
import io.learnstream.sinks.clickhouse.jdbc.JdbcSettings;
import io.learnstream.sinks.spi.ColumnStore;
import io.learnstream.sinks.spi.ColumnStoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Opens the column store: ClickHouse embedded through chDB, or a ClickHouse server through JDBC. */
public final class ColumnStores {
    private ColumnStores() {}

    /** The embedded engine on {@code dir}, created when new. */
    public static ColumnStore embedded(Path dir, Optional<Path> library) {
        return ChdbColumnStore.open(ChdbLibrary.locate(library.orElse(null)), dir);
    }

    /** The embedded engine on an existing {@code dir}: for reading what a pipeline wrote. */
    public static ColumnStore embeddedExisting(Path dir, Optional<Path> library) {
        if (!Files.isDirectory(dir)) {
            throw new ColumnStoreException("there is no embedded ClickHouse data at " + dir.toAbsolutePath()
                    + ": run ./learnstream demo first, or name the data directory with --data-dir");
        }
        return embedded(dir, library);
    }

    public static ColumnStore server(String url, String user, String password) {
        return JdbcColumnStore.connect(new JdbcSettings(url, user, password));
    }
}

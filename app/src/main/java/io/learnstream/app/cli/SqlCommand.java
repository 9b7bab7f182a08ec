package io.learnstream.app.cli;

import io.learnstream.app.stack.ColumnStores;
import io.learnstream.sinks.spi.ColumnStore;
import io.learnstream.sinks.spi.ColumnStoreException;
import io.learnstream.sinks.sql.TextTable;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code learnstream sql}: one query against the column store, printed as a table. */
@Command(name = "sql", mixinStandardHelpOptions = true,
        description = "Run SQL against the column store: the embedded ClickHouse (chDB) of the data directory, or a ClickHouse server.")
public final class SqlCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SQL", description = "the query, e.g. \"SELECT count() FROM engagement_daily\"")
    String sql;

    @Option(names = "--data-dir", defaultValue = "var", description = "data directory of the embedded stack (default: ${DEFAULT-VALUE})")
    Path dataDir;

    @Option(names = "--clickhouse-url", description = "query this ClickHouse server instead, e.g. jdbc:clickhouse://localhost:8123/default")
    String clickhouseUrl;

    @Option(names = "--user", defaultValue = "default", description = "ClickHouse server user (default: ${DEFAULT-VALUE})")
    String user;

    @Option(names = "--password", defaultValue = "${env:LEARNSTREAM_CLICKHOUSE_PASSWORD}", description = "ClickHouse server password (default: $LEARNSTREAM_CLICKHOUSE_PASSWORD)")
    String password;

    @Option(names = "--chdb-lib", defaultValue = "${env:LEARNSTREAM_CHDB_LIB}", description = "path of libchdb.so (default: $LEARNSTREAM_CHDB_LIB, else the cache)")
    Path chdbLibrary;

    @Override
    public Integer call() {
        try (ColumnStore store = clickhouseUrl != null
                ? ColumnStores.server(clickhouseUrl, user, password == null ? "" : password)
                : ColumnStores.embeddedExisting(dataDir.resolve("clickhouse"), Optional.ofNullable(chdbLibrary))) {
            System.out.print(TextTable.render(store.query(sql)));
            return 0;
        } catch (ColumnStoreException e) {
            System.err.println("learnstream sql: " + e.getMessage());
            return 1;
        }
    }
}

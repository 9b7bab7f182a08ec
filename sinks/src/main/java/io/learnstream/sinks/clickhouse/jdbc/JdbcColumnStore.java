package io.learnstream.sinks.clickhouse.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;

import io.learnstream.sinks.spi.ColumnStore;
import io.learnstream.sinks.spi.ColumnStoreException;
import io.learnstream.sinks.spi.QueryResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A ClickHouse server reached through {@code com.clickhouse:clickhouse-jdbc}.
 *
 * <p>Thread-safe: one JDBC connection, used by one call at a time (a JDBC connection is not meant for
 * concurrent statements).
 */
public final class JdbcColumnStore implements ColumnStore {

    private static final Logger log = LoggerFactory.getLogger(JdbcColumnStore.class);

    private final JdbcSettings settings;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    private boolean closed;

    private JdbcColumnStore(JdbcSettings settings, Connection connection) {
        this.settings = settings;
        this.connection = connection;
    }

    /** Connects and checks the server answers. */
    public static JdbcColumnStore connect(JdbcSettings settings) {
        Objects.requireNonNull(settings, "settings");
        Properties properties = new Properties();
        properties.setProperty("user", settings.user());
        properties.setProperty("password", settings.password());
        Connection connection;
        try {
            connection = DriverManager.getConnection(settings.url(), properties);
        } catch (SQLException e) {
            throw new ColumnStoreException("could not connect to the ClickHouse server at " + settings.url()
                    + " as " + settings.user() + ": " + e.getMessage(), e);
        }
        JdbcColumnStore store = new JdbcColumnStore(settings, connection);
        try {
            String version = store.query("SELECT version()").singleValue();
            log.info("Connected to ClickHouse {} at {} as {}", version, settings.url(), settings.user());
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        return store;
    }

    @Override
    public void execute(String sql) {
        run(sql, false);
    }

    @Override
    public QueryResult query(String sql) {
        return run(sql, true);
    }

    @Override
    public String describe() {
        return "ClickHouse server " + settings.url() + " as " + settings.user();
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            connection.close();
        } catch (SQLException e) {
            log.warn("Closing the JDBC connection to {} failed: {}", settings.url(), e.getMessage());
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "JdbcColumnStore[" + settings + "]";
    }

    private QueryResult run(String sql, boolean readResult) {
        Objects.requireNonNull(sql, "sql");
        lock.lock();
        try (Statement statement = openStatement(sql)) {
            boolean hasResultSet = statement.execute(sql);
            if (!readResult || !hasResultSet) {
                return QueryResult.empty();
            }
            try (ResultSet resultSet = statement.getResultSet()) {
                return read(resultSet);
            }
        } catch (SQLException e) {
            throw new ColumnStoreException(e.getMessage() == null ? e.toString() : e.getMessage(), sql, e);
        } finally {
            lock.unlock();
        }
    }

    private Statement openStatement(String sql) throws SQLException {
        if (closed) {
            throw new ColumnStoreException("the JDBC store for " + settings.url() + " is closed", sql, null);
        }
        Statement statement = connection.createStatement();
        // the SQL is ClickHouse's dialect with data inline (INSERT ... FORMAT); JDBC escapes such as {d '...'}
        // would otherwise be rewritten inside that data
        statement.setEscapeProcessing(false);
        return statement;
    }

    private static QueryResult read(ResultSet resultSet) throws SQLException {
        ResultSetMetaData meta = resultSet.getMetaData();
        int columns = meta.getColumnCount();
        List<String> names = new ArrayList<>(columns);
        List<String> types = new ArrayList<>(columns);
        for (int c = 1; c <= columns; c++) {
            names.add(meta.getColumnLabel(c));
            types.add(meta.getColumnTypeName(c));
        }
        List<List<String>> rows = new ArrayList<>();
        while (resultSet.next()) {
            List<String> row = new ArrayList<>(columns);
            for (int c = 1; c <= columns; c++) {
                row.add(resultSet.getString(c));
            }
            rows.add(row);
        }
        return new QueryResult(names, types, rows);
    }
}

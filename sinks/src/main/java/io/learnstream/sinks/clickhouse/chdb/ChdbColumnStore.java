package io.learnstream.sinks.clickhouse.chdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import io.learnstream.sinks.clickhouse.JsonCompactResult;
import io.learnstream.sinks.spi.ColumnStore;
import io.learnstream.sinks.spi.ColumnStoreException;
import io.learnstream.sinks.spi.QueryResult;

/**
 * ClickHouse embedded in this process through chDB's {@code libchdb.so}, called with the FFM API.
 *
 * <p>Data lives under the given directory and survives close and reopen. chDB serves one storage path per
 * process: stores on the same directory may be open together (each has its own connection), a store on another
 * directory can open only once all of those are closed, else {@link #open} fails saying which path is open.
 *
 * <p>Thread-safe: calls from several threads run concurrently up to chDB, which answers them in turn on the
 * connection; {@link #close()} waits for calls in flight. The JVM's own signal handlers are kept in place
 * around every chDB call that would replace them (see {@link SignalDispositions}).
 */
public final class ChdbColumnStore implements ColumnStore {

    private final ChdbEngine.ChdbConnection connection;
    private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private boolean closed;

    private ChdbColumnStore(ChdbEngine.ChdbConnection connection) {
        this.connection = connection;
    }

    /** Opens a store on {@code dataDir} with the library from the default cache dir ({@link ChdbLibrary#locate()}). */
    public static ChdbColumnStore open(Path dataDir) {
        return open(ChdbLibrary.locate(), dataDir);
    }

    /** Opens a store on {@code dataDir} (created when missing) with the given library. */
    public static ChdbColumnStore open(ChdbLibrary library, Path dataDir) {
        Objects.requireNonNull(library, "library");
        Objects.requireNonNull(dataDir, "dataDir of the chDB store");
        Path dir = dataDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create the chDB data directory " + dir, e);
        }
        ChdbColumnStore store = new ChdbColumnStore(ChdbEngine.connect(library, dir));
        try {
            // JSON has no NaN or infinity: ClickHouse writes them as null unless told to quote them
            store.execute("SET output_format_json_quote_denormals = 1");
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        return store;
    }

    /** The directory chDB keeps this store's data in. */
    public Path dataDir() {
        return connection.dataDir();
    }

    @Override
    public void execute(String sql) {
        run(sql);
    }

    @Override
    public QueryResult query(String sql) {
        byte[] output = run(sql);
        try {
            return JsonCompactResult.parse(output);
        } catch (IllegalStateException e) {
            throw new ColumnStoreException(e.getMessage(), sql, e);
        }
    }

    @Override
    public String describe() {
        return "chDB " + ChdbLibrary.VERSION + " (embedded ClickHouse) on " + connection.dataDir();
    }

    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                ChdbEngine.close(connection);
            }
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    @Override
    public String toString() {
        return "ChdbColumnStore[" + connection.dataDir() + "]";
    }

    private byte[] run(String sql) {
        Objects.requireNonNull(sql, "sql");
        lifecycle.readLock().lock();
        try {
            if (closed) {
                throw new ColumnStoreException("the chDB store on " + connection.dataDir() + " is closed", sql, null);
            }
            ChdbNative.Outcome outcome = connection.chdb().query(connection.handle(), sql, JsonCompactResult.FORMAT);
            if (outcome.error() != null) {
                throw new ColumnStoreException(outcome.error(), sql, null);
            }
            return outcome.output();
        } finally {
            lifecycle.readLock().unlock();
        }
    }
}

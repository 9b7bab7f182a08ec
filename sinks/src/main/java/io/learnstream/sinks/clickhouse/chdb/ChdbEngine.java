package io.learnstream.sinks.clickhouse.chdb;

import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.List;

import io.learnstream.sinks.spi.ColumnStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process-wide side of chDB: the library is loaded once, and the engine serves one storage path at a time.
 *
 * <p>Measured with libchdb 26.5.3: several connections to the same {@code --path} may be open at once and see
 * the same data; {@code chdb_connect} with another path while a connection is open returns NULL; after the last
 * connection is closed, a new one may open the same or another path (data persists across close/reopen in one
 * process). This class turns the NULL into an error that says which path is open.
 */
final class ChdbEngine {

    private static final Logger log = LoggerFactory.getLogger(ChdbEngine.class);
    private static final Object LOCK = new Object();

    private static ChdbNative loaded;
    private static Path openPath;
    private static int openConnections;

    private ChdbEngine() {
    }

    /** Opens a connection on {@code dataDir}, loading {@code library} first if this is the first use. */
    static ChdbConnection connect(ChdbLibrary library, Path dataDir) {
        synchronized (LOCK) {
            ChdbNative chdb = load(library);
            if (openConnections > 0 && !openPath.equals(dataDir)) {
                throw new ColumnStoreException("chDB serves one storage path per process: " + openPath + " is open ("
                        + openConnections + " connection(s)), so " + dataDir
                        + " cannot be opened until every store on " + openPath + " is closed");
            }
            long start = System.nanoTime();
            MemorySegment connection = chdb.connect(List.of("--path=" + dataDir));
            if (connection.equals(MemorySegment.NULL)) {
                throw new ColumnStoreException("chDB could not open a connection on " + dataDir
                        + " (chdb_connect returned NULL; chDB may have printed the reason on stderr): is the directory"
                        + " writable, and not used by another process?");
            }
            openPath = dataDir;
            openConnections++;
            log.info("Opened a chDB connection on {} in {} ms ({} open)", dataDir,
                    (System.nanoTime() - start) / 1_000_000, openConnections);
            return new ChdbConnection(chdb, connection, dataDir);
        }
    }

    static void close(ChdbConnection connection) {
        synchronized (LOCK) {
            connection.chdb().close(connection.handle());
            openConnections--;
            if (openConnections == 0) {
                openPath = null;
            }
            log.info("Closed a chDB connection on {} ({} open)", connection.dataDir(), openConnections);
        }
    }

    private static ChdbNative load(ChdbLibrary library) {
        if (loaded == null) {
            loaded = ChdbNative.load(library);
        } else if (!loaded.library().equals(library)) {
            throw new ColumnStoreException("chDB is already loaded from " + loaded.library().path()
                    + "; one process can load only one libchdb.so, not also " + library.path());
        }
        return loaded;
    }

    /** One open {@code chdb_connection*}. */
    record ChdbConnection(ChdbNative chdb, MemorySegment handle, Path dataDir) {
    }
}

package io.learnstream.sinks.clickhouse.chdb;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The C API of libchdb.so (chdb.h), bound with the FFM API. Loaded once per process.
 *
 * <pre>
 * chdb_connection * chdb_connect(int argc, char ** argv);
 * void              chdb_close_conn(chdb_connection * conn);
 * chdb_result *     chdb_query_n(chdb_connection conn, const char * query, size_t query_len,
 *                                const char * format, size_t format_len);
 * char *            chdb_result_buffer(chdb_result * result);
 * size_t            chdb_result_length(chdb_result * result);
 * const char *      chdb_result_error(chdb_result * result);
 * void              chdb_destroy_query_result(chdb_result * result);
 * void              chdb_set_signal_handlers_enabled(int enabled);
 * </pre>
 */
final class ChdbNative {

    private static final Logger log = LoggerFactory.getLogger(ChdbNative.class);

    /** Outcome of one query: the output bytes or ClickHouse's error text. */
    record Outcome(byte[] output, String error) {
    }

    private final ChdbLibrary library;
    private final MethodHandle connect;
    private final MethodHandle closeConn;
    private final MethodHandle queryN;
    private final MethodHandle resultBuffer;
    private final MethodHandle resultLength;
    private final MethodHandle resultError;
    private final MethodHandle destroyResult;
    private final MethodHandle setSignalHandlersEnabled;

    private ChdbNative(ChdbLibrary library, SymbolLookup symbols) {
        this.library = library;
        this.connect = bind(symbols, "chdb_connect", FunctionDescriptor.of(ADDRESS, JAVA_INT, ADDRESS));
        this.closeConn = bind(symbols, "chdb_close_conn", FunctionDescriptor.ofVoid(ADDRESS));
        this.queryN = bind(symbols, "chdb_query_n",
                FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS, JAVA_LONG));
        this.resultBuffer = bind(symbols, "chdb_result_buffer", FunctionDescriptor.of(ADDRESS, ADDRESS));
        this.resultLength = bind(symbols, "chdb_result_length", FunctionDescriptor.of(JAVA_LONG, ADDRESS));
        this.resultError = bind(symbols, "chdb_result_error", FunctionDescriptor.of(ADDRESS, ADDRESS));
        this.destroyResult = bind(symbols, "chdb_destroy_query_result", FunctionDescriptor.ofVoid(ADDRESS));
        this.setSignalHandlersEnabled = bind(symbols, "chdb_set_signal_handlers_enabled",
                FunctionDescriptor.ofVoid(JAVA_INT));
    }

    /** Loads the library into the process (it stays loaded) and tells it to leave signal handling to the JVM. */
    static ChdbNative load(ChdbLibrary library) {
        long start = System.nanoTime();
        SymbolLookup symbols;
        try {
            symbols = SymbolLookup.libraryLookup(library.path(), Arena.global());
        } catch (IllegalArgumentException e) {
            throw new io.learnstream.sinks.spi.ColumnStoreException("could not load the chDB library " + library.path()
                    + " (is it a Linux x86-64 libchdb.so, and is --enable-native-access=ALL-UNNAMED set?): " + e.getMessage(), e);
        }
        ChdbNative chdb = new ChdbNative(library, symbols);
        chdb.disableChdbSignalHandlers();
        log.info("Loaded chDB {} from {} in {} ms", ChdbLibrary.VERSION, library.path(), (System.nanoTime() - start) / 1_000_000);
        return chdb;
    }

    ChdbLibrary library() {
        return library;
    }

    /** Opens a connection on {@code args} (after the program name); returns the {@code chdb_connection*} or NULL. */
    MemorySegment connect(List<String> args) {
        try (Arena arena = Arena.ofConfined()) {
            List<String> argv = new ArrayList<>();
            argv.add("clickhouse");
            argv.addAll(args);
            MemorySegment array = arena.allocate(ADDRESS, argv.size() + 1L);
            for (int i = 0; i < argv.size(); i++) {
                array.setAtIndex(ADDRESS, i, arena.allocateFrom(argv.get(i)));
            }
            array.setAtIndex(ADDRESS, argv.size(), MemorySegment.NULL);
            return guarded("chdb_connect", () -> (MemorySegment) connect.invokeExact(argv.size(), array));
        }
    }

    void close(MemorySegment connection) {
        guarded("chdb_close_conn", () -> {
            closeConn.invokeExact(connection);
            return null;
        });
    }

    /** Runs one statement on an open connection and copies the result into the Java heap. */
    Outcome query(MemorySegment connection, String sql, String format) {
        MemorySegment conn = connection.reinterpret(ADDRESS.byteSize()).get(ADDRESS, 0);
        byte[] sqlBytes = sql.getBytes(StandardCharsets.UTF_8);
        byte[] formatBytes = format.getBytes(StandardCharsets.UTF_8);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment sqlSegment = arena.allocateFrom(JAVA_BYTE, sqlBytes);
            MemorySegment formatSegment = arena.allocateFrom(JAVA_BYTE, formatBytes);
            MemorySegment result = (MemorySegment) queryN.invokeExact(conn, sqlSegment, (long) sqlBytes.length,
                    formatSegment, (long) formatBytes.length);
            if (result.equals(MemorySegment.NULL)) {
                return new Outcome(new byte[0], "chDB returned no result for the query (is the connection closed?)");
            }
            try {
                MemorySegment error = (MemorySegment) resultError.invokeExact(result);
                if (!error.equals(MemorySegment.NULL)) {
                    String text = error.reinterpret(Long.MAX_VALUE).getString(0, StandardCharsets.UTF_8);
                    if (!text.isBlank()) {
                        return new Outcome(new byte[0], text);
                    }
                }
                long length = (long) resultLength.invokeExact(result);
                if (length == 0) {
                    return new Outcome(new byte[0], null);
                }
                if (length > Integer.MAX_VALUE - 8) {
                    return new Outcome(new byte[0], "the query result is " + length
                            + " bytes, more than a Java array holds; add a LIMIT or aggregate");
                }
                MemorySegment buffer = (MemorySegment) resultBuffer.invokeExact(result);
                return new Outcome(buffer.reinterpret(length).toArray(JAVA_BYTE), null);
            } finally {
                destroyResult.invokeExact(result);
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("calling chDB failed", e);
        }
    }

    private void disableChdbSignalHandlers() {
        guarded("chdb_set_signal_handlers_enabled", () -> {
            setSignalHandlersEnabled.invokeExact(0);
            return null;
        });
    }

    private <T> T guarded(String function, SignalDispositions.NativeCall<T> call) {
        List<Integer> restored = new ArrayList<>();
        try {
            return SignalDispositions.preserving(call, restored);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("calling " + function + " failed", e);
        } finally {
            if (!restored.isEmpty()) {
                log.debug("{} replaced the handlers of signals {}; the JVM's were put back", function, restored);
            }
        }
    }

    private static MethodHandle bind(SymbolLookup symbols, String name, FunctionDescriptor descriptor) {
        MemorySegment symbol = symbols.find(name).orElseThrow(() -> new io.learnstream.sinks.spi.ColumnStoreException(
                "the chDB library does not export " + name + "; it is not the chDB " + ChdbLibrary.VERSION + " C API"));
        return Linker.nativeLinker().downcallHandle(symbol, descriptor);
    }
}

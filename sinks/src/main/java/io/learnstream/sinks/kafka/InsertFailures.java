package io.learnstream.sinks.kafka;

import io.learnstream.sinks.spi.ColumnStore;
import io.learnstream.sinks.spi.ColumnStoreException;
import java.util.Set;

/**
 * Tells, for an insert ClickHouse refused, whether to wait and retry (the store is down, restarting or overloaded)
 * or whether the rows themselves are at fault and never will be written (a value the table refuses).
 *
 * <p>The rows are at fault only when the store answers a probe query at once and ClickHouse named an error of the
 * statement that is not one of load or availability: a refused value is refused again on every retry, while
 * {@code TOO_MANY_PARTS}, a timeout or a lost connection pass.
 */
final class InsertFailures {
    /** ClickHouse errors of load or availability: the same insert may pass later. */
    static final Set<String> TRANSIENT = Set.of("TOO_MANY_PARTS", "TIMEOUT_EXCEEDED", "MEMORY_LIMIT_EXCEEDED",
            "TOO_MANY_SIMULTANEOUS_QUERIES", "NETWORK_ERROR", "SOCKET_TIMEOUT", "ALL_CONNECTION_TRIES_FAILED", "READONLY",
            "TABLE_IS_READ_ONLY", "TABLE_IS_DROPPED", "ABORTED", "QUERY_WAS_CANCELLED", "KEEPER_EXCEPTION",
            "NOT_ENOUGH_SPACE", "CANNOT_ALLOCATE_MEMORY", "UNKNOWN_TABLE", "UNKNOWN_DATABASE", "SERVER_OVERLOADED");

    private final ColumnStore store;

    InsertFailures(ColumnStore store) {
        this.store = store;
    }

    /** True when {@code failure} is the rows' fault: retrying the same rows cannot succeed. */
    boolean rowsAtFault(ColumnStoreException failure) {
        if (failure.sql().isEmpty() || failure.errorCode().isEmpty()) return false; // the store failed, not a statement
        if (failure.errorName().map(TRANSIENT::contains).orElse(false)) return false;
        return storeAnswers();
    }

    private boolean storeAnswers() {
        try {
            store.query("SELECT 1");
            return true;
        } catch (ColumnStoreException e) {
            return false;
        }
    }
}

package io.learnstream.registry.store;

/** The store could not read or durably write a record. */
public class StoreException extends RuntimeException {
    private final boolean timedOut;

    public StoreException(String message, Throwable cause) {
        this(message, cause, false);
    }

    public StoreException(String message, Throwable cause, boolean timedOut) {
        super(message, cause);
        this.timedOut = timedOut;
    }

    /** True when the store gave no answer within its timeout (the write may still land). */
    public boolean timedOut() {
        return timedOut;
    }
}

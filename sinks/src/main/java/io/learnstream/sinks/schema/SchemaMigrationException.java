package io.learnstream.sinks.schema;

/** The schema could not be brought to the latest version: which version, which statement, and why. */
public final class SchemaMigrationException extends RuntimeException {
    public SchemaMigrationException(String message) {
        super(message);
    }

    public SchemaMigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}

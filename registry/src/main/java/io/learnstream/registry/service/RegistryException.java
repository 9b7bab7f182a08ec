package io.learnstream.registry.service;

import io.learnstream.schemas.registry.RegistryErrorCodes;

/**
 * A request the registry refuses, with what Confluent answers in that case: HTTP status, {@code error_code} and message.
 */
public final class RegistryException extends RuntimeException {
    private final int status;
    private final int errorCode;

    public RegistryException(int errorCode, String message) {
        this(RegistryErrorCodes.httpStatus(errorCode), errorCode, message, null);
    }

    public RegistryException(int status, int errorCode, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.errorCode = errorCode;
    }

    public int status() {
        return status;
    }

    public int errorCode() {
        return errorCode;
    }

    static RegistryException subjectNotFound(String subject) {
        return new RegistryException(RegistryErrorCodes.SUBJECT_NOT_FOUND, "Subject '" + subject + "' not found.");
    }

    static RegistryException versionNotFound(int version) {
        return new RegistryException(RegistryErrorCodes.VERSION_NOT_FOUND, "Version " + version + " not found.");
    }

    static RegistryException schemaNotFound(String which) {
        return new RegistryException(RegistryErrorCodes.SCHEMA_NOT_FOUND, which);
    }

    static RegistryException invalidSchema(String why) {
        return new RegistryException(RegistryErrorCodes.INVALID_SCHEMA, "Invalid schema: " + why);
    }

    static RegistryException invalidVersion(String version) {
        return new RegistryException(RegistryErrorCodes.INVALID_VERSION, "The specified version '" + version
                + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\"");
    }

    static RegistryException invalidCompatibilityLevel(String level) {
        return new RegistryException(RegistryErrorCodes.INVALID_COMPATIBILITY_LEVEL, "Invalid compatibility level '" + level
                + "'. Valid values are none, backward, forward, full, backward_transitive, forward_transitive, and full_transitive");
    }
}

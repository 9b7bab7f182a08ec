package io.learnstream.schemas.registry;

/**
 * The {@code error_code} values of Confluent's Schema Registry REST API, shared by our client and our server.
 * An error code is the HTTP status followed by two digits that say which thing went wrong.
 */
public final class RegistryErrorCodes {
    public static final int SUBJECT_NOT_FOUND = 40401;
    public static final int VERSION_NOT_FOUND = 40402;
    public static final int SCHEMA_NOT_FOUND = 40403;
    public static final int SUBJECT_SOFT_DELETED = 40404;
    public static final int SUBJECT_NOT_SOFT_DELETED = 40405;
    public static final int VERSION_SOFT_DELETED = 40406;
    public static final int VERSION_NOT_SOFT_DELETED = 40407;
    public static final int SUBJECT_COMPATIBILITY_NOT_CONFIGURED = 40408;
    public static final int INCOMPATIBLE_SCHEMA = 409;
    public static final int INVALID_SCHEMA = 42201;
    public static final int INVALID_VERSION = 42202;
    public static final int INVALID_COMPATIBILITY_LEVEL = 42203;
    public static final int STORE_ERROR = 50001;
    public static final int OPERATION_TIMEOUT = 50002;

    private RegistryErrorCodes() {}

    /** The HTTP status that goes with an error code: its first three digits (or the code itself when it has three). */
    public static int httpStatus(int errorCode) {
        return errorCode >= 10_000 ? errorCode / 100 : errorCode;
    }
}

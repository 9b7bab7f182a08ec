package io.learnstream.ingest.http;

/** Ends a request with an error answer; the server's exception handler writes {@link #error()} as the body. */
final class ApiException extends RuntimeException {
    private final ApiError error;

    ApiException(int status, String error, String message) {
        super(message);
        this.error = ApiError.of(status, error, message);
    }

    ApiError error() {
        return error;
    }
}

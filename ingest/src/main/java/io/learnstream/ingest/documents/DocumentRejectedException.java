package io.learnstream.ingest.documents;

/**
 * A document request the LRS refuses: its status (400, 409, 412, 413), a short error name and the reason in words,
 * answered as the front door answers every error.
 */
public final class DocumentRejectedException extends RuntimeException {
    private final int status;
    private final String error;

    public DocumentRejectedException(int status, String error, String message) {
        super(message);
        this.status = status;
        this.error = error;
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }
}

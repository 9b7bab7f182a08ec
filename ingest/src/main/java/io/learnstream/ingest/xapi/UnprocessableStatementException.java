package io.learnstream.ingest.xapi;

/**
 * A valid statement that analytics cannot use (for example an anonymous Group as actor). It is accepted by the
 * LRS contract but goes to the dead-letter topic with this reason instead of silently away.
 */
public final class UnprocessableStatementException extends Exception {
    public UnprocessableStatementException(String reason) {
        super(reason);
    }
}

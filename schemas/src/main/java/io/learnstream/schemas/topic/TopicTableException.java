package io.learnstream.schemas.topic;

/** A {@link TopicTable} could not open, read its topic, or complete a write; the message says which and why. */
public final class TopicTableException extends RuntimeException {
    public TopicTableException(String message) {
        super(message);
    }

    public TopicTableException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.learnstream.sinks.spi;

/** A delivery that did not go out, and whether trying again may help (a server down) or not (an address refused). */
public final class DeliveryException extends Exception {
    private final boolean retryable;

    public DeliveryException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public static DeliveryException retryable(String message, Throwable cause) {
        return new DeliveryException(message, true, cause);
    }

    public static DeliveryException permanent(String message, Throwable cause) {
        return new DeliveryException(message, false, cause);
    }

    public boolean retryable() {
        return retryable;
    }
}

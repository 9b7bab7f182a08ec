package io.learnstream.sinks.spi;

/**
 * One delivery channel for teachers' alerts (e-mail, a webhook): sends a {@link Delivery} to its address. The sender
 * retries what fails with {@link DeliveryException#retryable()} and dead-letters the rest, so an implementation sends
 * once per call and says which failures a retry may cure. A delivery may be sent again after a crash (at least once):
 * {@link Delivery#deliveryId()} is the idempotency key to pass on (a mail's Message-ID, a webhook header).
 */
public interface AlertNotifier {
    /** The channel's name, as teachers' preferences say it: {@code email}, {@code webhook}. */
    String channel();

    /**
     * @throws DeliveryException when the delivery did not go out
     */
    void send(Delivery delivery) throws DeliveryException;
}

package io.learnstream.sinks.delivery;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import io.learnstream.schemas.avro.AlertDelivery;
import io.learnstream.schemas.avro.DeadLetter;
import io.learnstream.schemas.topic.Topic;
import io.learnstream.sinks.kafka.TopicSink;
import io.learnstream.sinks.spi.AlertNotifier;
import io.learnstream.sinks.spi.Delivery;
import io.learnstream.sinks.spi.DeliveryException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what the delivery topology made due: reads {@code alert-deliveries}, hands each to its channel's
 * {@link AlertNotifier}, retries failures a retry may cure with exponential backoff ({@link DeliveryRetry}), and
 * dead-letters a delivery that failed for good or too often, with the reason. An offset is committed only after its
 * delivery went out or its dead letter was acknowledged: at least once (the delivery id tells a resend apart).
 * Meters: {@code learnstream.delivery.sent}, {@code .failed} (dead-lettered), {@code .retries}, each by channel.
 */
public final class DeliverySender implements Runnable, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DeliverySender.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final String SOURCE = "sinks.delivery";

    private final Topic<String, AlertDelivery> topic;
    private final Consumer<String, AlertDelivery> consumer;
    private final Map<String, AlertNotifier> notifiers = new HashMap<>();
    private final DeliveryRetry retry;
    private final Function<DeadLetter, CompletableFuture<?>> deadLetters;
    private final Clock clock;
    private final MeterRegistry meters;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final CountDownLatch stopped = new CountDownLatch(1);

    public DeliverySender(Topic<String, AlertDelivery> topic, Consumer<String, AlertDelivery> consumer, List<AlertNotifier> notifiers,
            DeliveryRetry retry, Function<DeadLetter, CompletableFuture<?>> deadLetters, Clock clock, MeterRegistry meters) {
        this.topic = topic;
        this.consumer = consumer;
        notifiers.forEach(notifier -> this.notifiers.put(notifier.channel(), notifier));
        this.retry = retry;
        this.deadLetters = deadLetters;
        this.clock = clock;
        this.meters = meters;
    }

    /** The consumer settings the sender needs: few records per poll, time for a delivery's retries between polls. */
    public static Map<String, Object> consumerSettings(String bootstrapServers, String groupId) {
        Map<String, Object> config = TopicSink.consumerSettings(bootstrapServers, groupId);
        config.put("max.poll.records", 10);
        config.put("max.poll.interval.ms", (int) Duration.ofMinutes(30).toMillis());
        return config;
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(topic.name()));
            while (running.get()) {
                ConsumerRecords<String, AlertDelivery> batch;
                try {
                    batch = consumer.poll(POLL);
                } catch (RecordDeserializationException e) {
                    skipUnreadable(e);
                    continue;
                }
                for (ConsumerRecord<String, AlertDelivery> record : batch) {
                    if (!running.get()) return; // not committed: sent again on restart
                    if (record.value() != null && !deliver(record.value())) return;
                    consumer.commitSync(Map.of(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1)));
                }
            }
        } catch (WakeupException e) {
            if (running.get()) throw e;
        } catch (RuntimeException e) {
            log.error("the alert delivery sender stopped on an error; it resumes from the last committed offset on restart", e);
            throw e;
        } finally {
            consumer.close(Duration.ofSeconds(5));
            stopped.countDown();
        }
    }

    /**
     * Sends one delivery, or dead-letters it. Returns false only when stopping cut its retries short: then it is
     * neither sent nor dead-lettered, and not committed.
     */
    boolean deliver(AlertDelivery record) {
        String channel = record.getChannel();
        AlertNotifier notifier = notifiers.get(channel);
        if (notifier == null) {
            deadLetter(record, "no notifier for channel '" + channel + "' is configured here (e-mail needs the SMTP settings)");
            return true;
        }
        Delivery delivery = DeliveryMessages.of(record);
        AtomicInteger attempts = new AtomicInteger();
        RetryPolicy<Object> policy = RetryPolicy.builder()
                .handleIf(failure -> failure instanceof DeliveryException e && e.retryable())
                .abortIf((result, failure) -> !running.get())
                .withBackoff(retry.firstBackoff(), retry.maxBackoff())
                .withMaxAttempts(retry.attempts())
                .onRetry(event -> counter("learnstream.delivery.retries", channel,
                        "delivery attempts that failed for now and were tried again").increment())
                .build();
        try {
            Failsafe.with(policy).run(() -> {
                attempts.incrementAndGet();
                notifier.send(delivery);
            });
            counter("learnstream.delivery.sent", channel, "deliveries that went out to a teacher").increment();
            return true;
        } catch (FailsafeException e) {
            if (!running.get()) return false;
            Throwable cause = e.getCause() == null ? e : e.getCause();
            deadLetter(record, "delivery " + record.getDeliveryId() + " by " + channel + " to teacher '" + record.getTeacherSourcedId()
                    + "' failed " + (attempts.get() == 1 ? "on its only attempt" : "after " + attempts.get() + " attempts") + ": "
                    + cause.getMessage());
            return true;
        }
    }

    private void deadLetter(AlertDelivery record, String reason) {
        log.warn("alert delivery dead-lettered: {}", reason);
        deadLetters.apply(DeadLetter.newBuilder()
                .setTenantId(record.getTenantId())
                .setSource(SOURCE)
                .setReason(reason)
                .setPayload(record.toString())
                .setReceivedTime(clock.instant())
                .build()).join();
        counter("learnstream.delivery.failed", record.getChannel(), "deliveries dead-lettered: failed for good or too often").increment();
    }

    private void skipUnreadable(RecordDeserializationException e) {
        deadLetters.apply(DeadLetter.newBuilder()
                .setSource(SOURCE)
                .setReason("unreadable record at " + e.topicPartition() + " offset " + e.offset() + ": " + e.getMessage())
                .setPayload("")
                .setReceivedTime(clock.instant())
                .build()).join();
        consumer.seek(e.topicPartition(), e.offset() + 1);
        consumer.commitSync(Map.of(e.topicPartition(), new OffsetAndMetadata(e.offset() + 1)));
    }

    private Counter counter(String name, String channel, String description) {
        return Counter.builder(name).tag("channel", channel).description(description).register(meters);
    }

    /** Deliveries that went out on a channel so far. */
    public long sent(String channel) {
        return (long) counter("learnstream.delivery.sent", channel, "deliveries that went out to a teacher").count();
    }

    /** Deliveries dead-lettered on a channel so far. */
    public long failed(String channel) {
        return (long) counter("learnstream.delivery.failed", channel, "deliveries dead-lettered: failed for good or too often").count();
    }

    @Override
    public void close() {
        running.set(false);
        consumer.wakeup();
        try {
            stopped.await(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

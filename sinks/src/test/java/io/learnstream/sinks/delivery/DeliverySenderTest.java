package io.learnstream.sinks.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnstream.schemas.avro.AlertDelivery;
import io.learnstream.schemas.avro.DeadLetter;
import io.learnstream.schemas.avro.DeliveredAlert;
import io.learnstream.schemas.avro.RiskReason;
import io.learnstream.schemas.registry.InMemorySchemaRegistryClient;
import io.learnstream.schemas.serde.AvroSerdes;
import io.learnstream.schemas.topic.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.internals.AutoOffsetResetStrategy;
import org.junit.jupiter.api.Test;

/** Retries with backoff, and the dead letter after the last attempt. */
class DeliverySenderTest {
    private static final DeliveryRetry THREE_QUICK = new DeliveryRetry(3, Duration.ofMillis(10), Duration.ofMillis(40));
    private final List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();

    @Test
    void shouldRetryAFailingWebhookAndSendOnceItAnswers() throws Exception {
        try (WebhookServer flaky = new WebhookServer(n -> n < 3 ? 502 : 200)) {
            DeliverySender sender = sender();

            assertThat(sender.deliver(delivery(flaky.url()))).isTrue();

            assertThat(flaky.requests).hasSize(3);
            assertThat(flaky.requests).extracting(r -> r.header(WebhookAlertNotifier.DELIVERY_HEADER)).containsOnly("d-1");
            assertThat(deadLetters).isEmpty();
            assertThat(sender.sent("webhook")).isEqualTo(1);
        }
    }

    @Test
    void shouldDeadLetterADeliveryThatFailedOnEveryAttempt() throws Exception {
        try (WebhookServer down = new WebhookServer(n -> 503)) {
            DeliverySender sender = sender();

            assertThat(sender.deliver(delivery(down.url()))).isTrue();

            assertThat(down.requests).hasSize(3);
            assertThat(deadLetters).hasSize(1);
            DeadLetter letter = deadLetters.getFirst();
            assertThat(letter.getSource()).isEqualTo("sinks.delivery");
            assertThat(letter.getTenantId()).isEqualTo("riverside");
            assertThat(letter.getReason()).isEqualTo("delivery d-1 by webhook to teacher 't-rivera' failed after 3 attempts: webhook "
                    + down.url() + " answered 503");
            assertThat(letter.getPayload()).contains("no activity for 9 days");
            assertThat(sender.failed("webhook")).isEqualTo(1);
        }
    }

    @Test
    void shouldNotRetryARefusal() throws Exception {
        try (WebhookServer gone = new WebhookServer(n -> 404)) {
            sender().deliver(delivery(gone.url()));

            assertThat(gone.requests).hasSize(1);
            assertThat(deadLetters).singleElement().extracting(DeadLetter::getReason).asString().contains("failed on its only attempt");
        }
    }

    @Test
    void shouldDeadLetterAChannelItHasNoNotifierFor() {
        AlertDelivery mail = AlertDelivery.newBuilder(delivery("rivera@riverside.example.org")).setChannel("email").build();

        sender().deliver(mail);

        assertThat(deadLetters).singleElement().extracting(DeadLetter::getReason)
                .isEqualTo("no notifier for channel 'email' is configured here (e-mail needs the SMTP settings)");
    }

    private DeliverySender sender() {
        Topics topics = Topics.create(AvroSerdes.create(new InMemorySchemaRegistryClient()));
        WebhookAlertNotifier webhook = new WebhookAlertNotifier(HttpClient.newHttpClient(), (tenant, teacher) -> Optional.of("s3cret"),
                Duration.ofSeconds(5));
        return new DeliverySender(topics.alertDeliveries(), new MockConsumer<>(AutoOffsetResetStrategy.EARLIEST.name()), List.of(webhook),
                THREE_QUICK, letter -> {
                    deadLetters.add(letter);
                    return CompletableFuture.completedFuture(null);
                }, Clock.systemUTC(), new SimpleMeterRegistry());
    }

    private static AlertDelivery delivery(String address) {
        return AlertDelivery.newBuilder().setDeliveryId("d-1").setTenantId("riverside").setTeacherSourcedId("t-rivera")
                .setChannel("webhook").setAddress(address).setDigest(false).setDueTime(Deliveries.DUE)
                .setAlerts(List.of(DeliveredAlert.newBuilder().setAlertId("riverside/northside-math-6-2/ann/silence/1789412400000")
                        .setClassId("northside-math-6-2").setStudentKey("ann").setFactor("silence")
                        .setText("Risk 82% of failing or withdrawing: no activity for 9 days.")
                        .setReasons(List.of(new RiskReason("silence", "no activity for 9 days", 9.0, 1.2)))
                        .setProbability(0.82).setRaisedTime(Deliveries.DUE).setLink("http://localhost:8090/classes/northside-math-6-2/students/ann")
                        .build()))
                .build();
    }
}

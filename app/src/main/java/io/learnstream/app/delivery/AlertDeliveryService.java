package io.learnstream.app.delivery;

import io.learnstream.app.pipeline.Shutdown;
import io.learnstream.schemas.avro.DeadLetter;
import io.learnstream.schemas.avro.TeacherDeliveryPreference;
import io.learnstream.schemas.serde.AvroSerdes;
import io.learnstream.schemas.topic.TopicTable;
import io.learnstream.schemas.topic.TopicTableConfig;
import io.learnstream.schemas.topic.Topics;
import io.learnstream.sinks.delivery.DeliverySender;
import io.learnstream.sinks.delivery.SmtpAlertNotifier;
import io.learnstream.sinks.delivery.WebhookAlertNotifier;
import io.learnstream.sinks.spi.AlertNotifier;
import io.learnstream.streams.delivery.DeliveryMetrics;
import io.learnstream.streams.delivery.DeliveryTopology;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alert delivery on a Kafka cluster: the delivery topology (application {@value #APPLICATION_ID}) that makes alerts
 * due to teachers, and the sender (group {@value #SENDER_GROUP}) that sends them by e-mail or webhook. Closing stops
 * the sender, then the topology.
 */
public final class AlertDeliveryService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AlertDeliveryService.class);
    public static final String APPLICATION_ID = "learnstream-delivery";
    public static final String SENDER_GROUP = "learnstream-alert-delivery";

    private final DeliveryMetrics metrics;
    private final DeliverySender sender;
    private final KafkaStreams streams;
    private final Deque<AutoCloseable> closeables;

    private AlertDeliveryService(DeliveryMetrics metrics, DeliverySender sender, KafkaStreams streams, Deque<AutoCloseable> closeables) {
        this.metrics = metrics;
        this.sender = sender;
        this.streams = streams;
        this.closeables = closeables;
    }

    /**
     * @param streamsProperties the settings of the pipeline's Streams applications, for {@value #APPLICATION_ID}
     * @param deadLetters where undeliverable deliveries go, with the reason
     */
    public static AlertDeliveryService start(String bootstrapServers, Properties streamsProperties, Topics topics, AvroSerdes serdes,
            DeliveryConfig config, Function<DeadLetter, CompletableFuture<?>> deadLetters, MeterRegistry meters) {
        Deque<AutoCloseable> started = new ArrayDeque<>();
        try {
            DeliveryMetrics metrics = new DeliveryMetrics(meters);
            KafkaStreams streams = new KafkaStreams(DeliveryTopology.build(topics, serdes, config.schedule(), metrics), streamsProperties);
            started.push(() -> streams.close(Duration.ofSeconds(30)));
            streams.setUncaughtExceptionHandler(error -> {
                log.error("the delivery topology stopped on an error", error);
                return org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
            });
            // the webhook secrets, read where they are used rather than copied into every delivery
            TopicTable<String, TeacherDeliveryPreference> preferences = TopicTable.open(topics.teacherDeliveryPreferences(),
                    TopicTableConfig.of(bootstrapServers).withClientId(SENDER_GROUP));
            started.push(preferences);
            List<AlertNotifier> notifiers = new ArrayList<>();
            config.smtp().ifPresent(smtp -> notifiers.add(new SmtpAlertNotifier(smtp)));
            notifiers.add(new WebhookAlertNotifier(HttpClient.newBuilder().connectTimeout(config.webhookTimeout()).build(),
                    (tenant, teacher) -> preferences.get(Topics.tenantScopedKey(tenant, teacher)).map(TeacherDeliveryPreference::getWebhookSecret),
                    config.webhookTimeout()));
            DeliverySender sender = new DeliverySender(topics.alertDeliveries(),
                    new KafkaConsumer<>(DeliverySender.consumerSettings(bootstrapServers, SENDER_GROUP),
                            topics.alertDeliveries().keySerde().deserializer(), topics.alertDeliveries().valueSerde().deserializer()),
                    notifiers, config.retry(), deadLetters, Clock.systemUTC(), meters);
            Thread thread = Thread.ofPlatform().name(SENDER_GROUP).start(sender);
            started.push(() -> {
                sender.close();
                thread.join(Duration.ofSeconds(15));
            });
            streams.start();
            return new AlertDeliveryService(metrics, sender, streams, started);
        } catch (RuntimeException | Error e) {
            Shutdown.inReverseOrder(started);
            throw e;
        }
    }

    /** The topology's counts (queued, released, withdrawn, pending). */
    public DeliveryMetrics metrics() {
        return metrics;
    }

    /** The sender's counts (sent, dead-lettered by channel). */
    public DeliverySender sender() {
        return sender;
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    @Override
    public void close() {
        Shutdown.inReverseOrder(closeables);
    }
}

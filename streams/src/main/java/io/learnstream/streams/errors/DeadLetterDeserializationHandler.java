package io.learnstream.streams.errors;

import io.learnstream.schemas.avro.DeadLetter;
import io.learnstream.schemas.registry.RestSchemaRegistryClient;
import io.learnstream.schemas.registry.SchemaRegistryClientConfig;
import io.learnstream.schemas.serde.AvroSerdes;
import io.learnstream.schemas.topic.Topics;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record the topology cannot read goes to the dead-letter topic with the reason and its bytes, and
 * processing goes on. If even the dead-letter write fails, processing stops: nothing is dropped silently.
 * Configured through the Streams properties ({@code bootstrap.servers}, {@link SchemaRegistryClientConfig#URL}).
 *
 * <p>Streams never closes its handlers, so the producer lives only while a dead letter is being sent: they are
 * rare, and a producer kept open would outlive the Streams instance.
 */
public final class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);

    private Map<String, Object> producerConfig;
    private Topics topics;

    @Override
    public void configure(Map<String, ?> configs) {
        Map<String, String> strings = new HashMap<>();
        configs.forEach((k, v) -> strings.put(k, String.valueOf(v)));
        AvroSerdes serdes = AvroSerdes.create(new RestSchemaRegistryClient(SchemaRegistryClientConfig.from(strings)));
        topics = Topics.create(serdes);
        producerConfig = new HashMap<>();
        producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, configs.get(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG));
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.CLIENT_ID_CONFIG, "learnstream-streams-dead-letters");
    }

    @Override
    public DeserializationHandlerResponse handle(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
            Exception exception) {
        DeadLetter letter = DeadLetter.newBuilder()
                .setSource("streams." + context.processorNodeId())
                .setReason(context.topic() + "-" + context.partition() + "@" + context.offset() + " could not be read: "
                        + exception.getMessage())
                .setPayload("base64:" + Base64.getEncoder().encodeToString(record.value() == null ? new byte[0] : record.value()))
                .setReceivedTime(Instant.now())
                .build();
        String topic = topics.deadLetters().name();
        try (var producer = new KafkaProducer<>(producerConfig, new StringSerializer(), topics.deadLetters().valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(topic, null, letter)).get(30, TimeUnit.SECONDS);
            log.warn("unreadable record {}-{}@{} sent to {}: {}", context.topic(), context.partition(), context.offset(), topic,
                    exception.getMessage());
            return DeserializationHandlerResponse.CONTINUE;
        } catch (Exception e) {
            log.error("could not dead-letter unreadable record {}-{}@{}; stopping", context.topic(), context.partition(),
                    context.offset(), e);
            return DeserializationHandlerResponse.FAIL;
        }
    }
}

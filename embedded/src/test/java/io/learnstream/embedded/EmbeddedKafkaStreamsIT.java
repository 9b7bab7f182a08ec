package io.learnstream.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kafka Streams with exactly-once (transactions, changelog and internal topics) runs on the embedded broker. */
class EmbeddedKafkaStreamsIT {

    @TempDir
    Path tmp;

    @Test
    void anExactlyOnceCountingTopologyRuns() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(tmp.resolve("kafka"))) {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("clicks", 2, (short) 1), new NewTopic("clicks-per-learner", 2, (short) 1)))
                        .all().get();
            }

            StreamsBuilder builder = new StreamsBuilder();
            builder.stream("clicks", Consumed.with(Serdes.String(), Serdes.String()))
                    .groupByKey()
                    .count()
                    .toStream()
                    .to("clicks-per-learner", Produced.with(Serdes.String(), Serdes.Long()));
            Properties config = new Properties();
            config.put(StreamsConfig.APPLICATION_ID_CONFIG, "embedded-eos-it");
            config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
            config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
            config.put(StreamsConfig.STATE_DIR_CONFIG, tmp.resolve("streams-state").toString());
            config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
            config.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);

            try (KafkaStreams streams = new KafkaStreams(builder.build(), config)) {
                streams.start();
                await().atMost(Duration.ofSeconds(60)).until(() -> streams.state() == KafkaStreams.State.RUNNING);

                try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                        new StringSerializer(), new StringSerializer())) {
                    for (String learner : List.of("alice", "bob", "alice", "alice", "bob", "carol")) {
                        producer.send(new ProducerRecord<>("clicks", learner, "click")).get();
                    }
                }

                Properties consumerConfig = new Properties();
                consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
                consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, "eos-it-reader");
                consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
                consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
                Map<String, Long> latest = new HashMap<>();
                try (KafkaConsumer<String, Long> consumer =
                             new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new LongDeserializer())) {
                    consumer.subscribe(Set.of("clicks-per-learner"));
                    await().atMost(Duration.ofSeconds(60)).until(() -> {
                        consumer.poll(Duration.ofMillis(200)).forEach(r -> latest.put(r.key(), r.value()));
                        return Map.of("alice", 3L, "bob", 2L, "carol", 1L).equals(latest);
                    });
                }
                assertThat(latest).containsExactlyInAnyOrderEntriesOf(Map.of("alice", 3L, "bob", 2L, "carol", 1L));
            }
        }
    }
}

package io.learnstream.app.dashboard.live;

import io.learnstream.schemas.avro.RiskScore;
import io.learnstream.schemas.topic.Topic;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The risk scores published from now on, handed to a listener as they arrive: a consumer of every partition of the
 * risk-scores topic from its end (no group; what was published before is in ClickHouse), on a thread of its own.
 */
public final class RiskScoreFeed implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RiskScoreFeed.class);

    private final KafkaConsumer<String, RiskScore> consumer;
    private final Thread thread;
    private volatile boolean stopping;

    private RiskScoreFeed(KafkaConsumer<String, RiskScore> consumer, Consumer<RiskScore> listener) {
        this.consumer = consumer;
        this.thread = Thread.ofPlatform().daemon().name("learnstream-dashboard-risk-feed").unstarted(() -> run(listener));
    }

    public static RiskScoreFeed start(Topic<String, RiskScore> topic, String bootstrapServers, Consumer<RiskScore> listener) {
        KafkaConsumer<String, RiskScore> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, "learnstream-dashboard-risk-feed",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                topic.keySerde().deserializer(), topic.valueSerde().deserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic.name(), Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // fix the start now: what is published after start() returns is seen
        RiskScoreFeed feed = new RiskScoreFeed(consumer, listener);
        feed.thread.start();
        return feed;
    }

    private void run(Consumer<RiskScore> listener) {
        try {
            while (!stopping) {
                for (ConsumerRecord<String, RiskScore> record : consumer.poll(Duration.ofSeconds(1))) {
                    if (record.value() == null) continue;
                    try {
                        listener.accept(record.value());
                    } catch (RuntimeException e) {
                        log.warn("a live risk update failed; the page shows it on its next load", e);
                    }
                }
            }
        } catch (WakeupException e) {
            if (!stopping) throw e;
        } catch (RuntimeException e) {
            log.error("the dashboard's risk feed stopped; pages still load, without live risk updates", e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    @Override
    public void close() {
        stopping = true;
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package io.learnstream.app.stack;

import io.learnstream.app.pipeline.Pipeline;
import io.learnstream.app.pipeline.PipelineConfig;
import io.learnstream.app.pipeline.Shutdown;
import io.learnstream.embedded.EmbeddedKafka;
import io.learnstream.embedded.EmbeddedKafkaConfig;
import io.learnstream.registry.RegistryConfig;
import io.learnstream.registry.SchemaRegistryServer;
import io.learnstream.sinks.spi.ColumnStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Everything in one process, nothing to install: the real Kafka broker (KRaft), the Confluent-compatible
 * schema registry on it, ClickHouse through chDB, and the pipeline over them. All data lives under the data
 * directory and survives a restart.
 */
public final class EmbeddedStack implements AutoCloseable {
    /** Streams commits (and so refreshes its output) this often in the embedded stack. */
    static final Duration COMMIT_INTERVAL = Duration.ofSeconds(1);

    private final EmbeddedKafka kafka;
    private final SchemaRegistryServer registry;
    private final ColumnStore store;
    private final Pipeline pipeline;
    private final Deque<AutoCloseable> closeables;

    private EmbeddedStack(EmbeddedKafka kafka, SchemaRegistryServer registry, ColumnStore store, Pipeline pipeline,
            Deque<AutoCloseable> closeables) {
        this.kafka = kafka;
        this.registry = registry;
        this.store = store;
        this.pipeline = pipeline;
        this.closeables = closeables;
    }

    public static EmbeddedStack start(EmbeddedStackConfig config, MeterRegistry meters) {
        Deque<AutoCloseable> started = new ArrayDeque<>();
        try {
            EmbeddedKafka kafka = EmbeddedKafka.start(new EmbeddedKafkaConfig(config.kafkaDir(), config.kafkaPort(), config.partitions()));
            started.push(kafka);
            SchemaRegistryServer registry = SchemaRegistryServer.start(
                    RegistryConfig.onKafka(kafka.bootstrapServers()).withPort(config.registryPort()), meters);
            started.push(registry);
            ColumnStore store = ColumnStores.embedded(config.clickhouseDir(), config.chdbLibrary());
            started.push(store);
            Pipeline pipeline = Pipeline.start(new PipelineConfig(kafka.bootstrapServers(), registry.url(), config.streamsDir(),
                            config.partitions(), COMMIT_INTERVAL, config.ingest(), config.secretsDir(), config.parts())
                            .withDashboard(config.dashboard()),
                    store, meters);
            started.push(pipeline);
            return new EmbeddedStack(kafka, registry, store, pipeline, started);
        } catch (RuntimeException | Error e) {
            Shutdown.inReverseOrder(started);
            throw e;
        }
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public URI registryUrl() {
        return registry.url();
    }

    public String ingestUrl() {
        return pipeline.ingestUrl();
    }

    public Pipeline pipeline() {
        return pipeline;
    }

    public ColumnStore store() {
        return store;
    }

    @Override
    public void close() {
        Shutdown.inReverseOrder(closeables);
    }
}

package io.learnstream.registry;

import io.javalin.Javalin;
import io.learnstream.registry.http.RegistryRoutes;
import io.learnstream.registry.service.SchemaRegistryService;
import io.learnstream.registry.store.KafkaSchemaStore;
import io.learnstream.registry.store.KafkaStoreConfig;
import io.learnstream.registry.store.SchemaStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Confluent-compatible schema registry (AVRO schemas) over HTTP: Confluent's clients and serdes can use it
 * unchanged. Start it with {@link #start(RegistryConfig, MeterRegistry)} to keep its records in a compacted Kafka
 * topic, and {@link #close()} it when done.
 */
public final class SchemaRegistryServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SchemaRegistryServer.class);

    private final Javalin http;
    private final SchemaStore store;
    private final URI url;

    private SchemaRegistryServer(Javalin http, SchemaStore store, URI url) {
        this.http = http;
        this.store = store;
        this.url = url;
    }

    /**
     * Starts on the Kafka store of {@code config}: creates its topic if missing, reads it to the end, then listens.
     *
     * @throws IllegalArgumentException when {@code config} has no Kafka store
     * @throws io.learnstream.registry.store.StoreException when the topic cannot be prepared or read in time
     */
    public static SchemaRegistryServer start(RegistryConfig config, MeterRegistry meters) {
        KafkaStoreConfig kafka = config.kafkaStore().orElseThrow(() -> new IllegalArgumentException(
                RegistryConfig.BOOTSTRAP_SERVERS + " is required to start the registry on Kafka"));
        KafkaSchemaStore store = KafkaSchemaStore.open(kafka);
        try {
            return start(config, store, meters);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** Starts on {@code store}, which the server then owns and closes. */
    public static SchemaRegistryServer start(RegistryConfig config, SchemaStore store, MeterRegistry meters) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(meters, "meters");
        SchemaRegistryService service = SchemaRegistryService.start(store, config.defaultCompatibility(), meters);
        Javalin http = RegistryRoutes.create(service, meters).start(config.host(), config.port());
        URI url = URI.create("http://" + urlHost(config.host()) + ":" + http.port());
        log.info("schema registry listening on {} with records in {}", url, store.describe());
        return new SchemaRegistryServer(http, store, url);
    }

    /** The base URL to give clients, e.g. {@code http://127.0.0.1:40123}. */
    public URI url() {
        return url;
    }

    /** The port it listens on. */
    public int port() {
        return http.port();
    }

    /** Stops listening, then closes the store. */
    @Override
    public void close() {
        try {
            http.stop();
        } finally {
            store.close();
            log.info("schema registry on {} stopped", url);
        }
    }

    @Override
    public String toString() {
        return "SchemaRegistryServer[" + url + ", " + store.describe() + "]";
    }

    private static String urlHost(String host) {
        if ("0.0.0.0".equals(host) || "::".equals(host)) return "127.0.0.1";
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}

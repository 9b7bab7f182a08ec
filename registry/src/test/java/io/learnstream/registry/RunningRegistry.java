package io.learnstream.registry;

import io.learnstream.registry.store.InMemorySchemaStore;
import io.learnstream.registry.store.SchemaStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** A registry server on an in-memory store with plain HTTP to it, for one test. */
public final class RunningRegistry implements AutoCloseable {
    public final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    public final SchemaRegistryServer server;
    public final RegistryHttp http;

    public RunningRegistry() {
        this(new InMemorySchemaStore());
    }

    public RunningRegistry(SchemaStore store) {
        server = SchemaRegistryServer.start(RegistryConfig.withoutKafka(), store, meters);
        http = new RegistryHttp(server.url());
    }

    @Override
    public void close() {
        http.close();
        server.close();
    }
}

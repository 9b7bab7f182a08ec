package io.learnstream.app.stack;

import io.learnstream.app.dashboard.DashboardConfig;
import java.nio.file.Path;
import io.learnstream.app.pipeline.Part;
import io.learnstream.ingest.IngestConfig;
import io.learnstream.ingest.xapi.XapiVersion;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.Optional;

/**
 * The embedded stack's settings.
 *
 * @param dataDir everything it stores lives under here: {@code kafka/}, {@code clickhouse/}, {@code streams/}, {@code secrets/}
 * @param httpPort the xAPI endpoint's port (0 = any free port)
 * @param kafkaPort the broker's port (0 = any free port)
 * @param registryPort the schema registry's port (0 = any free port)
 * @param partitions partitions of learnstream's topics when first created
 * @param chdbLibrary libchdb.so to load; empty = the pinned version in the cache
 * @param parts what runs besides the LRS front door (all of it, but for the benchmark of the front door)
 * @param dashboard the teacher dashboard's address (any free port unless given)
 * @param xapiDefaultVersion what the LRS answers a request without a version header with ({@link IngestConfig#DEFAULT_XAPI_VERSION} unless given)
 */
public record EmbeddedStackConfig(Path dataDir, int httpPort, int kafkaPort, int registryPort, int partitions,
        Optional<Path> chdbLibrary, Set<Part> parts, DashboardConfig dashboard, XapiVersion xapiDefaultVersion) {
    public EmbeddedStackConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        for (int port : new int[] {httpPort, kafkaPort, registryPort}) {
            if (port < 0 || port > 65_535) throw new IllegalArgumentException("ports must be 0..65535, got " + port);
        }
        if (partitions < 1 || partitions > 1_000) throw new IllegalArgumentException("partitions must be 1..1000, got " + partitions);
        Objects.requireNonNull(dashboard, "dashboard");
        Objects.requireNonNull(xapiDefaultVersion, "xapiDefaultVersion");
        dataDir = dataDir.toAbsolutePath().normalize();
    }

    public EmbeddedStackConfig(Path dataDir, int httpPort, int kafkaPort, int registryPort, int partitions,
            Optional<Path> chdbLibrary, Set<Part> parts, DashboardConfig dashboard) {
        this(dataDir, httpPort, kafkaPort, registryPort, partitions, chdbLibrary, parts, dashboard, IngestConfig.DEFAULT_XAPI_VERSION);
    }

    public EmbeddedStackConfig(Path dataDir, int httpPort, int kafkaPort, int registryPort, int partitions,
            Optional<Path> chdbLibrary, Set<Part> parts) {
        this(dataDir, httpPort, kafkaPort, registryPort, partitions, chdbLibrary, parts, DashboardConfig.defaults());
    }

    public EmbeddedStackConfig withDashboard(DashboardConfig other) {
        return new EmbeddedStackConfig(dataDir, httpPort, kafkaPort, registryPort, partitions, chdbLibrary, parts, other, xapiDefaultVersion);
    }

    public EmbeddedStackConfig withXapiDefaultVersion(XapiVersion version) {
        return new EmbeddedStackConfig(dataDir, httpPort, kafkaPort, registryPort, partitions, chdbLibrary, parts, dashboard, version);
    }

    /** The LRS front door's settings on {@link #httpPort()}. */
    public IngestConfig ingest() {
        return IngestConfig.defaults().withPort(httpPort).withDefaultXapiVersion(xapiDefaultVersion);
    }

    public EmbeddedStackConfig(Path dataDir, int httpPort, int kafkaPort, int registryPort, int partitions, Optional<Path> chdbLibrary) {
        this(dataDir, httpPort, kafkaPort, registryPort, partitions, chdbLibrary, EnumSet.allOf(Part.class));
    }

    /** Only the LRS front door on the embedded broker, registry and ClickHouse: no archive sink, no analytics. */
    public EmbeddedStackConfig frontDoorOnly() {
        return new EmbeddedStackConfig(dataDir, httpPort, kafkaPort, registryPort, partitions, chdbLibrary, Set.of(), dashboard, xapiDefaultVersion);
    }

    public Path kafkaDir() {
        return dataDir.resolve("kafka");
    }

    public Path clickhouseDir() {
        return dataDir.resolve("clickhouse");
    }

    public Path streamsDir() {
        return dataDir.resolve("streams");
    }

    public Path secretsDir() {
        return dataDir.resolve("secrets");
    }

    public Path simulatorDir() {
        return dataDir.resolve("simulator");
    }
}

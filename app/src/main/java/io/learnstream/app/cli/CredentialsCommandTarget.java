package io.learnstream.app.cli;

import io.learnstream.app.stack.EmbeddedStackConfig;
import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** The Kafka that {@code learnstream credentials} works on. */
sealed interface CredentialsCommandTarget {
    /** Kafka and a schema registry someone runs (a server deployment, or a running demo's embedded ones). */
    record Servers(String bootstrapServers, URI registryUrl) implements CredentialsCommandTarget {
        public Servers {
            Objects.requireNonNull(bootstrapServers, "bootstrapServers");
            Objects.requireNonNull(registryUrl, "registryUrl");
        }
    }

    /** The embedded broker on a data directory, laid out like the embedded stack's ({@code <dataDir>/kafka}). */
    record Embedded(Path dataDir) implements CredentialsCommandTarget {
        /** Partitions of topics the broker creates without a count; the embedded stack's default. */
        static final int DEFAULT_PARTITIONS = 3;

        public Embedded {
            dataDir = Objects.requireNonNull(dataDir, "dataDir").toAbsolutePath().normalize();
        }

        EmbeddedStackConfig stackConfig() {
            return new EmbeddedStackConfig(dataDir, 0, 0, 0, DEFAULT_PARTITIONS, Optional.empty());
        }
    }
}

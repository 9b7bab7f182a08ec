package io.learnstream.app.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Where {@code learnstream credentials} finds the districts and credentials topics: a Kafka cluster and schema
 * registry given by address (server mode, or a running demo), or the embedded broker on the data directory.
 */
public final class CredentialsCommandOptions {
    @Option(names = "--bootstrap-servers",
            description = "Kafka bootstrap servers, e.g. kafka-1:9092 or the broker address a running demo printed (default: the embedded broker on --data-dir)")
    String bootstrapServers;

    @Option(names = "--registry-url",
            description = "Confluent-compatible schema registry; required with --bootstrap-servers (default: an embedded registry on the embedded broker)")
    URI registryUrl;

    @Option(names = "--data-dir", defaultValue = "var",
            description = "data directory of the embedded stack, used when --bootstrap-servers is not given (default: ${DEFAULT-VALUE})")
    Path dataDir;

    /** Which Kafka to use, validated: both addresses or neither. */
    CredentialsCommandTarget target() {
        Optional<String> bootstrap = Optional.ofNullable(bootstrapServers).map(String::trim).filter(s -> !s.isEmpty());
        if (bootstrap.isPresent() && registryUrl == null) {
            throw new IllegalArgumentException("--registry-url is required with --bootstrap-servers (the schema registry the"
                    + " pipeline on that Kafka uses; a running demo prints it)");
        }
        if (bootstrap.isEmpty() && registryUrl != null) {
            throw new IllegalArgumentException("--registry-url needs --bootstrap-servers; without them, the embedded broker on"
                    + " --data-dir and a registry on it are used");
        }
        if (registryUrl != null && !("http".equals(registryUrl.getScheme()) || "https".equals(registryUrl.getScheme()))) {
            throw new IllegalArgumentException("--registry-url must be an http(s) URL, got '" + registryUrl + "'");
        }
        return bootstrap.<CredentialsCommandTarget>map(b -> new CredentialsCommandTarget.Servers(b, registryUrl))
                .orElseGet(() -> new CredentialsCommandTarget.Embedded(dataDir));
    }
}

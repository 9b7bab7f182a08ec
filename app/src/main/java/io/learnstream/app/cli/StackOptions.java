package io.learnstream.app.cli;

import io.learnstream.app.stack.EmbeddedStackConfig;
import io.learnstream.ingest.xapi.XapiVersion;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Options shared by the commands that run the embedded stack. */
public final class StackOptions {
    @Option(names = "--data-dir", defaultValue = "var", description = "where Kafka, ClickHouse and state live (default: ${DEFAULT-VALUE})")
    Path dataDir;

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port of the xAPI endpoint (default: ${DEFAULT-VALUE}; 0 = any free port)")
    int httpPort;

    @Option(names = "--kafka-port", defaultValue = "0", description = "port of the embedded Kafka broker (default: any free port)")
    int kafkaPort;

    @Option(names = "--registry-port", defaultValue = "0", description = "port of the embedded schema registry (default: any free port)")
    int registryPort;

    @Option(names = "--partitions", defaultValue = "3", description = "partitions of learnstream's topics when first created (default: ${DEFAULT-VALUE})")
    int partitions;

    @Option(names = "--chdb-lib", defaultValue = "${env:LEARNSTREAM_CHDB_LIB}",
            description = "path of libchdb.so (default: $LEARNSTREAM_CHDB_LIB, else the pinned version in the cache)")
    Path chdbLibrary;

    @Option(names = "--xapi-default-version", defaultValue = "2.0.0", description = "the xAPI version (1.0.3 or 2.0.0) a"
            + " request without an X-Experience-API-Version header is answered with (default: ${DEFAULT-VALUE}, the current version)")
    String xapiDefaultVersion;

    public EmbeddedStackConfig toConfig() {
        XapiVersion defaultVersion = XapiVersion.ofSetting("--xapi-default-version", xapiDefaultVersion);
        return new EmbeddedStackConfig(dataDir, httpPort, kafkaPort, registryPort, partitions, Optional.ofNullable(chdbLibrary))
                .withXapiDefaultVersion(defaultVersion);
    }
}

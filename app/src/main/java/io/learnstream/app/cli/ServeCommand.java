package io.learnstream.app.cli;

import io.learnstream.app.dashboard.DashboardConfig;
import io.learnstream.app.dashboard.oidc.OidcConfigFile;
import io.learnstream.app.dashboard.oidc.OidcDistrict;
import io.learnstream.app.pipeline.Pipeline;
import io.learnstream.app.pipeline.Part;
import io.learnstream.app.pipeline.PipelineConfig;
import java.util.EnumSet;
import io.learnstream.app.stack.ColumnStores;
import io.learnstream.ingest.IngestConfig;
import io.learnstream.sinks.spi.ColumnStore;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import io.learnstream.app.delivery.DeliveryConfig;
import io.learnstream.sinks.delivery.SmtpSettings;
import io.learnstream.streams.delivery.DeliveryOptions;
import picocli.CommandLine.Command;
import io.learnstream.sinks.retention.RetentionPolicy;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code learnstream serve}: the pipeline on servers someone else runs (Kafka, a schema registry, ClickHouse). */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the pipeline (xAPI endpoint, Streams, ClickHouse sink) on an external Kafka cluster, a Confluent-compatible schema registry and a ClickHouse server.")
public final class ServeCommand implements Callable<Integer> {
    @Option(names = "--bootstrap-servers", required = true, description = "Kafka bootstrap servers, e.g. kafka-1:9092,kafka-2:9092")
    String bootstrapServers;

    @Option(names = "--registry-url", required = true, description = "Confluent-compatible schema registry, e.g. http://registry:8081")
    URI registryUrl;

    @Option(names = "--clickhouse-url", required = true, description = "ClickHouse JDBC URL, e.g. jdbc:clickhouse://clickhouse:8123/default")
    String clickhouseUrl;

    @Option(names = "--clickhouse-user", defaultValue = "default", description = "ClickHouse user (default: ${DEFAULT-VALUE})")
    String clickhouseUser;

    @Option(names = "--clickhouse-password", defaultValue = "${env:LEARNSTREAM_CLICKHOUSE_PASSWORD}",
            description = "ClickHouse password (default: $LEARNSTREAM_CLICKHOUSE_PASSWORD)")
    String clickhousePassword;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "interface of the xAPI endpoint (default: ${DEFAULT-VALUE})")
    String host;

    @Option(names = "--port", defaultValue = "8080", description = "port of the xAPI endpoint (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--public-url", description = "the address tools reach this LRS at, e.g. https://lrs.riverside.k12.example"
            + " behind a proxy; it names the LRS in the authority set on statements (default: http://<host>:<port>)")
    String publicUrl;

    @Option(names = "--xapi-default-version", defaultValue = "2.0.0", description = "the xAPI version (1.0.3 or 2.0.0) a"
            + " request without an X-Experience-API-Version header is answered with (default: ${DEFAULT-VALUE}, the current version)")
    String xapiDefaultVersion;

    @Option(names = "--data-dir", defaultValue = "var", description = "local state: Streams stores, pseudonym secrets, logs (default: ${DEFAULT-VALUE})")
    Path dataDir;

    @Option(names = "--partitions", defaultValue = "6", description = "partitions of learnstream's topics when this creates them (default: ${DEFAULT-VALUE})")
    int partitions;

    @Option(names = "--dashboard-port", defaultValue = "" + DashboardConfig.DEFAULT_PORT,
            description = "port of the teacher dashboard, on --host (default: ${DEFAULT-VALUE})")
    int dashboardPort;

    @Option(names = "--dashboard-url", description = "the address teachers reach the dashboard at (alerts link to it), e.g."
            + " https://dashboard.riverside.k12.example behind a proxy (default: http://<host>:<dashboard port>)")
    URI dashboardUrl;

    @Option(names = "--dashboard-oidc", converter = OidcFileConverter.class, description = "a properties file of the districts whose"
            + " staff sign in to the dashboard with their district's OpenID Connect provider (<district>.issuer, .client-id,"
            + " .client-secret, ...; default: none)")
    List<OidcDistrict> dashboardOidc = List.of();

    @Option(names = "--no-analytics", description = "run the LRS tier only (xAPI/Caliper in, archive, reads); the Streams analytics run on other instances")
    boolean noAnalytics;

    @Option(names = "--smtp-host", description = "the SMTP server alert e-mail goes through (none: e-mail deliveries are dead-lettered)")
    String smtpHost;

    @Option(names = "--smtp-port", defaultValue = "587", description = "its port (default: ${DEFAULT-VALUE}, with STARTTLS)")
    int smtpPort;

    @Option(names = "--smtp-user", description = "the SMTP login, with --smtp-password-file")
    String smtpUser;

    @Option(names = "--smtp-password-file", description = "a file holding the SMTP login's password")
    Path smtpPasswordFile;

    @Option(names = "--mail-from", defaultValue = "learnstream@localhost", description = "the alert mail's sender address (default: ${DEFAULT-VALUE})")
    String mailFrom;

    @Option(names = "--retention", defaultValue = "", converter = RetentionConverter.class,
            description = "how long each district's statements and attachments are kept, e.g. riverside=P2Y,lakeside=P180D,*=P5Y"
                    + " (ISO-8601 periods, * every other district; default: without limit)")
    RetentionPolicy retention;

    /** {@code --dashboard-oidc}'s file read once here (a wrong line is named in picocli's usage error). */
    static final class OidcFileConverter implements CommandLine.ITypeConverter<List<OidcDistrict>> {
        @Override
        public List<OidcDistrict> convert(String value) {
            return OidcConfigFile.read(Path.of(value));
        }
    }

    /** {@code --retention}'s text as the policy, checked once here (a wrong entry is named in picocli's usage error). */
    static final class RetentionConverter implements CommandLine.ITypeConverter<RetentionPolicy> {
        @Override
        public RetentionPolicy convert(String value) {
            return RetentionPolicy.parse(value);
        }
    }

    /** Alert delivery's settings from the options: the SMTP server, if any, and the dashboard's address (links in alerts). */
    DeliveryConfig deliveryConfig() throws java.io.IOException {
        URI links = dashboardUrl != null ? dashboardUrl
                : URI.create("http://" + ("0.0.0.0".equals(host) ? "localhost" : host) + ":" + dashboardPort);
        DeliveryConfig delivery = DeliveryConfig.defaults().withSchedule(DeliveryOptions.defaults().withDashboardBaseUrl(links));
        if (smtpHost == null) return delivery;
        SmtpSettings smtp = new SmtpSettings(smtpHost, smtpPort, java.util.Optional.empty(), java.util.Optional.empty(), mailFrom,
                smtpPort == 587, Duration.ofSeconds(10));
        if (smtpUser != null || smtpPasswordFile != null) {
            if (smtpUser == null || smtpPasswordFile == null) throw new IllegalArgumentException("--smtp-user and --smtp-password-file go together");
            smtp = smtp.withLogin(smtpUser, java.nio.file.Files.readString(smtpPasswordFile).strip());
        }
        return delivery.withSmtp(smtp);
    }

    /** The front door's settings from the options. */
    IngestConfig ingestConfig() {
        Map<String, String> settings = new HashMap<>(Map.of(IngestConfig.HOST, host, IngestConfig.PORT, Integer.toString(port)));
        if (publicUrl != null) settings.put(IngestConfig.PUBLIC_URL, publicUrl);
        settings.put(IngestConfig.DEFAULT_XAPI_VERSION_KEY, xapiDefaultVersion);
        return IngestConfig.from(settings);
    }

    /** The dashboard's settings from the options. */
    DashboardConfig dashboardConfig() {
        DashboardConfig dashboard = DashboardConfig.defaults().withHost(host).withPort(dashboardPort).withOidc(dashboardOidc);
        return dashboardUrl == null ? dashboard : dashboard.withPublicUrl(dashboardUrl);
    }

    @Override
    public Integer call() throws Exception {
        System.setProperty("learnstream.log.dir", dataDir.resolve("logs").toString());
        PipelineConfig config = new PipelineConfig(bootstrapServers, registryUrl, dataDir.resolve("streams"), partitions,
                Duration.ofSeconds(1), ingestConfig(), dataDir.resolve("secrets"),
                noAnalytics ? EnumSet.of(Part.ARCHIVE) : EnumSet.allOf(Part.class)).withDelivery(deliveryConfig())
                .withDashboard(dashboardConfig()).withRetention(retention);
        // the stop signal is released last: on Ctrl-C the JVM halts as soon as it is, so everything must be closed by then
        try (StopSignal stop = new StopSignal(Duration.ofSeconds(60))) {
            try (ColumnStore store = ColumnStores.server(clickhouseUrl, clickhouseUser, clickhousePassword == null ? "" : clickhousePassword);
                    Pipeline pipeline = Pipeline.start(config, store, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))) {
                System.out.printf("learnstream: serving xAPI on %s/xAPI/statements (Kafka %s, registry %s, %s); Ctrl-C stops%n",
                        pipeline.ingestUrl(), bootstrapServers, registryUrl, store.describe());
                pipeline.dashboard().ifPresent(dashboard -> System.out.printf("learnstream: teacher dashboard on %s%n", dashboard.baseUrl()));
                stop.awaitStop(Duration.ofDays(365_000));
                System.out.println("learnstream: stopping...");
            }
            System.out.println("learnstream: stopped cleanly.");
        }
        return 0;
    }
}

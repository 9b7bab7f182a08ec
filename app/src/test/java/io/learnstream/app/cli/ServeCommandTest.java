package io.learnstream.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.learnstream.ingest.xapi.XapiVersion;
import org.junit.jupiter.api.Test;
import io.learnstream.sinks.retention.RetentionPolicy;
import picocli.CommandLine;

class ServeCommandTest {
    private static final String[] SERVERS = {"--bootstrap-servers", "kafka:9092", "--registry-url", "http://registry:8081",
            "--clickhouse-url", "jdbc:clickhouse://clickhouse:8123/default"};

    private static ServeCommand parse(String... more) {
        ServeCommand serve = new ServeCommand();
        String[] args = new String[SERVERS.length + more.length];
        System.arraycopy(SERVERS, 0, args, 0, SERVERS.length);
        System.arraycopy(more, 0, args, SERVERS.length, more.length);
        new CommandLine(serve).parseArgs(args);
        return serve;
    }

    @Test
    void shouldNameTheLrsInTheAuthorityByItsPublicUrlBehindAProxy() {
        ServeCommand serve = parse("--host", "0.0.0.0", "--port", "8080", "--public-url", "https://lrs.riverside.example/");

        assertThat(serve.ingestConfig().authorityHomePage()).isEqualTo("https://lrs.riverside.example/credentials");
        assertThat(serve.ingestConfig().port()).isEqualTo(8080);
    }

    @Test
    void shouldNameItByHostAndPortWithoutOne() {
        assertThat(parse("--port", "9000").ingestConfig().authorityHomePage()).isEqualTo("http://127.0.0.1:9000/credentials");
    }

    @Test
    void shouldRefuseAPublicUrlThatIsNotHttp() {
        assertThatThrownBy(() -> parse("--public-url", "lrs.riverside.example").ingestConfig())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ingest.public.url must be an http(s) URL");
    }

    @Test
    void shouldKeepEachDistrictsArchiveAsLongAsRetentionSays() {
        assertThat(parse("--retention", "riverside=P2Y,*=P5Y").retention).isEqualTo(RetentionPolicy.parse("riverside=P2Y,*=P5Y"));
        assertThat(parse().retention).isEqualTo(RetentionPolicy.keepForever());
    }

    @Test
    void shouldRefuseARetentionThatIsNotAPeriodNamingTheEntry() {
        assertThatThrownBy(() -> parse("--retention", "riverside=2y"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("--retention")
                .hasMessageContaining("retention entry 1 ('riverside=2y'): '2y' is not an ISO-8601 period");
    }

    @Test
    void shouldAnswerRequestsWithoutAVersionHeaderAsTheCurrentXapi2_0_0UnlessTold() {
        assertThat(parse().ingestConfig().defaultXapiVersion()).isEqualTo(XapiVersion.V2_0_0);
        assertThat(parse("--xapi-default-version", "1.0.3").ingestConfig().defaultXapiVersion()).isEqualTo(XapiVersion.V1_0_3);
    }

    @Test
    void shouldRefuseADefaultXapiVersionItDoesNotSpeak() {
        assertThatThrownBy(() -> parse("--xapi-default-version", "1.0").ingestConfig())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ingest.xapi.default.version must be one of [1.0.3, 2.0.0], got '1.0'");
    }

    @Test
    void shouldGiveTheDemosEmbeddedLrsTheDefaultXapiVersionOfItsOption() {
        DemoCommand demo = new DemoCommand();
        new CommandLine(demo).parseArgs("--xapi-default-version", "1.0.3");
        DemoCommand byDefault = new DemoCommand();
        new CommandLine(byDefault).parseArgs();

        assertThat(demo.stack.toConfig().ingest().defaultXapiVersion()).isEqualTo(XapiVersion.V1_0_3);
        assertThat(byDefault.stack.toConfig().ingest().defaultXapiVersion()).isEqualTo(XapiVersion.V2_0_0);
        assertThatThrownBy(() -> {
            DemoCommand wrong = new DemoCommand();
            new CommandLine(wrong).parseArgs("--xapi-default-version", "2.0");
            wrong.stack.toConfig();
        }).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--xapi-default-version must be one of [1.0.3, 2.0.0], got '2.0'");
    }
}

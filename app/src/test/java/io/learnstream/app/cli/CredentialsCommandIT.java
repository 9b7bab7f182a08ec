package io.learnstream.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.learnstream.app.Main;
import io.learnstream.embedded.EmbeddedKafka;
import io.learnstream.ingest.auth.AuthenticationException;
import io.learnstream.ingest.auth.Principal;
import io.learnstream.ingest.auth.Scope;
import io.learnstream.ingest.auth.TenantDirectory;
import io.learnstream.registry.RegistryConfig;
import io.learnstream.registry.SchemaRegistryServer;
import io.learnstream.schemas.registry.RestSchemaRegistryClient;
import io.learnstream.schemas.registry.SchemaRegistryClientConfig;
import io.learnstream.schemas.serde.AvroSerdes;
import io.learnstream.schemas.topic.TopicTableConfig;
import io.learnstream.schemas.topic.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code learnstream credentials} end to end, on the embedded broker of a data directory. */
class CredentialsCommandIT {
    private static final Pattern KEY = Pattern.compile("(?m)^ {2}key {5}(ls_[A-Za-z0-9]{16})$");
    private static final Pattern SECRET = Pattern.compile("(?m)^ {2}secret {2}([A-Za-z0-9]{32,})$");

    @TempDir
    Path dataDir;

    private record Result(int exitCode, String out, String err) {}

    @Test
    void issuesListsAndRevokesACredentialThatAuthenticatesUntilRevoked() throws Exception {
        Result add = run("credentials", "add", "--data-dir", dataDir.toString(), "--district", "riverside", "--tool", "moodle",
                "--scopes", "statements/write,statements/read", "--district-name", "Riverside USD");

        assertThat(add.exitCode()).as(add.err()).isZero();
        String key = group(KEY, add.out());
        String secret = group(SECRET, add.out());
        assertThat(add.out())
                .contains("created district 'riverside' (Riverside USD)")
                .contains("Issued a credential to tool 'moodle' of district 'riverside'")
                .contains("shown only this once")
                .contains("curl -s -u '" + key + ":" + secret + "' -X POST http://127.0.0.1:8080/xAPI/statements");
        assertThat(authenticate(key, secret))
                .isEqualTo(new Principal("riverside", "moodle", key, Set.of(Scope.STATEMENTS_WRITE, Scope.STATEMENTS_READ)));

        Result list = run("credentials", "list", "--data-dir", dataDir.toString());
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out()).doesNotContain(secret);
        assertThat(row(list.out(), key)).containsExactly(key, "riverside", "moodle", "statements/write,statements/read", createdOf(list.out(), key), "-");

        Result revoke = run("credentials", "revoke", "--data-dir", dataDir.toString(), key);
        assertThat(revoke.exitCode()).as(revoke.err()).isZero();
        assertThat(revoke.out()).contains("Revoked credential " + key + " of tool 'moodle' of district 'riverside'");

        Result afterRevoke = run("credentials", "list", "--data-dir", dataDir.toString(), "--district", "riverside");
        assertThat(afterRevoke.exitCode()).as(afterRevoke.err()).isZero();
        assertThat(row(afterRevoke.out(), key).get(5)).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
        assertThatThrownBy(() -> authenticate(key, secret))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.reason()).isEqualTo(AuthenticationException.Reason.REVOKED));
    }

    @Test
    void addsToAnExistingDistrictWithoutCreatingItAgain() {
        assertThat(run("credentials", "add", "--data-dir", dataDir.toString(), "--district", "riverside", "--tool", "moodle").exitCode()).isZero();

        Result second = run("credentials", "add", "--data-dir", dataDir.toString(), "--district", "riverside", "--tool", "quiz-app",
                "--district-name", "Ignored Name");

        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.out()).doesNotContain("created district").contains("district 'riverside' (riverside)");
    }

    @Test
    void worksOnARunningBrokerAndRegistryGivenByAddress() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir.resolve("kafka"));
                SchemaRegistryServer registry = SchemaRegistryServer.start(RegistryConfig.onKafka(kafka.bootstrapServers()), new SimpleMeterRegistry())) {
            String[] where = {"--bootstrap-servers", kafka.bootstrapServers(), "--registry-url", registry.url().toString()};

            Result add = run(concat(new String[] {"credentials", "add", "--district", "hillcrest", "--tool", "moodle"}, where));
            assertThat(add.exitCode()).as(add.err()).isZero();
            Result list = run(concat(new String[] {"credentials", "list"}, where));

            assertThat(list.out()).contains(group(KEY, add.out())).contains("hillcrest");
        }
    }

    @Test
    void refusesADataDirectoryInUseByARunningDemoAndSaysToPassItsBrokerAddress() {
        try (EmbeddedKafka running = EmbeddedKafka.start(dataDir.resolve("kafka"))) {
            Result add = run("credentials", "add", "--data-dir", dataDir.toString(), "--district", "riverside", "--tool", "moodle");

            assertThat(add.exitCode()).isEqualTo(1);
            assertThat(add.err()).contains("is in use by a running learnstream")
                    .contains("--bootstrap-servers <the Kafka broker address the demo printed>")
                    .contains("--registry-url");
            assertThat(add.out()).doesNotContain("secret");
        }
    }

    @Test
    void refusesInvalidOptionsBeforeStartingABroker() {
        Result badDistrict = run("credentials", "add", "--data-dir", dataDir.toString(), "--district", "River Side", "--tool", "moodle");
        Result badScope = run("credentials", "add", "--data-dir", dataDir.toString(), "--district", "riverside", "--tool", "moodle",
                "--scopes", "statements/delete");

        assertThat(badDistrict.exitCode()).isEqualTo(2);
        assertThat(badDistrict.err()).contains("district id 'River Side' is not valid");
        assertThat(badScope.exitCode()).isEqualTo(2);
        assertThat(badScope.err()).contains("unknown scope 'statements/delete'; known scopes are statements/write, statements/read, state, profile, all");
        assertThat(Files.exists(dataDir.resolve("kafka"))).isFalse();
    }

    @Test
    void refusesARegistryWithoutABrokerAndABrokerWithoutARegistry() {
        Result registryOnly = run("credentials", "list", "--registry-url", "http://127.0.0.1:1");
        Result brokerOnly = run("credentials", "list", "--bootstrap-servers", "127.0.0.1:1");

        assertThat(registryOnly.exitCode()).isEqualTo(1);
        assertThat(registryOnly.err()).contains("--registry-url needs --bootstrap-servers");
        assertThat(brokerOnly.exitCode()).isEqualTo(1);
        assertThat(brokerOnly.err()).contains("--registry-url is required with --bootstrap-servers");
    }

    @Test
    void refusesToRevokeAnUnknownKey() {
        Result revoke = run("credentials", "revoke", "--data-dir", dataDir.toString(), "ls_doesnotexist00000");

        assertThat(revoke.exitCode()).isEqualTo(1);
        assertThat(revoke.err()).contains("no credential has the key 'ls_doesnotexist00000'");
    }

    /** Authenticates as the LRS would, on the data directory's broker (the command has released it). */
    private Principal authenticate(String key, String secret) throws AuthenticationException {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir.resolve("kafka"));
                SchemaRegistryServer registry = SchemaRegistryServer.start(RegistryConfig.onKafka(kafka.bootstrapServers()), new SimpleMeterRegistry());
                TenantDirectory directory = TenantDirectory.open(TopicTableConfig.of(kafka.bootstrapServers()),
                        Topics.create(AvroSerdes.create(new RestSchemaRegistryClient(SchemaRegistryClientConfig.of(registry.url())))),
                        new SimpleMeterRegistry())) {
            String header = "Basic " + Base64.getEncoder().encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8));
            return directory.authenticator().authenticate(header);
        }
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new Main());
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        int exitCode = command.execute(args);
        return new Result(exitCode, out.toString(), err.toString());
    }

    private static String group(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).as("'%s' in:%n%s", pattern, text).isTrue();
        return matcher.group(1);
    }

    /** The cells of the table row that starts with {@code key}. */
    private static List<String> row(String table, String key) {
        for (String line : table.lines().toList()) {
            List<String> cells = new ArrayList<>();
            for (String cell : line.split("\\|")) cells.add(cell.strip());
            if (!cells.isEmpty() && cells.getFirst().equals(key)) return cells;
        }
        throw new AssertionError("no row for " + key + " in:\n" + table);
    }

    private static String createdOf(String table, String key) {
        String created = row(table, key).get(4);
        assertThat(created).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
        return created;
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = new String[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}

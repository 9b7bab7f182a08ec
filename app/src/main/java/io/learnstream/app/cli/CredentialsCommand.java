package io.learnstream.app.cli;

import io.learnstream.embedded.EmbeddedKafkaException;
import io.learnstream.ingest.auth.CredentialInfo;
import io.learnstream.ingest.auth.CredentialRegistry;
import io.learnstream.ingest.auth.DistrictInfo;
import io.learnstream.ingest.auth.IssuedCredential;
import io.learnstream.ingest.auth.Scope;
import io.learnstream.ingest.auth.TenantDirectory;
import io.learnstream.ingest.auth.TenantId;
import io.learnstream.registry.store.StoreException;
import io.learnstream.schemas.topic.TopicTableException;
import io.learnstream.sinks.spi.QueryResult;
import io.learnstream.sinks.sql.TextTable;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code learnstream credentials}: issue, list and revoke the LRS credentials (HTTP Basic key and secret) of the tools
 * of a district. Works on the embedded broker of the data directory, or on a Kafka cluster and schema registry by address.
 */
@Command(name = "credentials", mixinStandardHelpOptions = true,
        description = "Issue, list and revoke the LRS credentials (HTTP Basic key and secret) of the tools of a district.",
        subcommands = {CredentialsCommand.Add.class, CredentialsCommand.ListCredentials.class, CredentialsCommand.Revoke.class})
public final class CredentialsCommand implements Runnable {
    private static final String SAMPLE_STATEMENT = "{\"actor\":{\"mbox\":\"mailto:ann@example.org\"},"
            + "\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/experienced\"},\"object\":{\"id\":\"https://lms.example.org/pages/7\"}}";

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code credentials add}: a new key and secret for a tool of a district, the district created when new. */
    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Issue a credential to a tool of a district and print its key and secret (once). Creates the district if it is new.")
    public static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        CredentialsCommandOptions where;

        @Option(names = "--district", required = true, description = "district id, e.g. riverside (a-z, 0-9, _ and -)")
        String district;

        @Option(names = "--tool", required = true, description = "the tool that will use it, e.g. moodle or quiz-app")
        String tool;

        @Option(names = "--scopes", defaultValue = "statements/write",
                description = "comma-separated scopes: statements/write, statements/read, all (default: ${DEFAULT-VALUE})")
        String scopes;

        @Option(names = "--district-name", description = "display name of the district when it is created (default: its id)")
        String districtName;

        @Option(names = "--lrs-url", defaultValue = "http://127.0.0.1:8080",
                description = "base URL of the xAPI endpoint, for the sample curl line (default: ${DEFAULT-VALUE})")
        URI lrsUrl;

        @Override
        public Integer call() {
            Set<Scope> granted = validated(spec, district, tool, scopes);
            return execute(spec, where, (directory, out) -> {
                Optional<DistrictInfo> existing = directory.districts().find(district);
                DistrictInfo info = directory.districts().createIfAbsent(district, districtName);
                if (existing.isEmpty()) {
                    out.printf("learnstream: created district '%s' (%s)%n", info.tenantId(), info.name());
                }
                IssuedCredential issued = directory.credentials().add(district, tool, granted);
                printIssued(out, info, issued, lrsUrl);
                return 0;
            });
        }
    }

    /** {@code credentials list}: the credentials, never their secrets. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the credentials (never their secrets).")
    public static final class ListCredentials implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        CredentialsCommandOptions where;

        @Option(names = "--district", description = "only this district's credentials")
        String district;

        @Override
        public Integer call() {
            return execute(spec, where, (directory, out) -> {
                List<CredentialInfo> credentials;
                if (district == null) {
                    credentials = directory.credentials().list();
                } else {
                    if (!directory.districts().exists(district)) throw new IllegalArgumentException("there is no district '" + district + "'");
                    credentials = directory.credentials().list(district);
                }
                out.print(TextTable.render(table(credentials)));
                return 0;
            });
        }
    }

    /** {@code credentials revoke KEY}: requests with the credential are refused from now on. */
    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a credential: requests with it are refused from now on.")
    public static final class Revoke implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        CredentialsCommandOptions where;

        @Parameters(index = "0", paramLabel = "KEY", description = "the credential's key, e.g. ls_AbCdEfGhIjKlMnOp")
        String key;

        @Override
        public Integer call() {
            return execute(spec, where, (directory, out) -> {
                boolean wasRevoked = directory.credentials().find(key).map(CredentialInfo::isRevoked).orElse(false);
                CredentialInfo revoked = directory.credentials().revoke(key);
                out.printf("%s credential %s of tool '%s' of district '%s' at %s; requests with it are refused.%n",
                        wasRevoked ? "Already revoked:" : "Revoked", revoked.key(), revoked.tool(), revoked.tenantId(),
                        timestamp(revoked.revoked().orElseThrow()));
                return 0;
            });
        }
    }

    /** What a subcommand does with the districts and credentials. */
    @FunctionalInterface
    interface Action {
        int run(TenantDirectory directory, PrintWriter out);
    }

    /** Opens the districts and credentials where {@code where} says, runs {@code action}, closes them; errors become a message and exit code 1. */
    static int execute(CommandSpec spec, CredentialsCommandOptions where, Action action) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            CredentialsCommandTarget target = where.target();
            System.setProperty("learnstream.log.dir", where.dataDir.resolve("logs").toString());
            try (CredentialsCommandSession session = CredentialsCommandSession.open(target, new SimpleMeterRegistry())) {
                return action.run(session.directory(), out);
            }
        } catch (IllegalArgumentException | IllegalStateException | NoSuchElementException | TopicTableException
                | EmbeddedKafkaException | StoreException | KafkaException e) {
            err.println("learnstream credentials " + spec.name() + ": " + e.getMessage());
            return 1;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** Checks the options that need no Kafka, so typos fail before a broker starts. */
    static Set<Scope> validated(CommandSpec spec, String district, String tool, String scopes) {
        try {
            TenantId.requireValid(district);
            if (!CredentialRegistry.TOOL.matcher(tool).matches()) {
                throw new IllegalArgumentException("--tool '" + tool + "' is not valid: use 1 to 63 characters a-z, 0-9, '.', '_' and '-',"
                        + " starting with a letter or digit (e.g. moodle or quiz-app)");
            }
            return Scope.parseList(scopes);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    static void printIssued(PrintWriter out, DistrictInfo district, IssuedCredential issued, URI lrsUrl) {
        CredentialInfo credential = issued.credential();
        out.printf("Issued a credential to tool '%s' of district '%s' (%s), scopes %s:%n%n", credential.tool(), district.tenantId(),
                district.name(), scopeNames(credential.scopes()));
        out.printf("  key     %s%n", issued.key());
        out.printf("  secret  %s%n%n", issued.secret());
        out.println("The secret is shown only this once: learnstream keeps only its hash. Enter both in the tool's LRS settings");
        out.println("(HTTP Basic auth: the key is the user name, the secret the password).");
        out.println();
        out.println("Try it:");
        out.printf("  curl -s -u '%s:%s' -X POST %s/xAPI/statements -H 'Content-Type: application/json' -H 'X-Experience-API-Version: 1.0.3' -d '%s'%n",
                issued.key(), issued.secret(), stripTrailingSlash(lrsUrl.toString()), SAMPLE_STATEMENT);
    }

    static QueryResult table(List<CredentialInfo> credentials) {
        List<String> columns = List.of("key", "district", "tool", "scopes", "created", "revoked");
        List<List<String>> rows = new ArrayList<>();
        for (CredentialInfo c : credentials) {
            rows.add(List.of(c.key(), c.tenantId(), c.tool(), scopeNames(c.scopes()), timestamp(c.created()),
                    c.revoked().map(CredentialsCommand::timestamp).orElse("-")));
        }
        return new QueryResult(columns, Collections.nCopies(columns.size(), "String"), rows);
    }

    private static String scopeNames(Set<Scope> scopes) {
        return scopes.stream().sorted().map(Scope::wireName).collect(Collectors.joining(","));
    }

    private static String timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}

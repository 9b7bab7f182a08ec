package io.learnstream.app.cli;

import io.learnstream.app.roster.RosterChangeSet;
import io.learnstream.app.roster.RosterExportReader;
import io.learnstream.app.roster.RosterPublisher;
import io.learnstream.app.roster.TopicKeys;
import io.learnstream.schemas.avro.RosterImport;
import io.learnstream.schemas.avro.RosterImportFile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code learnstream roster}: a district's roster (schools, terms, classes, users, enrollments, line items) from its SIS. */
@Command(name = "roster", mixinStandardHelpOptions = true,
        description = "The roster of a district, from its SIS's OneRoster 1.2 CSV export.",
        subcommands = RosterCommand.Import.class)
public final class RosterCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code roster import}: a OneRoster CSV export directory into the compacted roster topics. */
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import a OneRoster 1.2 CSV export (a directory with manifest.csv, orgs.csv, academicSessions.csv, courses.csv,"
                    + " classes.csv, users.csv, enrollments.csv, lineItems.csv and optionally roles.csv). Every file is checked first;"
                    + " then all records are written, and last a marker of the completed import.")
    public static final class Import implements Callable<Integer> {
        /** How long reading a roster topic's current keys (for a bulk file's removals) may take. */
        private static final Duration READ_KEYS_TIMEOUT = Duration.ofMinutes(1);

        @Spec
        CommandSpec spec;

        @Mixin
        CredentialsCommandOptions where;

        @Option(names = "--district", required = true, description = "the district the roster belongs to")
        String district;

        @Parameters(index = "0", paramLabel = "DIR", description = "the export directory")
        Path dir;

        @Override
        public Integer call() throws Exception {
            RosterChangeSet changes = RosterExportReader.read(dir, district, Instant.now());
            try (CredentialsCommandSession session = CredentialsCommandSession.open(where.target(), new SimpleMeterRegistry())) {
                session.requireDistrict(district);
                session.ensureTopics();
                RosterPublisher publisher = new RosterPublisher(session.topics(), session.publisher(), (topic, tenant) ->
                        TopicKeys.of(session.bootstrapServers(), CredentialsCommandSession.CLIENT_ID, topic.name(), tenant, READ_KEYS_TIMEOUT));
                RosterImport marker = publisher.publish(changes, dir.toString());
                PrintWriter out = spec.commandLine().getOut();
                out.printf("imported the roster of district '%s' from %s:%n", district, dir);
                for (RosterImportFile file : marker.getFiles()) {
                    out.printf("  %-17s %-5s %,8d applied %,8d deleted%n", file.getKind(), file.getMode(), file.getApplied(), file.getDeleted());
                }
                if (marker.getFiles().isEmpty()) out.println("  nothing: the manifest gives every file as absent");
            }
            return 0;
        }
    }
}

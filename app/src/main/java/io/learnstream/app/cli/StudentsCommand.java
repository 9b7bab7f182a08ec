package io.learnstream.app.cli;

import io.learnstream.app.privacy.ErasureReport;
import io.learnstream.app.privacy.LocalStreamsStatePlace;
import io.learnstream.app.privacy.StudentDataPlace;
import io.learnstream.app.privacy.StudentErasure;
import io.learnstream.app.stack.ColumnStores;
import io.learnstream.ingest.identity.PseudonymKey;
import io.learnstream.sinks.spi.ColumnStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code learnstream students}: what learnstream keeps of a district's students. */
@Command(name = "students", mixinStandardHelpOptions = true,
        description = "A district's students: erase one everywhere learnstream keeps them.",
        subcommands = StudentsCommand.Erase.class)
public final class StudentsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code students erase}: removes one student from the archive, the analytics tables and the compacted topics. */
    @Command(name = "erase", mixinStandardHelpOptions = true,
            description = {"Erase one student: the statements naming them (actor or object agent) and the attachment data only they sent,"
                    + " their rows in every analytics table (engagement, mastery, risk, alerts, alert feedback), and tombstones for their"
                    + " keys in the compacted topics and the stream processors' changelogs. Prints what it removed, per place.",
                    "Run it with the pipeline stopped: a running pipeline's state stores would write a later update of the student back."})
    public static final class Erase implements Callable<Integer> {
        private static final Duration READ_TIMEOUT = Duration.ofMinutes(2);

        @Spec
        CommandSpec spec;

        @Mixin
        CredentialsCommandOptions where;

        @Option(names = "--district", required = true, description = "the student's district")
        String district;

        @Option(names = "--student", required = true, paramLabel = "ID",
                description = "the student: a roster user's sourcedId or SIS identifier/username, an e-mail address, or an xAPI actor"
                        + " identifier (mbox:mailto:<address>, account:<homePage>|<name>, openid:<uri>, mbox_sha1sum:<hex>)")
        String student;

        @Option(names = "--clickhouse-url", description = "the ClickHouse server of the pipeline, e.g. jdbc:clickhouse://localhost:8123/default"
                + " (default: the embedded ClickHouse of --data-dir)")
        String clickhouseUrl;

        @Option(names = "--clickhouse-user", defaultValue = "default", description = "ClickHouse server user (default: ${DEFAULT-VALUE})")
        String user;

        @Option(names = "--clickhouse-password", defaultValue = "${env:LEARNSTREAM_CLICKHOUSE_PASSWORD}",
                description = "ClickHouse server password (default: $LEARNSTREAM_CLICKHOUSE_PASSWORD)")
        String password;

        @Option(names = "--chdb-lib", defaultValue = "${env:LEARNSTREAM_CHDB_LIB}", description = "path of libchdb.so (default: $LEARNSTREAM_CHDB_LIB, else the cache)")
        Path chdbLibrary;

        @Override
        public Integer call() {
            try (CredentialsCommandSession session = CredentialsCommandSession.open(where.target(), new SimpleMeterRegistry());
                    ColumnStore store = clickhouseUrl != null
                            ? ColumnStores.server(clickhouseUrl, user, password == null ? "" : password)
                            : ColumnStores.embeddedExisting(where.dataDir.resolve("clickhouse"), Optional.ofNullable(chdbLibrary))) {
                PseudonymKey key = session.directory().districts().pseudonymKey(district).orElseThrow(() -> new IllegalArgumentException(
                        CredentialsCommandSession.unknownDistrict(district)));
                session.ensureTopics();
                // a stopped embedded stack's stores still hold the student: removed, they are rebuilt from the tombstoned changelogs
                List<StudentDataPlace> local = where.target() instanceof CredentialsCommandTarget.Embedded embedded
                        ? List.of(new LocalStreamsStatePlace(embedded.stackConfig().streamsDir())) : List.of();
                ErasureReport report = StudentErasure.run(session.bootstrapServers(), CredentialsCommandSession.CLIENT_ID, session.topics(),
                        store, district, student, key, READ_TIMEOUT, local);
                PrintWriter out = spec.commandLine().getOut();
                out.print(report.render());
                out.flush();
            }
            return 0;
        }
    }
}

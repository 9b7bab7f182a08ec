package io.learnstream.app.cli;

import io.learnstream.app.replay.ReplayDistrict;
import io.learnstream.app.replay.assistments.AssistmentsData;
import io.learnstream.app.replay.assistments.AssistmentsFile;
import io.learnstream.app.replay.assistments.AssistmentsReplay;
import io.learnstream.app.replay.assistments.AssistmentsRow;
import io.learnstream.app.replay.oulad.OuladData;
import io.learnstream.app.replay.oulad.OuladReplay;
import io.learnstream.app.simulate.Credentials;
import io.learnstream.app.stack.EmbeddedStack;
import io.learnstream.app.stack.EmbeddedStackConfig;
import io.learnstream.ingest.auth.TenantId;
import io.learnstream.sinks.sql.TextTable;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code learnstream replay}: historical data sent through the whole pipeline as the tools of a district would send it. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Send historical data through the LRS front door and the whole pipeline on the embedded stack, as a district's tools would.",
        subcommands = {ReplayCommand.Assistments.class, ReplayCommand.Oulad.class})
public final class ReplayCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code replay assistments}: an ASSISTments-shaped directory as a quiz tool's answer statements. */
    @Command(name = "assistments", mixinStandardHelpOptions = true,
            description = "Replay an ASSISTments-shaped directory (train.tsv[.gz], test.tsv[.gz]: user_id, item_id, timestamp, correct, skill_id;"
                    + " rows in answer order per user) as xAPI statements of a quiz tool: one actor per user, the item as object, the skill"
                    + " as a category activity, answer k of each user at minute k of the event clock. Waits until every answer is in"
                    + " mastery_predictions.")
    public static final class Assistments implements Callable<Integer> {
        @Mixin
        StackOptions stack;

        @Option(names = "--data", required = true, description = "the directory")
        java.nio.file.Path data;

        @Option(names = "--files", split = ",", defaultValue = "train,test", description = "which files, in this order (default: ${DEFAULT-VALUE})")
        List<String> files;

        @Option(names = "--district", defaultValue = "assistments", description = "the district the statements belong to (created if new; default: ${DEFAULT-VALUE})")
        String district;

        @Option(names = "--rate", description = "statements per second at most (default: as fast as the front door takes them)")
        Double rate;

        private final PrintStream out = System.out;

        @Override
        public Integer call() throws Exception {
            if (!TenantId.isValid(district)) throw new IllegalArgumentException("--district '" + district + "': must match " + TenantId.PATTERN);
            AssistmentsData dir = new AssistmentsData(data);
            for (String name : files) dir.file(name); // every file there before the stack starts
            EmbeddedStackConfig config = stack.toConfig();
            System.setProperty("learnstream.log.dir", config.dataDir().resolve("logs").toString());
            out.printf("learnstream: starting the embedded stack (data in %s)...%n", config.dataDir());
            try (EmbeddedStack embedded = EmbeddedStack.start(config, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))) {
                Credentials credential = ReplayDistrict.ensure(embedded.pipeline().directory(), district, "ASSISTments replay");
                out.printf("  xAPI endpoint %s/xAPI/statements, district '%s'%n", embedded.ingestUrl(), district);
                AssistmentsReplay replay = new AssistmentsReplay(embedded.pipeline(), district, credential, Optional.ofNullable(rate), out);
                for (String name : files) {
                    List<AssistmentsRow> rows = AssistmentsFile.read(dir.file(name));
                    out.printf(Locale.ROOT, "%s: %,d answers read from %s%n", name, rows.size(), dir.file(name));
                    replay.replay(name, rows);
                }
                out.println("mastery of district '" + district + "' (query more with ./learnstream sql, see sinks/README.md):");
                out.print(TextTable.render(embedded.store().query("SELECT count() AS answers, uniqExact(student_key) AS students,"
                        + " round(avg(correct), 3) AS correct_rate FROM mastery_predictions WHERE tenant_id = '" + district + "'")));
                out.print(TextTable.render(embedded.store().query("SELECT skill_id, round(avg(p_mastery), 3) AS avg_p_mastery,"
                        + " count() AS students, countIf(mastered = 1) AS mastered FROM mastery_current WHERE tenant_id = '" + district
                        + "' GROUP BY skill_id ORDER BY avg_p_mastery, skill_id LIMIT 5")));
            }
            return 0;
        }
    }

    /** {@code replay oulad}: an OULAD-shaped directory as a district's roster export and its SIS's, VLE's and assessment tool's statements. */
    @Command(name = "oulad", mixinStandardHelpOptions = true,
            description = "Replay an OULAD-shaped directory (courses, assessments, vle, studentInfo, studentRegistration, studentAssessment,"
                    + " studentVle; .csv.gz or .csv) as a district would send it: a OneRoster 1.2 export of its presentations (classes,"
                    + " students, two teachers per class, assessments as line items), imported first, then xAPI statements of"
                    + " registrations, withdrawals, VLE clicks and submissions in timestamp order through the LRS. Waits until the"
                    + " pipeline has caught up and the LRS archive holds every statement.")
    public static final class Oulad implements Callable<Integer> {
        @Mixin
        StackOptions stack;

        @Option(names = "--data", required = true, description = "the directory")
        Path data;

        @Option(names = "--presentations", split = ",", paramLabel = "CLASS",
                description = "only these presentations, as <code_module>-<code_presentation> (e.g. AAA-2013J,BBB-2013B; default: all)")
        List<String> presentations = List.of();

        @Option(names = "--district", defaultValue = "oulad", description = "the district the roster and statements belong to (created if new; default: ${DEFAULT-VALUE})")
        String district;

        @Option(names = "--roster-dir", description = "where to write the OneRoster export before importing it (default: <data-dir>/replay/<district>-roster)")
        Path rosterDir;

        @Option(names = "--rate", description = "statements per second at most (default: as fast as the front door takes them)")
        Double rate;

        @Option(names = "--step", defaultValue = "1d", converter = DurationConverter.class,
                description = "event time sent before waiting for the intake (and the risk topology's repartition by class) to take it in"
                        + " (default: ${DEFAULT-VALUE}; 0s sends all at once: engagement and mastery judge lateness per student and lose"
                        + " nothing, but risk lives each class through its days in order and needs a class's events a day at a time)")
        java.time.Duration step;

        private final PrintStream out = System.out;

        @Override
        public Integer call() throws Exception {
            if (!TenantId.isValid(district)) throw new IllegalArgumentException("--district '" + district + "': must match " + TenantId.PATTERN);
            if (step.isNegative()) throw new IllegalArgumentException("--step must not be negative, was " + step);
            // all of it read and checked before the stack starts
            OuladData oulad = OuladData.read(data, new LinkedHashSet<>(presentations));
            out.printf(Locale.ROOT, "%d presentations read from %s: %,d students, %,d statements to send%n", oulad.presentations().size(), data,
                    oulad.presentations().stream().mapToLong(p -> p.students().size()).sum(), oulad.statementCount());
            EmbeddedStackConfig config = stack.toConfig();
            Path roster = rosterDir != null ? rosterDir : config.dataDir().resolve("replay").resolve(district + "-roster");
            System.setProperty("learnstream.log.dir", config.dataDir().resolve("logs").toString());
            out.printf("learnstream: starting the embedded stack (data in %s)...%n", config.dataDir());
            try (EmbeddedStack embedded = EmbeddedStack.start(config, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))) {
                Credentials credential = ReplayDistrict.ensure(embedded.pipeline().directory(), district, "OULAD replay");
                out.printf("  xAPI endpoint %s/xAPI/statements, district '%s'%n", embedded.ingestUrl(), district);
                OuladReplay replay = new OuladReplay(embedded, district, credential, Optional.ofNullable(rate), step, out);
                replay.importRoster(oulad, roster);
                OuladReplay.Outcome outcome = replay.replay(oulad);
                out.println("statements of district '" + district + "' in the LRS (query more with ./learnstream sql, see sinks/README.md):");
                out.print(TextTable.render(embedded.store().query("SELECT verb_id, uniqExact(statement_id) AS statements,"
                        + " min(timestamp) AS first, max(timestamp) AS last FROM xapi_statements WHERE tenant_id = '" + district
                        + "' GROUP BY verb_id ORDER BY statements DESC")));
                out.print(TextTable.render(embedded.store().query("SELECT count() AS student_days, sum(events) AS events,"
                        + " uniqExact(student_key) AS students FROM engagement_daily WHERE tenant_id = '" + district + "'")));
                return outcome.caughtUp() && outcome.archived() >= outcome.statements() ? 0 : 1;
            }
        }
    }
}

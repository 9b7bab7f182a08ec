package io.learnstream.app.cli;

import io.learnstream.app.replay.ReplayDistrict;
import io.learnstream.app.replay.assistments.AssistmentsData;
import io.learnstream.app.replay.assistments.AssistmentsFile;
import io.learnstream.app.replay.assistments.AssistmentsReplay;
import io.learnstream.app.replay.assistments.AssistmentsRow;
import io.learnstream.app.simulate.Credentials;
import io.learnstream.app.stack.EmbeddedStack;
import io.learnstream.app.stack.EmbeddedStackConfig;
import io.learnstream.ingest.auth.TenantId;
import io.learnstream.sinks.sql.TextTable;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintStream;
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
        subcommands = ReplayCommand.Assistments.class)
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
}

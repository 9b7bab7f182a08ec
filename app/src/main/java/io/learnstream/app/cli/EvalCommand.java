package io.learnstream.app.cli;

import io.learnstream.app.eval.mastery.MasteryEvaluation;
import io.learnstream.app.eval.mastery.MasteryReport;
import io.learnstream.app.replay.assistments.AssistmentsData;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code learnstream eval}: a model's evaluation protocol, end to end through the pipeline, written as a report. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate a model end to end through the pipeline on the embedded stack and write a report.",
        subcommands = EvalCommand.Mastery.class)
public final class EvalCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code eval mastery}: fit on train, replay test through the pipeline, score what ClickHouse holds. */
    @Command(name = "mastery", mixinStandardHelpOptions = true,
            description = "Fit the mastery models on DIR's train file only, replay its test file through the LRS front door, Kafka and the"
                    + " mastery topology on a fresh embedded stack, and score the before-answer predictions read back from ClickHouse:"
                    + " AUC, RMSE and log-loss per model. Writes report.md, metrics.json and ROC and calibration PNGs to --out.")
    public static final class Mastery implements Callable<Integer> {
        @Option(names = "--data", required = true, description = "directory with train.tsv[.gz] and test.tsv[.gz] (user_id, item_id, timestamp, correct, skill_id)")
        Path data;

        @Option(names = "--out", required = true, description = "directory for the report")
        Path out;

        @Option(names = "--work-dir", description = "data directory of the evaluation's own embedded stack (default: a fresh temporary one, deleted after a successful run)")
        Path workDir;

        @Option(names = "--partitions", defaultValue = "3", description = "partitions of the topics (default: ${DEFAULT-VALUE})")
        int partitions;

        @Option(names = "--chdb-lib", defaultValue = "${env:LEARNSTREAM_CHDB_LIB}", description = "path of libchdb.so")
        Path chdbLibrary;

        @Override
        public Integer call() throws Exception {
            PrintStream console = System.out;
            AssistmentsData dir = new AssistmentsData(data);
            dir.train();
            dir.test();
            boolean temporary = workDir == null;
            Path work = temporary ? Files.createTempDirectory("learnstream-eval-") : workDir;
            if (!temporary && Files.isDirectory(work)) {
                try (Stream<Path> entries = Files.list(work)) {
                    if (entries.findAny().isPresent()) throw new IllegalArgumentException("--work-dir " + work + " is not empty: the evaluation needs a fresh stack");
                }
            }
            System.setProperty("learnstream.log.dir", work.resolve("logs").toString());
            boolean done = false;
            try {
                MasteryEvaluation.Result result = new MasteryEvaluation(dir, work, Optional.ofNullable(chdbLibrary), partitions, console).run();
                MasteryReport.write(out, result, "./learnstream eval mastery --data " + data + " --out " + out);
                console.println();
                result.scores().forEach((model, s) -> console.printf(Locale.ROOT, "  %-9s AUC %.4f  RMSE %.4f  log-loss %.4f  n=%,d%n",
                        model, s.auc(), s.rmse(), s.logLoss(), s.count()));
                console.printf(Locale.ROOT, "  (published on the ASSISTments 2009 split: %s)%n", MasteryReport.PUBLISHED_AUC);
                console.printf(Locale.ROOT, "report written to %s (report.md, metrics.json, PNGs) in %.0f s%n", out, result.totalSeconds());
                done = true;
            } finally {
                // a failed evaluation keeps its stack's data and logs for a look
                if (temporary && done) deleteQuietly(work);
            }
            return 0;
        }

        private static void deleteQuietly(Path dir) {
            try (Stream<Path> all = Files.walk(dir)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary directory: the system cleans it eventually
            }
        }
    }
}

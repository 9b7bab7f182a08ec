package io.learnstream.app.cli;

import io.learnstream.app.eval.mastery.MasteryEvaluation;
import io.learnstream.app.eval.risk.RiskEvaluation;
import io.learnstream.app.eval.risk.RiskMetrics;
import io.learnstream.app.eval.risk.RiskReport;
import io.learnstream.app.replay.oulad.OuladData;
import io.learnstream.app.replay.oulad.OuladPresentation;
import io.learnstream.app.eval.mastery.MasteryReport;
import io.learnstream.app.replay.assistments.AssistmentsData;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code learnstream eval}: a model's evaluation protocol, end to end through the pipeline, written as a report. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate a model end to end through the pipeline on the embedded stack and write a report.",
        subcommands = {EvalCommand.Mastery.class, EvalCommand.Risk.class})
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

        @Mixin
        EvalOptions eval;

        @Override
        public Integer call() throws Exception {
            PrintStream console = System.out;
            AssistmentsData dir = new AssistmentsData(data);
            dir.train();
            dir.test();
            eval.inWorkDir(work -> {
                MasteryEvaluation.Result result = new MasteryEvaluation(dir, work, eval.chdb(), eval.partitions, console).run();
                MasteryReport.write(eval.out, result, "./learnstream eval mastery --data " + data + " --out " + eval.out);
                console.println();
                result.scores().forEach((model, s) -> console.printf(Locale.ROOT, "  %-9s AUC %.4f  RMSE %.4f  log-loss %.4f  n=%,d%n",
                        model, s.auc(), s.rmse(), s.logLoss(), s.count()));
                console.printf(Locale.ROOT, "  (published on the ASSISTments 2009 split: %s)%n", MasteryReport.PUBLISHED_AUC);
                console.printf(Locale.ROOT, "report written to %s (report.md, metrics.json, PNGs) in %.0f s%n", eval.out, result.totalSeconds());
            });
            return 0;
        }
    }

    /** {@code eval risk}: fit on other presentations (or the defaults), replay the scored ones through the pipeline, score risk_history. */
    @Command(name = "risk", mixinStandardHelpOptions = true,
            description = "Fit the risk model on the presentations of --fit (or take the shipped defaults), publish it to a fresh embedded stack,"
                    + " replay the presentations of --data as their district would send them (roster export, then every statement through the"
                    + " LRS front door, Kafka and the risk topology) and score the weekly records read back from ClickHouse (risk_history) at"
                    + " weeks 2, 4, 8 and 12 against the final results: AUC, precision and recall of the flags per presentation and week,"
                    + " warning ahead of withdrawal, AUC and false-positive rate by gender, age band, IMD band and disability. Writes"
                    + " report.md, metrics.json and PNGs to --out.")
    public static final class Risk implements Callable<Integer> {
        @Option(names = "--data", required = true, description = "the OULAD-shaped directory of the presentations to score")
        Path data;

        @Option(names = "--presentations", split = ",", paramLabel = "CLASS", description = "score these presentations only (default: all of --data)")
        List<String> presentations = List.of();

        @Option(names = "--fit", description = "the OULAD-shaped directory to fit on (default: evaluate the shipped default model)")
        Path fit;

        @Option(names = "--fit-presentations", split = ",", paramLabel = "CLASS", description = "fit on these presentations of --fit only (default: all)")
        List<String> fitPresentations = List.of();

        @Mixin
        EvalOptions eval;

        @Option(names = "--step", defaultValue = "1d", converter = DurationConverter.class,
                description = "event time the replay sends before waiting for the intake (default: ${DEFAULT-VALUE}; see replay oulad)")
        java.time.Duration step;

        @Override
        public Integer call() throws Exception {
            PrintStream console = System.out;
            // all of it read and checked before the stack starts
            OuladData scored = OuladData.read(data, new LinkedHashSet<>(presentations));
            Optional<OuladData> fitOn = fit == null ? Optional.empty() : Optional.of(OuladData.read(fit, new LinkedHashSet<>(fitPresentations)));
            if (fitOn.isPresent() && fit.toAbsolutePath().normalize().equals(data.toAbsolutePath().normalize())) {
                Set<String> both = new LinkedHashSet<>(scored.presentations().stream().map(OuladPresentation::id).toList());
                both.retainAll(fitOn.get().presentations().stream().map(OuladPresentation::id).toList());
                if (!both.isEmpty()) throw new IllegalArgumentException("presentations both fitted on and scored: " + both + "; score others");
            }
            eval.inWorkDir(work -> {
                RiskEvaluation.Result result = new RiskEvaluation(scored, fitOn, work, eval.chdb(), eval.partitions, step, console).run();
                RiskReport.write(eval.out, result, command());
                console.println();
                result.byPresentation().forEach((classId, weeks) -> weeks.forEach((week, s) -> console.printf(Locale.ROOT,
                        "  %-10s week %2d  AUC %.3f  precision %.3f  recall %.3f  n=%,d%n", classId, week, s.auc(), s.precision(), s.recall(), s.n())));
                RiskMetrics.LeadTimes lead = result.leadTimes();
                console.printf(Locale.ROOT, "  withdrawals %,d: warned before %,d, median %.1f weeks ahead, %.0f%% warned 2+ weeks ahead%n",
                        lead.withdrawn(), lead.warned(), lead.medianWeeks(), 100 * lead.shareWarnedInTime());
                result.groupsWeek8().forEach((attribute, a) -> console.printf(Locale.ROOT, "  week 8 %-10s largest AUC gap %.3f%n", attribute, a.aucGap()));
                for (RiskReport.Target t : RiskReport.targets(result)) console.printf("  target %s: %s (%s)%n", t.what(), t.verdict(), t.figures());
                console.printf(Locale.ROOT, "report written to %s (report.md, metrics.json, PNGs) in %.0f s%n", eval.out, result.totalSeconds());
            });
            return 0;
        }

        private String command() {
            StringBuilder c = new StringBuilder("./learnstream eval risk --data " + data);
            if (!presentations.isEmpty()) c.append(" --presentations ").append(String.join(",", presentations));
            if (fit != null) c.append(" --fit ").append(fit);
            if (!fitPresentations.isEmpty()) c.append(" --fit-presentations ").append(String.join(",", fitPresentations));
            return c.append(" --out ").append(eval.out).toString();
        }
    }
}

package io.learnstream.app.cli;

import io.learnstream.app.mastery.MasteryTraining;
import io.learnstream.app.mastery.ParametersPublisher;
import io.learnstream.app.replay.assistments.AssistmentsData;
import io.learnstream.app.replay.oulad.OuladData;
import io.learnstream.app.risk.RiskParametersPublisher;
import io.learnstream.app.risk.RiskTraining;
import io.learnstream.streams.risk.model.RiskFitter;
import io.learnstream.streams.risk.model.RiskModelEntries;
import io.learnstream.streams.mastery.model.RegularizationSearch;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code learnstream fit}: fits a model's parameters on historical data and publishes them to the running pipeline. */
@Command(name = "fit", mixinStandardHelpOptions = true,
        description = "Fit a model's parameters on historical data and publish them; the running topology switches to them without a restart.",
        subcommands = {FitCommand.Mastery.class, FitCommand.Risk.class})
public final class FitCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code fit mastery}: BKT by EM and the logistic model by maximum likelihood, on DIR's train file. */
    @Command(name = "mastery", mixinStandardHelpOptions = true,
            description = "Fit BKT (EM) and the logistic model (maximum likelihood, L2 chosen on held-out training students) on the"
                    + " train file of an ASSISTments-shaped directory and publish them to the mastery-parameters topic (all entries,"
                    + " then the version marker). With --write, write them to a file instead (the format of the shipped defaults).")
    public static final class Mastery implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        CredentialsCommandOptions where;

        @Option(names = "--data", required = true, description = "directory with train.tsv[.gz] (user_id, item_id, correct, skill_id; rows in answer order per user)")
        Path data;

        @Option(names = "--write", description = "write the parameters to this file (gzip TSV) instead of publishing them")
        Path write;

        @Override
        public Integer call() throws Exception {
            PrintStream out = System.out;
            RegularizationSearch.Result fitted = MasteryTraining.fit(new AssistmentsData(data).train(), out);
            if (write != null) {
                Path parent = write.toAbsolutePath().getParent();
                if (parent != null) Files.createDirectories(parent);
                try (OutputStream file = Files.newOutputStream(write)) {
                    fitted.parameters().write(file);
                }
                out.printf("wrote %,d parameter entries to %s%n", fitted.parameters().entries().size(), write);
                return 0;
            }
            long version = System.currentTimeMillis();
            try (CredentialsCommandSession session = CredentialsCommandSession.open(where.target(), new SimpleMeterRegistry())) {
                session.ensureTopics();
                int records = ParametersPublisher.publish(session.publisher(), session.topics(), fitted.parameters(), version);
                out.printf("published %,d parameter entries as version %d to %s; the mastery topology uses them from its next answer on%n",
                        records - 1, version, session.topics().masteryParameters().name());
            }
            return 0;
        }
    }

    /** {@code fit risk}: the risk model on OULAD presentations, through the statements the pipeline would see. */
    @Command(name = "risk", mixinStandardHelpOptions = true,
            description = "Fit the risk model (one L2-regularised logistic regression per stage, weeks 0, 3, 6 and 10 on, and kind of class)"
                    + " on the presentations of an OULAD-shaped directory: each presentation's xAPI statements, as the replay sends them,"
                    + " normalized and lived through in event time as the risk topology does, snapshotted weekly (each student registered"
                    + " and not withdrawn) and labelled at risk when the final result is Fail or Withdrawn. Publishes the model to the"
                    + " risk-parameters topic with --publish (all entries, then the version marker); writes it with --write (the"
                    + " format of the shipped defaults).")
    public static final class Risk implements Callable<Integer> {
        @Mixin
        CredentialsCommandOptions where;

        @Option(names = "--data", required = true, description = "the OULAD-shaped directory (courses, assessments, vle, studentInfo,"
                + " studentRegistration, studentAssessment, studentVle; .csv.gz or .csv)")
        Path data;

        @Option(names = "--presentations", split = ",", paramLabel = "CLASS",
                description = "fit on these presentations only, as <code_module>-<code_presentation> (default: all)")
        List<String> presentations = List.of();

        @Option(names = "--write", description = "write the model to this file (TSV, one entry a line)")
        Path write;

        @Option(names = "--publish", description = "publish the model to the risk-parameters topic; the risk topology switches to it whole")
        boolean publish;

        @Option(names = "--c", defaultValue = "" + RiskFitter.DEFAULT_C, description = "inverse L2 penalty (default: ${DEFAULT-VALUE})")
        double c;

        @Option(names = "--high", defaultValue = "" + RiskTraining.HIGH, description = "raise a flag at this probability (default: ${DEFAULT-VALUE})")
        double high;

        @Option(names = "--low", defaultValue = "" + RiskTraining.LOW, description = "clear a raised flag below this probability (default: ${DEFAULT-VALUE})")
        double low;

        @Override
        public Integer call() throws Exception {
            PrintStream out = System.out;
            OuladData oulad = OuladData.read(data, new LinkedHashSet<>(presentations));
            long version = System.currentTimeMillis();
            RiskTraining.Result fitted = RiskTraining.fit(oulad, c, high, low, version, out);
            if (write != null) {
                Path parent = write.toAbsolutePath().getParent();
                if (parent != null) Files.createDirectories(parent);
                try (OutputStream file = Files.newOutputStream(write)) {
                    RiskModelEntries.write(fitted.model(), file);
                }
                out.printf("wrote %,d risk model entries to %s%n", RiskModelEntries.of(fitted.model()).size(), write);
            }
            if (publish) {
                try (CredentialsCommandSession session = CredentialsCommandSession.open(where.target(), new SimpleMeterRegistry())) {
                    session.ensureTopics();
                    int records = RiskParametersPublisher.publish(session.publisher(), session.topics(), fitted.model(), version);
                    out.printf("published %,d risk model entries as version %d to %s; the risk topology scores with them from its next"
                            + " event on%n", records - 1, version, session.topics().riskParameters().name());
                }
            }
            if (write == null && !publish) out.println("neither --write nor --publish: the model was fitted and summarized only");
            return 0;
        }
    }
}

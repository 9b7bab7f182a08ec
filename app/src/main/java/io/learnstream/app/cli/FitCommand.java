package io.learnstream.app.cli;

import io.learnstream.app.mastery.MasteryTraining;
import io.learnstream.app.mastery.ParametersPublisher;
import io.learnstream.app.replay.assistments.AssistmentsData;
import io.learnstream.streams.mastery.model.RegularizationSearch;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code learnstream fit}: fits a model's parameters on historical data and publishes them to the running pipeline. */
@Command(name = "fit", mixinStandardHelpOptions = true,
        description = "Fit a model's parameters on historical data and publish them; the running topology switches to them without a restart.",
        subcommands = FitCommand.Mastery.class)
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
}

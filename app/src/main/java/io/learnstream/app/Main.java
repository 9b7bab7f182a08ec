package io.learnstream.app;

import io.learnstream.app.cli.AlertsCommand;
import io.learnstream.app.cli.CredentialsCommand;
import io.learnstream.app.cli.BenchCommand;
import io.learnstream.app.cli.DemoCommand;
import io.learnstream.app.cli.EvalCommand;
import io.learnstream.app.cli.FitCommand;
import io.learnstream.app.cli.ReplayCommand;
import io.learnstream.app.cli.RosterCommand;
import io.learnstream.app.cli.ServeCommand;
import io.learnstream.app.cli.SimulateCommand;
import io.learnstream.app.cli.UsersCommand;
import io.learnstream.app.cli.SkillsCommand;
import io.learnstream.app.cli.TeachersCommand;
import io.learnstream.app.cli.SqlCommand;
import io.learnstream.app.cli.StudentsCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code learnstream} command line. Each subcommand parses its options, wires the parts and runs. */
@Command(name = "learnstream", mixinStandardHelpOptions = true, version = "learnstream 0.1.0",
        description = "Real-time learning analytics: xAPI/Caliper in, Kafka Streams analytics, ClickHouse out.",
        subcommands = {DemoCommand.class, ServeCommand.class, SimulateCommand.class, SqlCommand.class, BenchCommand.class, CredentialsCommand.class, SkillsCommand.class,
                RosterCommand.class, AlertsCommand.class, TeachersCommand.class, StudentsCommand.class, UsersCommand.class, ReplayCommand.class, FitCommand.class,
                EvalCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line as {@link #main} runs it: bad input of the user's exits 2 with its message, no stack trace. */
    public static CommandLine commandLine() {
        return new CommandLine(new Main())
                .setExecutionExceptionHandler((error, commandLine, parsed) -> {
                    // bad input of the user's (a file, an option, a district): the message says what, no stack trace
                    if (!(error instanceof IllegalArgumentException)) throw error;
                    commandLine.getErr().println("learnstream: " + error.getMessage());
                    return 2;
                });
    }
}

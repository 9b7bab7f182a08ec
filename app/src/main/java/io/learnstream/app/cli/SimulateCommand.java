package io.learnstream.app.cli;

import io.learnstream.app.simulate.Credentials;
import io.learnstream.app.simulate.Simulator;
import io.learnstream.app.simulate.SimulatorConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code learnstream simulate}: a synthetic district posting xAPI statements to any xAPI endpoint. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Post realistic xAPI statements from a simulated district (schools, classes, students; an LMS, a quiz app and a video tool) on an accelerated clock.")
public final class SimulateCommand implements Callable<Integer> {
    @Option(names = "--url", defaultValue = "http://127.0.0.1:8080", description = "base URL of the LRS (default: ${DEFAULT-VALUE})")
    URI url;

    @Option(names = "--rate", defaultValue = "500", description = "statements per second (default: ${DEFAULT-VALUE})")
    double rate;

    @Option(names = "--duration", converter = DurationConverter.class, description = "stop after this long (default: until Ctrl-C)")
    Duration duration;

    @Option(names = "--students", defaultValue = "300", description = "students in the district (default: ${DEFAULT-VALUE})")
    int students;

    @Option(names = "--seed", defaultValue = "42", description = "seed of the district (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--batch-size", defaultValue = "50", description = "statements per request (default: ${DEFAULT-VALUE})")
    int batchSize;

    @Option(names = "--state-dir", defaultValue = "var/simulator", description = "where the simulated clock is kept between runs (default: ${DEFAULT-VALUE})")
    Path stateDir;

    @Option(names = "--key", description = "HTTP Basic user (credential key)")
    String key;

    @Option(names = "--secret", description = "HTTP Basic password (credential secret)", interactive = false)
    String secret;

    @Override
    public Integer call() throws Exception {
        SimulatorConfig.Builder builder = SimulatorConfig.builder(url, stateDir).rate(rate).students(students).seed(seed).batchSize(batchSize);
        if (duration != null) builder.duration(duration);
        if (key != null || secret != null) builder.credentials(new Credentials(key, secret));
        Simulator simulator = new Simulator(builder.build());
        try (StopSignal stop = new StopSignal(Duration.ofSeconds(30))) {
            simulator.start();
            while (!simulator.awaitTermination(Duration.ofSeconds(5))) {
                System.out.println(simulator.snapshot().progressLine());
                if (stop.stopRequested()) break;
            }
            simulator.stop();
            simulator.awaitTermination(Duration.ofSeconds(15));
            System.out.println(simulator.snapshot().summary());
            simulator.failure().ifPresent(e -> System.out.println("stopped on: " + e));
        }
        return simulator.failure().isPresent() ? 1 : 0;
    }
}

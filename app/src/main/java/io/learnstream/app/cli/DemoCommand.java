package io.learnstream.app.cli;

import io.learnstream.app.pipeline.Pipeline;
import io.learnstream.app.roster.RosterExport;
import io.learnstream.app.roster.RosterImporter;
import io.learnstream.app.simulate.district.District;
import io.learnstream.app.simulate.Credentials;
import io.learnstream.app.simulate.Simulator;
import io.learnstream.app.simulate.SimulatorConfig;
import io.learnstream.app.simulate.SimulatorStats;
import io.learnstream.app.stack.DemoDistrict;
import io.learnstream.app.stack.DemoSignIn;
import io.learnstream.app.dashboard.DashboardConfig;
import io.learnstream.app.dashboard.oidc.OidcDistrict;
import io.learnstream.app.simulate.district.CourseSection;
import io.learnstream.app.stack.EmbeddedStack;
import io.learnstream.app.stack.EmbeddedStackConfig;
import io.learnstream.sinks.spi.ColumnStore;
import io.learnstream.sinks.sql.TextTable;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code learnstream demo}: the whole pipeline on the embedded stack, fed by a simulated district. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the whole pipeline on the embedded stack (Kafka, schema registry, ClickHouse/chDB) with a simulated district posting xAPI statements.")
public final class DemoCommand implements Callable<Integer> {
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);
    private static final Duration DRAIN_BOUND = Duration.ofSeconds(60);
    /** How long the demo waits for the intake to hold the imported roster before it starts the simulator. */
    private static final Duration ROSTER_BOUND = Duration.ofSeconds(60);

    @Mixin
    StackOptions stack;

    @Option(names = "--duration", converter = DurationConverter.class,
            description = "stop after this long, e.g. 60s or 5m (default: run until Ctrl-C)")
    Duration duration;

    @Option(names = "--rate", defaultValue = "500", description = "statements per second the simulator posts (default: ${DEFAULT-VALUE})")
    double rate;

    @Option(names = "--students", defaultValue = "300", description = "students in the simulated district (default: ${DEFAULT-VALUE})")
    int students;

    @Option(names = "--seed", defaultValue = "42", description = "seed of the simulated district (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--dashboard-port", defaultValue = "" + DashboardConfig.DEFAULT_PORT,
            description = "port of the teacher dashboard (default: ${DEFAULT-VALUE}; 0 = any free port)")
    int dashboardPort;

    @Option(names = "--dashboard-oidc", converter = ServeCommand.OidcFileConverter.class, description = "a properties file of the districts whose"
            + " staff sign in to the dashboard with their district's OpenID Connect provider (<district>.issuer, .client-id,"
            + " .client-secret, ...; default: none)")
    List<OidcDistrict> dashboardOidc = List.of();

    private final PrintStream out = System.out;

    @Override
    public Integer call() throws Exception {
        EmbeddedStackConfig config = stack.toConfig().withDashboard(DashboardConfig.defaults().withPort(dashboardPort).withOidc(dashboardOidc));
        System.setProperty("learnstream.log.dir", config.dataDir().resolve("logs").toString());
        if (duration != null && (duration.isNegative() || duration.isZero())) {
            throw new IllegalArgumentException("--duration must be positive, got " + duration);
        }
        out.printf("learnstream: starting the embedded stack (data in %s)...%n", config.dataDir());
        long started = System.nanoTime();
        // the stop signal is released last: on Ctrl-C the JVM halts as soon as it is, so everything must be closed by then
        try (StopSignal stop = new StopSignal(Duration.ofSeconds(90))) {
            run(config, stop, started);
            out.println("learnstream: stopped cleanly.");
        }
        return 0;
    }

    private void run(EmbeddedStackConfig config, StopSignal stop, long started) throws Exception {
        try (EmbeddedStack embedded = EmbeddedStack.start(config, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))) {
            Pipeline pipeline = embedded.pipeline();
            Credentials credential = DemoDistrict.ensure(pipeline.directory(), config.secretsDir());
            printAddresses(embedded, started, credential);
            Simulator simulator = new Simulator(SimulatorConfig.builder(URI.create(embedded.ingestUrl()), config.simulatorDir())
                    .rate(rate).students(students).seed(seed).credentials(credential).build());
            importRoster(embedded, simulator, config);
            printDashboard(embedded, simulator.district(), config);
            simulator.start();
            long runStarted = System.nanoTime();
            Duration remaining = duration;
            while (remaining == null || !remaining.isNegative() && !remaining.isZero()) {
                Duration wait = remaining == null || remaining.compareTo(PROGRESS_EVERY) > 0 ? PROGRESS_EVERY : remaining;
                if (stop.awaitStop(wait)) break;
                progress(pipeline, embedded.store(), simulator.snapshot(), runStarted);
                if (duration != null) remaining = duration.minus(Duration.ofNanos(System.nanoTime() - runStarted));
                if (simulator.failure().isPresent()) {
                    out.println("simulator stopped: " + simulator.failure().get());
                    break;
                }
            }
            out.println(stop.stopRequested() ? "learnstream: stopping (Ctrl-C)..." : "learnstream: duration reached, stopping the simulator...");
            simulator.stop();
            simulator.awaitTermination(Duration.ofSeconds(15));
            boolean drained = drain(pipeline);
            summary(pipeline, embedded.store(), simulator.snapshot(), runStarted, drained);
            out.println("learnstream: stopping the embedded stack...");
        }
    }

    /** The simulated district's OneRoster export, imported before it sends: classes, teachers, line items to score risk by. */
    private void importRoster(EmbeddedStack embedded, Simulator simulator, EmbeddedStackConfig config) throws Exception {
        District district = simulator.district();
        Path dir = config.dataDir().resolve("demo-roster");
        RosterExport.write(district, simulator.term(), dir);
        RosterImporter.importExport(dir, DemoDistrict.TENANT, embedded.pipeline().topics(), embedded.kafkaBootstrapServers(), "learnstream-demo");
        long deadline = System.nanoTime() + ROSTER_BOUND.toNanos();
        while (embedded.pipeline().rosterClassesHeld() < district.sections().size() && System.nanoTime() < deadline) Thread.sleep(100);
        out.printf("  roster            %d classes, %d students, %d teachers imported from %s (risk and alerts go by it)%n",
                district.sections().size(), district.students().size(), district.teachers().size(), dir);
    }

    /** The dashboard's address and the sign-in of the first class's primary teacher, so a person can look. */
    private void printDashboard(EmbeddedStack embedded, District district, EmbeddedStackConfig config) {
        embedded.pipeline().dashboard().ifPresent(dashboard -> {
            CourseSection first = district.sections().get(0);
            DemoSignIn.SignIn signIn = DemoSignIn.ensure(dashboard.accounts(), first.teacherId(), config.secretsDir());
            out.printf("  dashboard         %s   (sign in: district %s, user %s, password %s; teacher %s of %s)%n",
                    dashboard.baseUrl(), signIn.district(), signIn.username(), signIn.password(), first.teacherId(), first.title());
        });
    }

    private void printAddresses(EmbeddedStack embedded, long started, Credentials credential) {
        out.printf(Locale.ROOT, "learnstream: embedded stack up in %.1f s%n", (System.nanoTime() - started) / 1e9);
        out.printf("  Kafka broker      %s   (e.g. kcat -b %s -L)%n", embedded.kafkaBootstrapServers(), embedded.kafkaBootstrapServers());
        out.printf("  schema registry   %s   (e.g. curl %s/subjects)%n", embedded.registryUrl(), embedded.registryUrl());
        out.printf("  xAPI endpoint     %s/xAPI/statements   (Caliper: %s/caliper, metrics: %s/metrics)%n",
                embedded.ingestUrl(), embedded.ingestUrl(), embedded.ingestUrl());
        out.printf("  district '%s', credential key %s secret %s%n", DemoDistrict.TENANT, credential.key(), credential.secret());
        out.printf("    e.g. curl -u %s:%s -H 'X-Experience-API-Version: 1.0.3' '%s/xAPI/statements?limit=1'%n",
                credential.key(), credential.secret(), embedded.ingestUrl());
        out.printf("  SQL               ./learnstream sql \"SELECT * FROM engagement_daily LIMIT 10\"  (after the demo stops)%n");
    }

    private void progress(Pipeline pipeline, ColumnStore store, SimulatorStats sim, long runStarted) {
        double seconds = (System.nanoTime() - runStarted) / 1e9;
        out.printf(Locale.ROOT, "[%5.0fs] statements accepted %,d (%.0f/s) | events processed %,d | engagement rows in ClickHouse %,d"
                        + " | answers traced %,d, student-skills in mastery_current %,d | risk scores %,d, flagged now %,d, open alerts %,d"
                        + " | simulated time %s%n",
                seconds, pipeline.statementsAccepted(), pipeline.statementsAccepted() / Math.max(seconds, 1e-9),
                pipeline.eventsProcessed(), engagementRows(store), pipeline.answersTracked(),
                store.query("SELECT count() FROM mastery_current").singleLong(),
                store.query("SELECT count() FROM risk_history").singleLong(),
                store.query("SELECT count() FROM risk_current WHERE flagged = 1").singleLong(),
                store.query("SELECT count() FROM alerts WHERE status = 'open'").singleLong(),
                sim.simulatedTime().map(t -> t.toString().substring(0, 16)).orElse("-"));
    }

    /** Waits (bounded) until Streams has processed every accepted statement and the sink has written its output. */
    private boolean drain(Pipeline pipeline) throws InterruptedException {
        out.println("learnstream: waiting for the pipeline to process everything accepted...");
        if (pipeline.awaitCaughtUp(DRAIN_BOUND)) return true;
        out.println("learnstream: the pipeline did not catch up within " + DRAIN_BOUND.toSeconds()
                + " s; the rest is processed on the next start");
        return false;
    }

    private void summary(Pipeline pipeline, ColumnStore store, SimulatorStats sim, long runStarted, boolean drained) {
        out.println();
        out.printf(Locale.ROOT, "learnstream demo summary (%.0f s)%n", (System.nanoTime() - runStarted) / 1e9);
        out.println("  " + sim.summary());
        out.printf(Locale.ROOT, "  statements accepted by ingest %,d; learning events processed by Streams %,d%s%n",
                pipeline.statementsAccepted(), pipeline.eventsProcessed(), drained ? " (caught up)" : " (not caught up)");
        out.println("  engagement_daily in ClickHouse (all runs on this data directory):");
        out.print(indent(TextTable.render(store.query("""
                SELECT count() AS rows, uniqExact(student_key) AS students, uniqExact(course_id) AS courses,
                       min(day) AS first_day, max(day) AS last_day, sum(events) AS events,
                       round(sum(active_minutes) / 60, 1) AS active_hours
                FROM engagement_daily"""))));
        out.println("  most engaged courses:");
        out.print(indent(TextTable.render(store.query("""
                SELECT course_id, uniqExact(student_key) AS students, sum(events) AS events,
                       round(avg(active_minutes), 1) AS avg_minutes_per_day
                FROM engagement_daily GROUP BY course_id ORDER BY events DESC LIMIT 5"""))));
        out.println("  mastery (knowledge tracing of every scored answer):");
        out.print(indent(TextTable.render(store.query("""
                SELECT count() AS answers, uniqExact(student_key) AS students,
                       round(avg(predictions['logistic']), 3) AS avg_predicted, round(avg(correct), 3) AS correct_rate
                FROM mastery_predictions"""))));
        out.println("  weakest skills (mean mastery over the students who practised them):");
        out.print(indent(TextTable.render(store.query("""
                SELECT skill_id, round(avg(p_mastery), 3) AS avg_p_mastery, count() AS students,
                       countIf(mastered = 1) AS mastered, sum(attempts) AS answers
                FROM mastery_current GROUP BY skill_id ORDER BY avg_p_mastery ASC, skill_id LIMIT 5"""))));
        out.println("  risk (students flagged now, and alerts sent to their teachers):");
        out.print(indent(TextTable.render(store.query("""
                SELECT uniqExact(class_id, student_key) AS scored, countIf(flagged = 1) AS flagged_now,
                       (SELECT count() FROM alerts) AS alerts, (SELECT countIf(status = 'open') FROM alerts) AS open_alerts
                FROM risk_current"""))));
        out.println("  at-risk students of the class with the most, with reasons:");
        out.print(indent(TextTable.render(store.query(AT_RISK_QUERY))));
        out.println("  latest alerts (./learnstream alerts list):");
        out.print(indent(TextTable.render(store.query("""
                SELECT class_id, teacher_ids, status, text FROM alerts ORDER BY raised_time DESC LIMIT 5"""))));
    }

    /** The README's query: the at-risk students of a class, with reasons; here for the class with the most of them. */
    static final String AT_RISK_QUERY = """
            SELECT class_id, student_key, round(probability, 2) AS risk, arrayStringConcat(reasons.text, '; ') AS reasons
            FROM risk_current
            WHERE flagged = 1 AND class_id IN (SELECT class_id FROM risk_current WHERE flagged = 1 GROUP BY class_id ORDER BY count() DESC LIMIT 1)
            ORDER BY probability DESC LIMIT 10""";

    private static long engagementRows(ColumnStore store) {
        return store.query("SELECT count() FROM engagement_daily").singleLong();
    }

    private static String indent(String text) {
        return text.lines().map(line -> "    " + line).reduce("", (a, b) -> a + b + "\n");
    }
}

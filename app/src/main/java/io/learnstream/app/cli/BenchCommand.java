package io.learnstream.app.cli;

import io.learnstream.app.simulate.Credentials;
import io.learnstream.app.bench.IngestBenchmark;
import io.learnstream.app.bench.StreamsBenchmark;
import io.learnstream.app.stack.DemoDistrict;
import io.learnstream.app.stack.EmbeddedStack;
import io.learnstream.app.stack.EmbeddedStackConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code learnstream bench ...}: benchmarks that print figures and a ratio against a reference measured in the same run. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks that print figures and a ratio against a reference measured in the same run.",
        subcommands = {BenchCommand.Ingest.class, BenchCommand.StreamsBench.class, BenchDashboardCommand.class})
public final class BenchCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "ingest", mixinStandardHelpOptions = true,
            description = "Concurrent HTTP clients post realistic statements in batches to the embedded LRS; then a raw Kafka producer sends the same records with the same settings, and the same clients post the same requests to an HTTP server that only writes those records. Prints statements/s, p50/p99 latency and the ratios.")
    static final class Ingest implements Callable<Integer> {
        @Option(names = "--statements", defaultValue = "200000", description = "statements measured (default: ${DEFAULT-VALUE})")
        int statements;

        @Option(names = "--warmup", defaultValue = "200000", description = "statements of other terms posted first, unmeasured, so the JIT has compiled the front door (default: ${DEFAULT-VALUE})")
        int warmup;

        @Option(names = "--warmup-limit", defaultValue = "5m", converter = DurationConverter.class,
                description = "after those, further warm-up rounds until the JIT is quiet, for at most this long (default: ${DEFAULT-VALUE})")
        java.time.Duration warmupLimit;

        @Option(names = "--batch", defaultValue = "100", description = "statements per request (default: ${DEFAULT-VALUE})")
        int batch;

        @Option(names = "--clients", defaultValue = "24",
                description = "concurrent HTTP clients: enough to keep both ends busy while each waits for Kafka's acknowledgement (default: ${DEFAULT-VALUE})")
        int clients;

        @Option(names = "--partitions", defaultValue = "3", description = "partitions of the topics (default: ${DEFAULT-VALUE})")
        int partitions;

        @Option(names = "--chdb-lib", defaultValue = "${env:LEARNSTREAM_CHDB_LIB}", description = "path of libchdb.so")
        Path chdbLibrary;

        @Override
        public Integer call() throws Exception {
            IngestBenchmark.Result result = onFreshStack(partitions, chdbLibrary, (stack, dir) -> {
                Credentials credential = DemoDistrict.ensure(stack.pipeline().directory(), dir.resolve("secrets"));
                return new IngestBenchmark(statements, warmup, warmupLimit, batch, clients).run(stack, credential, System.out);
            });
            System.out.printf(Locale.ROOT, """

                    ingest benchmark (%,d statements, batches of %d, %d HTTP clients, %d partitions, records of %.0f bytes on average)
                      HTTP front door:  %,.0f statements/s   p50 %.1f ms   p99 %.1f ms per request   %.0f µs CPU per statement
                                        (in its %.1f s: JIT compiling %.1f s, GC %.1f s)
                      raw producer:     %,.0f records/s      (median of %d runs: %s; same records, same settings: acks=all, idempotent, lz4)   %.0f µs CPU per record
                      ratio:            %.2f
                      (CPU is the whole process's: broker, front door and the benchmark's clients share it)
                      front door's own work (parse, validate, hash, records; one thread, no HTTP, no broker; best of %d passes): %.1f µs CPU per statement
                      so even with free HTTP the ratio could reach about %.2f here (raw µs / (raw µs + own work µs))
                      HTTP floor:       %,.0f statements/s   (median of %d runs: %s)   %.0f µs CPU per statement
                                        (the same requests from the same clients to the same HTTP server, answered by writing the
                                        same records with the same settings: no authentication, parsing, validation or hashing)
                      floor ratio:      %.2f   (what HTTP and the clients leave of the raw rate: no front door passes it here)
                      least work:       %.1f µs CPU per statement (read every JSON token with the duplicate-name check and SHA-256
                                        as many bytes; one thread): a front door doing only that would reach about %.2f
                                        (floor ratio × floor µs / (floor µs + least work µs))
                    """, result.statements(), result.batchSize(), result.clients(), partitions, result.averageRecordBytes(),
                    result.httpPerSecond(), result.p50Millis(), result.p99Millis(), result.httpCpuMicrosPerStatement(),
                    result.measuredSeconds(), result.jitMillis() / 1e3, result.gcMillis() / 1e3,
                    result.rawPerSecond(), IngestBenchmark.RAW_RUNS,
                    runs(result.rawRuns()),
                    result.rawCpuMicrosPerRecord(), result.ratio(), IngestBenchmark.OWN_WORK_PASSES - 1, result.frontDoorWorkMicrosPerStatement(), result.ceiling(),
                    result.floorPerSecond(), IngestBenchmark.FLOOR_RUNS, runs(result.floorRuns()), result.floorCpuMicrosPerStatement(), result.floorRatio(),
                    result.leastWorkMicrosPerStatement(), result.leastWorkRatio());
            return 0;
        }

        private static String runs(double[] rates) {
            return java.util.Arrays.stream(rates).mapToObj(r -> String.format(Locale.ROOT, "%,.0f", r)).collect(java.util.stream.Collectors.joining(" / "));
        }

        private static void delete(Path dir) throws IOException {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Command(name = "streams", mixinStandardHelpOptions = true,
            description = "A synthetic term (scored answers of students in classes of about 30, each class with weekly assignments and a teacher, one student in ten going silent after the first week) is written once to the topics of an embedded broker; then, in rounds, a pass-through topology (same source, sink serde and exactly-once settings), each part of the analytics alone (engagement, mastery, risk; alerts over the risk scores of that risk run) and the full analytics (the four as applications at once) each process all of it from the start. Prints events/s of each, mastery's and the full analytics' ratio to the pass-through, and the costliest part.")
    static final class StreamsBench implements Callable<Integer> {
        @Option(names = "--students", defaultValue = "5000", description = "students answering (default: ${DEFAULT-VALUE})")
        int students;

        @Option(names = "--answers-per-student", defaultValue = "40", description = "answers of each student, spread over the six-week term; the silent ones stop after the first week (default: ${DEFAULT-VALUE})")
        int answersPerStudent;

        @Option(names = "--items", defaultValue = "15000", description = "items of the catalogue (default: ${DEFAULT-VALUE})")
        int items;

        @Option(names = "--skills", defaultValue = "150", description = "skills the items exercise (default: ${DEFAULT-VALUE})")
        int skills;

        @Option(names = "--rounds", defaultValue = "3", description = "runs of each part and of the full analytics; the figures are the medians (default: ${DEFAULT-VALUE})")
        int rounds;

        @Option(names = "--partitions", defaultValue = "3", description = "partitions of the topics (default: ${DEFAULT-VALUE})")
        int partitions;

        @Option(names = "--chdb-lib", defaultValue = "${env:LEARNSTREAM_CHDB_LIB}", description = "path of libchdb.so")
        Path chdbLibrary;

        @Override
        public Integer call() throws Exception {
            StreamsBenchmark.Result result = onFreshStack(partitions, chdbLibrary,
                    (stack, dir) -> new StreamsBenchmark(students, answersPerStudent, items, skills, rounds).run(stack, partitions, System.out));
            System.out.print(StreamsBenchmark.report(result));
            return 0;
        }
    }

    /** What a benchmark does on its stack. */
    @FunctionalInterface
    interface OnStack<R> {
        R run(EmbeddedStack stack, Path dataDir) throws Exception;
    }

    /** Runs {@code work} on a fresh embedded stack (the front door, broker, registry, chDB) in a temporary directory, deleted after. */
    static <R> R onFreshStack(int partitions, Path chdbLibrary, OnStack<R> work) throws Exception {
        return onFreshStack(partitions, chdbLibrary, java.util.Set.of(), work);
    }

    /** As {@link #onFreshStack(int, Path, OnStack)}, running {@code parts} besides the front door. */
    static <R> R onFreshStack(int partitions, Path chdbLibrary, java.util.Set<io.learnstream.app.pipeline.Part> parts, OnStack<R> work)
            throws Exception {
        Path dir = Files.createTempDirectory("learnstream-bench-");
        System.setProperty("learnstream.log.dir", dir.resolve("logs").toString());
        try (EmbeddedStack stack = EmbeddedStack.start(new EmbeddedStackConfig(dir, 0, 0, 0, partitions, Optional.ofNullable(chdbLibrary), parts),
                new SimpleMeterRegistry())) {
            return work.run(stack, dir);
        } finally {
            Ingest.delete(dir);
        }
    }
}

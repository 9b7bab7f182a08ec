package io.learnstream.app.cli;

import io.learnstream.app.bench.DashboardBenchmark;
import io.learnstream.app.pipeline.Part;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code learnstream bench dashboard}: the teacher dashboard's class and student pages for a large district, against a static file of the same server. */
@Command(name = "dashboard", mixinStandardHelpOptions = true,
        description = "A simulated district (roster imported into the roster topics) and its term written into the ClickHouse tables through the sinks' row mappers; teachers with local accounts sign in; then concurrent clients ask, as those teachers, for their class pages, then their students' pages, then a static file of the same server (the reference). Prints requests/s and p50/p95/p99 latency of each and the ratios.")
final class BenchDashboardCommand implements Callable<Integer> {
    @Option(names = "--students", defaultValue = "20000", description = "students of the district (default: ${DEFAULT-VALUE})")
    int students;

    @Option(names = "--schools", defaultValue = "20", description = "schools of the district (default: ${DEFAULT-VALUE})")
    int schools;

    @Option(names = "--weeks", defaultValue = "16", description = "weeks of the term written (default: ${DEFAULT-VALUE})")
    int weeks;

    @Option(names = "--teachers", defaultValue = "200", description = "teachers signed in; each request is one of theirs (default: ${DEFAULT-VALUE})")
    int teachers;

    @Option(names = "--requests", defaultValue = "5000", description = "class pages measured; as many student pages and reference requests (default: ${DEFAULT-VALUE})")
    int requests;

    @Option(names = "--warmup", defaultValue = "2000", description = "requests of each kind before, unmeasured (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--clients", defaultValue = "8", description = "concurrent HTTP clients (default: ${DEFAULT-VALUE})")
    int clients;

    @Option(names = "--seed", defaultValue = "14", description = "seed of the district and its term (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--partitions", defaultValue = "3", description = "partitions of the topics (default: ${DEFAULT-VALUE})")
    int partitions;

    @Option(names = "--chdb-lib", defaultValue = "${env:LEARNSTREAM_CHDB_LIB}", description = "path of libchdb.so")
    Path chdbLibrary;

    @Override
    public Integer call() throws Exception {
        DashboardBenchmark benchmark = new DashboardBenchmark(students, schools, weeks, teachers, requests, warmup, clients, seed);
        // the analytics part runs the roster index (class teachers) the dashboard decides access by
        DashboardBenchmark.Result result = BenchCommand.onFreshStack(partitions, chdbLibrary, EnumSet.of(Part.ANALYTICS, Part.DASHBOARD),
                (stack, dir) -> benchmark.run(stack, dir, System.out));
        System.out.print(DashboardBenchmark.report(result));
        return 0;
    }
}

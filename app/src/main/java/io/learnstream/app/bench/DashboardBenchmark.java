package io.learnstream.app.bench;

import io.learnstream.app.dashboard.Dashboard;
import io.learnstream.app.dashboard.accounts.Role;
import io.learnstream.app.dashboard.data.DashboardQueries;
import io.learnstream.app.roster.RosterExport;
import io.learnstream.app.roster.RosterImporter;
import io.learnstream.app.simulate.activity.Term;
import io.learnstream.app.simulate.district.CourseSection;
import io.learnstream.app.simulate.district.District;
import io.learnstream.app.simulate.district.DistrictGenerator;
import io.learnstream.app.simulate.district.DistrictSpec;
import io.learnstream.app.simulate.district.Student;
import io.learnstream.app.stack.EmbeddedStack;
import io.learnstream.schemas.avro.ClassTeachers;
import io.learnstream.schemas.topic.TopicTable;
import io.learnstream.schemas.topic.TopicTableConfig;
import io.learnstream.schemas.topic.Topics;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * How fast the teacher dashboard answers its pages for a large district. A simulated district (its roster imported
 * into the roster topics as {@code roster import} does) and its term in the ClickHouse tables ({@link DashboardTerm});
 * teachers with local accounts sign in through the sign-in form; then concurrent clients ask, each request as one of
 * those teachers, for the page of one of their classes, then for a student's page of one of their classes. In the
 * same run the same clients ask the same server for a static file (no session, no query, no template): the floor
 * under any page of that server on this machine.
 */
public final class DashboardBenchmark {
    static final String TENANT = "bench";
    private static final String PASSWORD = "bench-password-long-enough";
    private static final ZoneId ZONE = ZoneId.of("America/Chicago");
    /** The reference: a static file of the dashboard, served by the same Jetty with no session. */
    static final String REFERENCE_PATH = "/static/dashboard.css";
    private static final Duration INDEX_BOUND = Duration.ofMinutes(3);

    /** The figures of one run: the written term, and the class pages', student pages' and reference's latencies. */
    public record Result(DashboardTerm.Written term, int schools, int teachers, int clients, Latencies classPages,
            Latencies studentPages, Latencies reference) {
        /** The class pages' rate over the reference's. */
        public double ratio() {
            return classPages.perSecond() / reference.perSecond();
        }

        public double studentRatio() {
            return studentPages.perSecond() / reference.perSecond();
        }
    }

    private final int students;
    private final int schools;
    private final int weeks;
    private final int teachers;
    private final int requests;
    private final int warmup;
    private final int clients;
    private final long seed;

    /**
     * @param teachers teachers signed in (each request is one of theirs)
     * @param requests class pages measured; as many student pages and reference requests
     * @param warmup   requests of each kind before, unmeasured, so the JIT has compiled the server's paths
     */
    public DashboardBenchmark(int students, int schools, int weeks, int teachers, int requests, int warmup, int clients, long seed) {
        if (students < 1 || schools < 1 || weeks < 1 || teachers < 1 || requests < 1 || warmup < 0 || clients < 1) {
            throw new IllegalArgumentException("students, schools, weeks, teachers, requests and clients must be >= 1 and warmup >= 0");
        }
        this.students = students;
        this.schools = schools;
        this.weeks = weeks;
        this.teachers = teachers;
        this.requests = requests;
        this.warmup = warmup;
        this.clients = clients;
        this.seed = seed;
    }

    public Result run(EmbeddedStack stack, Path dataDir, PrintStream out) throws Exception {
        Dashboard dashboard = stack.pipeline().dashboard()
                .orElseThrow(() -> new IllegalStateException("the benchmark's stack runs no dashboard"));
        District district = DistrictGenerator.generate(new DistrictSpec("bench", seed, schools, students, ZONE, weeks));
        Term term = new Term(LocalDate.of(2026, 8, 31), weeks, ZONE);
        out.printf(Locale.ROOT, "bench: district of %,d students in %d schools, %,d classes; importing its roster...%n",
                district.students().size(), schools, district.sections().size());
        Path export = dataDir.resolve("roster");
        RosterExport.write(district, term, export);
        stack.pipeline().directory().districts().createIfAbsent(TENANT, "Bench District");
        RosterImporter.importExport(export, TENANT, stack.pipeline().topics(), stack.kafkaBootstrapServers(), "learnstream-bench-dashboard");

        out.printf(Locale.ROOT, "bench: writing the term (%d weeks) into the tables through the sinks' row mappers...%n", weeks);
        DashboardTerm.Written written = new DashboardTerm(stack.pipeline().store(), TENANT, district, term, seed, Clock.systemUTC()).write();
        out.printf(Locale.ROOT, "bench: wrote %,d risk scores, %,d engagement days, %,d skill rows in %.0f s%n",
                written.riskScores(), written.engagementDays(), written.skillRows(), written.seconds());
        awaitClassTeachers(stack, district);

        Map<String, List<CourseSection>> classesOf = new LinkedHashMap<>();
        district.sections().forEach(s -> classesOf.computeIfAbsent(s.teacherId(), t -> new ArrayList<>()).add(s));
        List<String> signedIn = new ArrayList<>(classesOf.keySet());
        Collections.shuffle(signedIn, new java.util.Random(seed));
        signedIn = signedIn.subList(0, Math.min(teachers, signedIn.size()));
        Map<String, List<Student>> studentsOf = new HashMap<>();
        district.students().forEach(s -> s.sectionIds().forEach(id -> studentsOf.computeIfAbsent(id, k -> new ArrayList<>()).add(s)));

        try (PageLoad load = new PageLoad(dashboard.baseUrl(), clients)) {
            out.printf(Locale.ROOT, "bench: %d teachers sign in...%n", signedIn.size());
            Map<String, String> cookies = new HashMap<>();
            for (String teacher : signedIn) {
                String username = "t-" + teacher.replaceAll("[^A-Za-z0-9._@-]", "-");
                dashboard.accounts().put(TENANT, username, Role.TEACHER, Optional.of(teacher), PASSWORD);
                cookies.put(teacher, load.signIn(TENANT, username, PASSWORD));
            }
            SplittableRandom random = new SplittableRandom(seed);
            List<String> teachersList = signedIn;
            Requests make = (count, student) -> {
                List<PageLoad.Request> made = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    String teacher = teachersList.get(random.nextInt(teachersList.size()));
                    List<CourseSection> own = classesOf.get(teacher);
                    CourseSection section = own.get(random.nextInt(own.size()));
                    List<Student> enrolled = studentsOf.get(section.id());
                    String someone = DashboardTerm.studentKey(seed, enrolled.get(random.nextInt(enrolled.size())));
                    made.add(student
                            ? new PageLoad.Request("/classes/" + section.id() + "/students/" + someone, cookies.get(teacher), "id=\"mastery-grid\"")
                            : new PageLoad.Request("/classes/" + section.id(), cookies.get(teacher), someone));
                }
                return made;
            };
            List<PageLoad.Request> reference = Collections.nCopies(requests, new PageLoad.Request(REFERENCE_PATH, null, "{"));
            out.printf(Locale.ROOT, "bench: warm-up, %,d requests of each kind...%n", warmup);
            load.run(make.of(warmup, false));
            load.run(make.of(warmup, true));
            load.run(reference.subList(0, Math.min(warmup, requests)));
            out.printf(Locale.ROOT, "bench: measuring %,d class pages, %,d student pages and %,d reference requests, %d clients...%n",
                    requests, requests, requests, clients);
            Latencies classPages = phase(out, "class pages", load.run(make.of(requests, false)));
            Latencies studentPages = phase(out, "student pages", load.run(make.of(requests, true)));
            Latencies floor = phase(out, "reference", load.run(reference));
            profile(stack, district, studentsOf, out);
            return new Result(written, schools, signedIn.size(), clients, classPages, studentPages, floor);
        }
    }

    /** Each of the pages' queries alone, one at a time on this thread: where a page's time goes. */
    private void profile(EmbeddedStack stack, District district, Map<String, List<Student>> studentsOf, PrintStream out) {
        DashboardQueries queries = new DashboardQueries(stack.pipeline().store());
        SplittableRandom random = new SplittableRandom(seed + 1);
        int rounds = 50;
        long[] students = new long[rounds];
        long[] detail = new long[rounds];
        long[] inClass = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            CourseSection section = district.sections().get(random.nextInt(district.sections().size()));
            List<Student> enrolled = studentsOf.get(section.id());
            String key = DashboardTerm.studentKey(seed, enrolled.get(random.nextInt(enrolled.size())));
            long t0 = System.nanoTime();
            queries.students(TENANT, section.id());
            long t1 = System.nanoTime();
            queries.inClass(TENANT, section.id(), key);
            long t2 = System.nanoTime();
            queries.student(TENANT, section.id(), key);
            long t3 = System.nanoTime();
            students[i] = t1 - t0;
            inClass[i] = t2 - t1;
            detail[i] = t3 - t2;
        }
        for (var named : List.of(Map.entry("class's students", students), Map.entry("student in class", inClass), Map.entry("student detail (5 queries)", detail))) {
            Latencies alone = Latencies.of(named.getValue(), java.util.Arrays.stream(named.getValue()).sum());
            out.printf(Locale.ROOT, "bench: query alone, %s: p50 %.1f ms, p95 %.1f ms%n", named.getKey(), alone.p50Millis(), alone.p95Millis());
        }
    }

    private static Latencies phase(PrintStream out, String what, Latencies measured) {
        out.printf(Locale.ROOT, "bench: %s: %,.0f requests/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n", what, measured.perSecond(),
                measured.p50Millis(), measured.p95Millis(), measured.p99Millis());
        return measured;
    }

    /** What the requests of one kind are made of. */
    @FunctionalInterface
    private interface Requests {
        List<PageLoad.Request> of(int count, boolean studentPages);
    }

    /** Waits until the roster index holds the teachers of every class: the dashboard decides access by it. */
    private static void awaitClassTeachers(EmbeddedStack stack, District district) throws InterruptedException {
        try (TopicTable<String, ClassTeachers> classTeachers = TopicTable.open(stack.pipeline().topics().classTeachers(),
                TopicTableConfig.of(stack.kafkaBootstrapServers()).withClientId("learnstream-bench-dashboard"))) {
            long deadline = System.nanoTime() + INDEX_BOUND.toNanos();
            while (!district.sections().stream().allMatch(s -> classTeachers.get(Topics.tenantScopedKey(TENANT, s.id())).isPresent())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the roster index did not hold every class's teachers within " + INDEX_BOUND);
                }
                Thread.sleep(200);
            }
        }
    }

    /** The figures, for the terminal. */
    public static String report(Result r) {
        return String.format(Locale.ROOT, """

                dashboard benchmark (%,d students in %d schools, %,d classes, a term of %,d risk scores, %,d engagement days,
                                     %,d skill rows; %d signed-in teachers, %d HTTP clients)
                  class page:    %,7.0f requests/s   p50 %6.1f ms   p95 %6.1f ms   p99 %6.1f ms   (aim: p95 <= 150 ms)
                  student page:  %,7.0f requests/s   p50 %6.1f ms   p95 %6.1f ms   p99 %6.1f ms
                  reference:     %,7.0f requests/s   p50 %6.1f ms   p95 %6.1f ms   p99 %6.1f ms   (GET %s: same server, same clients,
                                                                                              no session, query or template)
                  ratio:         class page %.3f, student page %.3f of the reference's rate
                """, r.term().students(), r.schools(), r.term().classes(), r.term().riskScores(), r.term().engagementDays(),
                r.term().skillRows(), r.teachers(), r.clients(),
                r.classPages().perSecond(), r.classPages().p50Millis(), r.classPages().p95Millis(), r.classPages().p99Millis(),
                r.studentPages().perSecond(), r.studentPages().p50Millis(), r.studentPages().p95Millis(), r.studentPages().p99Millis(),
                r.reference().perSecond(), r.reference().p50Millis(), r.reference().p95Millis(), r.reference().p99Millis(), REFERENCE_PATH,
                r.ratio(), r.studentRatio());
    }
}

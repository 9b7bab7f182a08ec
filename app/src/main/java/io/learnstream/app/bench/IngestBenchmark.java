package io.learnstream.app.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.learnstream.app.simulate.Credentials;
import io.learnstream.app.simulate.SimulatorConfig;
import io.learnstream.app.simulate.StatementGenerator;
import io.learnstream.app.simulate.activity.Term;
import io.learnstream.app.simulate.district.District;
import io.learnstream.app.simulate.district.DistrictGenerator;
import io.learnstream.app.simulate.district.DistrictSpec;
import io.learnstream.app.stack.DemoDistrict;
import io.learnstream.app.stack.EmbeddedStack;
import io.learnstream.ingest.IngestConfig;
import io.learnstream.ingest.IngestMetrics;
import io.learnstream.ingest.KnownStatements;
import io.learnstream.ingest.StatementIntake;
import io.learnstream.ingest.Submitter;
import io.learnstream.ingest.http.IngestServer;
import io.learnstream.ingest.http.JsonBodies;
import io.learnstream.ingest.publish.ProducerSettings;
import io.learnstream.ingest.xapi.XapiVersion;
import io.learnstream.schemas.registry.InMemorySchemaRegistryClient;
import io.learnstream.schemas.serde.AvroSerdes;
import io.learnstream.schemas.topic.TopicPublisher;
import io.learnstream.schemas.topic.Topics;
import io.learnstream.sinks.lrs.KafkaTopicProgress;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * How fast the xAPI front door stores statements, against what Kafka itself takes. Concurrent HTTP clients post
 * realistic statements (the simulator's) in batches to the LRS tier of an embedded stack and wait for each answer;
 * then, in the same run, one raw producer with the ingest's own settings sends the very records ingest wrote (read
 * back from the topic) to a fresh topic with as many partitions. The ratio of the two rates is what the front door
 * costs: parsing, validation, duplicate checks, authentication, HTTP. Last, the same clients post the same requests
 * to an {@link HttpFloor} that only writes those records: it parts the cost of HTTP and of the clients, which share
 * the machine, from the front door's own.
 */
public final class IngestBenchmark {
    /**
     * The figures of one run.
     *
     * @param jitMillis time the JIT's compiler threads spent compiling while the front door was measured
     * @param gcMillis  time spent collecting garbage while the front door was measured
     * @param rawRuns   each raw-producer run's rate, in the order they ran
     * @param floorRuns each {@link HttpFloor} run's rate, in the order they ran
     */
    public record Result(int statements, int batchSize, int clients, double httpPerSecond, double p50Millis, double p99Millis,
            double rawPerSecond, double averageRecordBytes, double httpCpuMicrosPerStatement, double rawCpuMicrosPerRecord,
            long jitMillis, long gcMillis, double measuredSeconds, double[] rawRuns, double frontDoorWorkMicrosPerStatement,
            double[] floorRuns, double floorCpuMicrosPerStatement, double leastWorkMicrosPerStatement) {
        public double ratio() {
            return httpPerSecond / rawPerSecond;
        }

        /** The median {@link HttpFloor} run's rate: the most any front door over this HTTP stack reaches here with these clients. */
        public double floorPerSecond() {
            return median(floorRuns);
        }

        /** The floor's rate against the raw producer's: the highest {@link #ratio()} any front door could show in this run. */
        public double floorRatio() {
            return floorPerSecond() / rawPerSecond;
        }

        /**
         * The ratio a front door that did only the {@link #leastWorkMicrosPerStatement() least work} over this HTTP would
         * reach here, were CPU all that bounds it: the floor's, scaled by the floor's CPU over the floor's plus that work.
         */
        public double leastWorkRatio() {
            return floorRatio() * floorCpuMicrosPerStatement / (floorCpuMicrosPerStatement + leastWorkMicrosPerStatement);
        }

        /**
         * The ratio the front door could reach here if HTTP cost nothing and CPU were all that bounds both: a raw record
         * costs {@link #rawCpuMicrosPerRecord()}, a statement that plus the front door's own work.
         */
        public double ceiling() {
            return rawCpuMicrosPerRecord / (rawCpuMicrosPerRecord + frontDoorWorkMicrosPerStatement);
        }
    }

    /** Passes over the measured statements for the front door's own work; the fastest of all but the first counts. */
    public static final int OWN_WORK_PASSES = 5;

    /** The raw reference is short; its median of three runs is steadier than one. */
    public static final int RAW_RUNS = 3;

    /** Measured runs of the {@link HttpFloor}, after one that lets the JIT compile its handler; the median counts. */
    public static final int FLOOR_RUNS = 3;

    /** Statements per warm-up round, generated just before the round so that a long warm-up needs no more memory. */
    static final int WARMUP_ROUND = 50_000;

    /** The JIT counts as quiet when its compiler threads were busy for less than this share of a warm-up round's wall time... */
    static final double QUIET_JIT_SHARE = 0.10;

    /** ...in this many rounds in a row: it compiles in bursts, and one quiet round is often followed by a busy one. */
    static final int QUIET_ROUNDS = 3;

    private final int statements;
    private final int warmup;
    private final Duration warmupLimit;
    private final int batchSize;
    private final int clients;

    /**
     * @param warmup      statements posted at least before the measurement, so that it sees code the JIT compiled rather
     *                    than the compiling: they come from other terms of the district, so none of them is a duplicate
     * @param warmupLimit how long the warm-up may go on after those, in rounds of {@link #WARMUP_ROUND}, until the JIT is
     *                    quiet ({@link #QUIET_JIT_SHARE}): on two cores it keeps compiling a broker-sized program for
     *                    minutes, and a server that runs for weeks is measured in its steady state
     */
    public IngestBenchmark(int statements, int warmup, Duration warmupLimit, int batchSize, int clients) {
        if (statements < batchSize) throw new IllegalArgumentException("statements (" + statements + ") must be at least one batch (" + batchSize + ")");
        if (batchSize < 1 || clients < 1) throw new IllegalArgumentException("batch size and clients must be at least 1");
        if (warmup < 0) throw new IllegalArgumentException("warm-up statements must not be negative");
        this.statements = statements;
        this.warmup = warmup;
        this.warmupLimit = warmupLimit;
        this.batchSize = batchSize;
        this.clients = clients;
    }

    public Result run(EmbeddedStack stack, Credentials credential, java.io.PrintStream out) throws Exception {
        out.printf("bench: generating %,d statements of the simulated district...%n", statements);
        List<byte[]> measuredBatches = batches(statements, 0);
        URI endpoint = URI.create(stack.ingestUrl() + "/xAPI/statements");
        long warmedUp = warmUp(endpoint, credential, out);
        Map<TopicPartition, Long> measuredFrom = endOffsets(stack);
        long stored = measuredFrom.values().stream().mapToLong(Long::longValue).sum();
        if (stored != warmedUp) throw new IllegalStateException("the warm-up stored " + stored + " records for " + warmedUp + " statements");
        out.printf("bench: %d HTTP clients posting %,d statements in batches of %d...%n", clients, measuredBatches.size() * batchSize, batchSize);
        long cpuBefore = processCpuNanos();
        long jitBefore = jitMillis();
        long gcBefore = gcMillis();
        long started = System.nanoTime();
        long[] latencies = post(measuredBatches, batch -> endpoint, credential);
        double httpSeconds = (System.nanoTime() - started) / 1e9;
        double httpCpu = (processCpuNanos() - cpuBefore) / 1e3;
        long jit = jitMillis() - jitBefore;
        long gc = gcMillis() - gcBefore;
        int measured = measuredBatches.size() * batchSize;

        out.printf("bench: raw producer, the same records with the same settings, %d runs...%n", RAW_RUNS);
        List<ConsumerRecord<byte[], byte[]>> same = readBack(stack, measuredFrom, measured);
        double[] rawRuns = new double[RAW_RUNS];
        double rawCpu = 0;
        for (int run = 0; run < RAW_RUNS; run++) {
            RawRun raw = rawRun(stack, same);
            rawRuns[run] = raw.perSecond();
            rawCpu += raw.cpuMicros();
        }
        double rawPerSecond = median(rawRuns);

        out.printf("bench: HTTP floor, the same requests answered by writing the same records, %d runs after one unmeasured...%n", FLOOR_RUNS);
        FloorRuns floor = floorRuns(stack, same, measuredBatches, credential);

        out.println("bench: the front door's own work on the same statements, in one thread, without HTTP or a broker...");
        double frontDoorWork = frontDoorWorkMicros(measuredBatches);
        double leastWork = leastWorkMicros(measuredBatches);

        Arrays.sort(latencies);
        double averageBytes = same.stream().mapToLong(r -> r.serializedKeySize() + r.serializedValueSize()).average().orElse(0);
        return new Result(measured, batchSize, clients, measured / httpSeconds, latencies[latencies.length / 2] / 1e6,
                latencies[(int) Math.min(latencies.length - 1, Math.ceil(latencies.length * 0.99) - 1)] / 1e6, rawPerSecond, averageBytes,
                httpCpu / measured, rawCpu / ((double) measured * RAW_RUNS), jit, gc, httpSeconds, rawRuns, frontDoorWork,
                floor.perSecond(), floor.cpuMicros() / ((double) measured * FLOOR_RUNS), leastWork);
    }

    private static double median(double[] runs) {
        double[] sorted = runs.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /**
     * Posts at least {@link #warmup} statements of other terms, then further rounds until the JIT is quiet or the
     * {@link #warmupLimit} has passed; returns how many statements it posted.
     */
    private long warmUp(URI endpoint, Credentials credential, java.io.PrintStream out) throws Exception {
        long deadline = Long.MAX_VALUE; // set once the required statements are posted
        long posted = 0;
        int quietRounds = 0;
        for (int term = 1; ; term++) {
            int count = posted < warmup ? (int) Math.max(batchSize, Math.min(WARMUP_ROUND, warmup - posted)) : WARMUP_ROUND;
            List<byte[]> round = batches(count, term);
            long jitBefore = jitMillis();
            long started = System.nanoTime();
            post(round, batch -> endpoint, credential);
            double millis = (System.nanoTime() - started) / 1e6;
            double jitShare = (jitMillis() - jitBefore) / millis;
            posted += (long) round.size() * batchSize;
            out.printf(Locale.ROOT, "bench: warm-up round %d, %,d batches: %,.0f statements/s, JIT compiling %.0f%% of the time%n",
                    term, round.size(), round.size() * batchSize / (millis / 1e3), jitShare * 100);
            quietRounds = jitShare < QUIET_JIT_SHARE ? quietRounds + 1 : 0;
            if (posted >= warmup && deadline == Long.MAX_VALUE) deadline = System.nanoTime() + warmupLimit.toNanos();
            if (posted >= warmup && (quietRounds >= QUIET_ROUNDS || System.nanoTime() >= deadline)) return posted;
        }
    }

    /**
     * CPU microseconds per statement of what the front door does besides HTTP and Kafka, on one thread: parse the body
     * under the LRS's limits, validate, hash, set what the LRS sets, check for duplicates, build and serialize the
     * records (to a mock producer). The batches run {@link #OWN_WORK_PASSES} times and the fastest pass counts: the mock
     * producer is a second producer class at call sites the JIT compiled for one, so the first passes run code being
     * compiled again (after a long warm-up one pass is not enough for it).
     */
    private double frontDoorWorkMicros(List<byte[]> batches) throws Exception {
        JsonBodies bodies = new JsonBodies(IngestServer.MAX_JSON_DEPTH, IngestConfig.defaults().maxStatementsPerRequest());
        Submitter submitter = new Submitter("bench", "bench-tool", "ls_bench");
        return fastestPassMicros(batches, () -> {
            MockProducer<byte[], byte[]> producer = new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
            StatementIntake intake = new StatementIntake(Topics.create(AvroSerdes.create(new InMemorySchemaRegistryClient())),
                    new TopicPublisher(producer), KnownStatements.NONE, Clock.systemUTC(), new IngestMetrics(new SimpleMeterRegistry()),
                    "http://127.0.0.1/credentials");
            return batch -> {
                JsonBodies.Statements received = bodies.parseStatements(batch);
                intake.store(submitter, XapiVersion.V1_0_3, intake.prepare(received.json(), received.received(), XapiVersion.V1_0_3)).join();
                producer.clear(); // the mock keeps what it was sent; the measurement need not
            };
        });
    }

    /**
     * CPU microseconds per statement of the least any front door that meets the xAPI contract does with a request, on
     * one thread: read every token of its JSON with the duplicate-name check (no tree, no validation) and take SHA-256
     * of as many bytes (what its duplicate check hashes is about as long). Fastest of {@link #OWN_WORK_PASSES} passes
     * but the first, like the own work.
     */
    private double leastWorkMicros(List<byte[]> batches) throws Exception {
        JsonFactory json = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        long[] read = {0};
        double micros = fastestPassMicros(batches, () -> batch -> {
            try (JsonParser parser = json.createParser(batch)) {
                for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                    if (token == JsonToken.VALUE_STRING || token == JsonToken.FIELD_NAME) read[0] += parser.getText().length();
                }
            }
            read[0] += sha256.digest(batch)[0];
        });
        if (read[0] == 0) throw new IllegalStateException("the statements held no text"); // uses what was read, so none of it is left out
        return micros;
    }

    /** What one pass does with each batch, on the calling thread. */
    private interface Pass {
        void run(byte[] batch) throws Exception;
    }

    /**
     * CPU microseconds per statement of the fastest of {@link #OWN_WORK_PASSES} passes over {@code batches} but the
     * first (which runs code the JIT is still compiling); each pass is made by {@code newPass} before its time starts.
     */
    private double fastestPassMicros(List<byte[]> batches, Callable<Pass> newPass) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = Long.MAX_VALUE;
        for (int pass = 0; pass < OWN_WORK_PASSES; pass++) {
            Pass work = newPass.call();
            long before = threads.getCurrentThreadCpuTime();
            for (byte[] batch : batches) work.run(batch);
            if (pass > 0) cpu = Math.min(cpu, threads.getCurrentThreadCpuTime() - before);
        }
        return cpu / 1e3 / ((double) batches.size() * batchSize);
    }

    /** CPU time of this whole process (front door, broker, clients: everything runs in it), in nanoseconds. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long jitMillis() {
        return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    /** {@code count} statements of the simulated district in batches; term number 0 is the measured term, others differ in every id. */
    private List<byte[]> batches(int count, int termNumber) {
        DistrictSpec spec = SimulatorConfig.builder(URI.create("http://127.0.0.1"), java.nio.file.Path.of("unused")).build().districtSpec();
        District district = DistrictGenerator.generate(spec);
        Term term = new Term(LocalDate.of(2026, 8, 31), spec.termWeeks(), spec.zone());
        List<byte[]> batches = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        int inBatch = 0;
        int made = 0;
        for (int round = 0; made < count; round++) {
            // one term holds a few hundred thousand statements; further rounds simulate it again with another seed
            StatementGenerator generator = StatementGenerator.create(district, term, spec.seed() + 1_000L * termNumber + round);
            for (; made < count && generator.hasNext(); made++) {
                ObjectNode statement = generator.next();
                body.append(inBatch == 0 ? '[' : ',').append(statement);
                if (++inBatch == batchSize) {
                    batches.add(body.append(']').toString().getBytes(StandardCharsets.UTF_8));
                    body.setLength(0);
                    inBatch = 0;
                }
            }
        }
        return batches;
    }

    /**
     * Posts every batch (each client takes the next one), failing on any answer but 200; returns each request's latency.
     * The clients are Apache HttpClient's blocking ones: they share the two cores with the front door, and the JDK's
     * client hands every request through three threads.
     */
    private long[] post(List<byte[]> batches, IntFunction<URI> endpoint, Credentials credential) throws Exception {
        long[] latencies = new long[batches.size()];
        AtomicInteger next = new AtomicInteger();
        try (CloseableHttpClient http = HttpClients.custom().disableAutomaticRetries()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create().setMaxConnTotal(clients).setMaxConnPerRoute(clients).build())
                .build();
                ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < batches.size(); i = next.getAndIncrement()) {
                        HttpPost request = new HttpPost(endpoint.apply(i));
                        request.setHeader("X-Experience-API-Version", "1.0.3");
                        request.setHeader("Authorization", credential.authorizationHeader());
                        request.setEntity(new ByteArrayEntity(batches.get(i), ContentType.APPLICATION_JSON));
                        int batch = i;
                        long t0 = System.nanoTime();
                        http.execute(request, response -> {
                            String body = EntityUtils.toString(response.getEntity());
                            if (response.getCode() != 200) {
                                throw new IllegalStateException("batch " + batch + " got HTTP " + response.getCode() + ": " + body);
                            }
                            return null;
                        });
                        latencies[i] = System.nanoTime() - t0;
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) worker.get();
        }
        return latencies;
    }

    /** Where each partition of the statements topic ends now: ingest answers only after Kafka acknowledged, so it holds all answered. */
    private static Map<TopicPartition, Long> endOffsets(EmbeddedStack stack) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafkaBootstrapServers()))) {
            Map<TopicPartition, Long> ends = new java.util.HashMap<>();
            KafkaTopicProgress.lastStableOffsets(admin, Topics.XAPI_STATEMENTS, Duration.ofSeconds(30))
                    .forEach((partition, offset) -> ends.put(new TopicPartition(Topics.XAPI_STATEMENTS, partition), offset));
            return ends;
        }
    }

    /** The {@code expected} records stored from {@code from} on (the measured statements' records), in the order of their timestamps. */
    private static List<ConsumerRecord<byte[], byte[]>> readBack(EmbeddedStack stack, Map<TopicPartition, Long> from, long expected) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(from.keySet());
            from.forEach(consumer::seek);
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        if (records.size() < expected) {
            throw new IllegalStateException("read back " + records.size() + " of " + expected + " stored records");
        }
        records.sort(java.util.Comparator.comparingLong(ConsumerRecord::timestamp));
        return records;
    }

    /** The floor's measured runs: each one's rate, and the CPU the process spent in all of them, in microseconds. */
    private record FloorRuns(double[] perSecond, double cpuMicros) {}

    /**
     * Posts {@code batches} to an {@link HttpFloor} writing {@code records}: once unmeasured (its handler is new to the
     * JIT), then {@link #FLOOR_RUNS} times measured.
     */
    private FloorRuns floorRuns(EmbeddedStack stack, List<ConsumerRecord<byte[], byte[]>> records, List<byte[]> batches, Credentials credential)
            throws Exception {
        double[] perSecond = new double[FLOOR_RUNS];
        double cpu = 0;
        try (HttpFloor floor = HttpFloor.start(stack.kafkaBootstrapServers(), freshTopic(stack, "learnstream.bench.http-floor-"), records, batchSize,
                IngestConfig.defaults().maxRequestBytes())) {
            for (int run = -1; run < FLOOR_RUNS; run++) {
                long cpuBefore = processCpuNanos();
                long started = System.nanoTime();
                post(batches, floor::endpoint, credential);
                if (run < 0) continue;
                perSecond[run] = records.size() / ((System.nanoTime() - started) / 1e9);
                cpu += (processCpuNanos() - cpuBefore) / 1e3;
            }
        }
        return new FloorRuns(perSecond, cpu);
    }

    /** A new topic named {@code prefix} and a unique suffix, with as many partitions as the statements topic. */
    private static String freshTopic(EmbeddedStack stack, String prefix) throws Exception {
        String topic = prefix + System.nanoTime();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafkaBootstrapServers()))) {
            int partitions = admin.describeTopics(List.of(Topics.XAPI_STATEMENTS)).allTopicNames().get()
                    .get(Topics.XAPI_STATEMENTS).partitions().size();
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        }
        return topic;
    }

    /** One raw run: its rate, from the first send to the last acknowledgement, and the CPU the process spent meanwhile. */
    private record RawRun(double perSecond, double cpuMicros) {}

    /** One producer with ingest's settings sends {@code records} to a fresh topic with as many partitions; every send must succeed. */
    private static RawRun rawRun(EmbeddedStack stack, List<ConsumerRecord<byte[], byte[]>> records) throws Exception {
        String topic = freshTopic(stack, "learnstream.bench.raw-reference-");
        try (var producer = new KafkaProducer<byte[], byte[]>(ProducerSettings.forIngest(stack.kafkaBootstrapServers(), "learnstream-bench-raw"))) {
            // not timed: one acknowledged record to each partition first, so the producer has its id and every leader
            for (int partition = 0; partition < producer.partitionsFor(topic).size(); partition++) {
                producer.send(new ProducerRecord<>(topic, partition, null, new byte[0])).get(30, TimeUnit.SECONDS);
            }
            AtomicReference<Exception> failure = new AtomicReference<>();
            long cpuBefore = processCpuNanos();
            long started = System.nanoTime();
            for (ConsumerRecord<byte[], byte[]> record : records) {
                producer.send(new ProducerRecord<>(topic, null, record.timestamp(), record.key(), record.value()), (metadata, error) -> {
                    if (error != null) failure.compareAndSet(null, error);
                });
            }
            producer.flush();
            double seconds = (System.nanoTime() - started) / 1e9;
            double cpu = (processCpuNanos() - cpuBefore) / 1e3;
            if (failure.get() != null) throw new IllegalStateException("the raw producer's sends failed", failure.get());
            return new RawRun(records.size() / seconds, cpu);
        }
    }
}

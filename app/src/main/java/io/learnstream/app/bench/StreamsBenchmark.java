package io.learnstream.app.bench;

import io.learnstream.app.pipeline.Pipeline;
import io.learnstream.app.stack.EmbeddedStack;
import io.learnstream.schemas.avro.LearningEvent;
import io.learnstream.schemas.topic.Topic;
import io.learnstream.schemas.topic.Topics;
import io.learnstream.sinks.lrs.KafkaTopicProgress;
import io.learnstream.streams.alerts.AlertsMetrics;
import io.learnstream.streams.alerts.AlertsOptions;
import io.learnstream.streams.alerts.AlertsTopology;
import io.learnstream.streams.engagement.EngagementOptions;
import io.learnstream.streams.engagement.EngagementTopology;
import io.learnstream.streams.mastery.MasteryMetrics;
import io.learnstream.streams.mastery.MasteryOptions;
import io.learnstream.streams.mastery.MasteryTopology;
import io.learnstream.streams.risk.RiskMetrics;
import io.learnstream.streams.risk.RiskOptions;
import io.learnstream.streams.risk.RiskTopology;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;

/**
 * How fast the analytics process learning events, against what Kafka Streams itself costs. A synthetic term
 * ({@link SyntheticAnswers}: scored answers of students in roster classes, the classes' line items and teachers) is
 * written once to the topics of an embedded broker; then, in rounds, each of these reads all of the learning events
 * from the start as new applications, with the pipeline's own Streams settings (exactly-once v2, its commit interval):
 * <ul>
 *   <li>the {@link PassThroughTopology}, the reference;</li>
 *   <li>each part of the analytics alone: mastery, engagement, risk, and alerts (over the risk scores the risk run
 *       of the round wrote: its input);</li>
 *   <li>the full analytics: engagement, mastery, risk and alerts as four applications at once, as the pipeline runs
 *       them (alerts reading the risk scores risk writes meanwhile).</li>
 * </ul>
 * A run's time is from the first of its applications reaching RUNNING until every one of them has committed its
 * input to the end (upstream first: its sources, then its repartition topics, none with a transaction still open), no
 * answer is held in mastery's reorder buffers, and no transaction is open on its outputs (so all its output is
 * committed). Figures are events of the input per second, the median of the rounds; the ratios are mastery's and the
 * full analytics' over the pass-through's.
 */
public final class StreamsBenchmark {
    public static final String PASS_THROUGH = "pass-through";
    public static final String MASTERY = "mastery";
    public static final String ENGAGEMENT = "engagement";
    public static final String RISK = "risk";
    public static final String ALERTS = "alerts";
    public static final String FULL = "full analytics";
    /** The analytics' parts, upstream first, each run alone and then all at once. */
    public static final List<String> PARTS = List.of(ENGAGEMENT, MASTERY, RISK, ALERTS);
    /** What {@link Run#counts()} names the flags the risk topology raised and the alerts the alerts topology raised. */
    public static final String FLAGS_RAISED = "flags raised";
    /** What {@link Run#counts()} names the events the risk topology applied, and those it found beyond its grace period. */
    public static final String RISK_APPLIED = "risk events applied";
    public static final String RISK_LATE = "risk events beyond grace";
    public static final String ALERTS_RAISED = "alerts raised";
    private static final Duration RUN_BOUND = Duration.ofMinutes(20);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);

    /**
     * One run over the whole input: of the pass-through, of one part, or of the full analytics.
     *
     * @param counts the records the run wrote and committed to each output topic (by the topic's name without the
     *     {@code learnstream.} prefix), and the flags and alerts raised
     */
    public record Run(String name, int round, long events, double seconds, double cpuMicrosPerEvent, Map<String, Long> counts) {
        public double eventsPerSecond() {
            return events / seconds;
        }

        public long count(String what) {
            return counts.getOrDefault(what, 0L);
        }
    }

    /** Every run; the figures are the medians per run name. */
    public record Result(int events, int students, int classes, int silentStudents, int skills, int partitions, List<Run> runs) {
        public double passThroughPerSecond() {
            return median(PASS_THROUGH);
        }

        public double masteryPerSecond() {
            return median(MASTERY);
        }

        public double fullPerSecond() {
            return median(FULL);
        }

        /** Mastery's over the pass-through's. */
        public double ratio() {
            return masteryPerSecond() / passThroughPerSecond();
        }

        /** The full analytics' over the pass-through's. */
        public double fullRatio() {
            return fullPerSecond() / passThroughPerSecond();
        }

        /** The part that is slowest alone: the fewest events per second (median). */
        public String costliestPart() {
            return PARTS.stream().min(Comparator.comparingDouble(this::median)).orElseThrow();
        }

        public List<Run> runsOf(String name) {
            return runs.stream().filter(run -> run.name().equals(name)).toList();
        }

        public double median(String name) {
            return medianOf(runsOf(name).stream().mapToDouble(Run::eventsPerSecond).sorted().toArray());
        }

        public double medianCpuMicros(String name) {
            return medianOf(runsOf(name).stream().mapToDouble(Run::cpuMicrosPerEvent).sorted().toArray());
        }

        private static double medianOf(double[] sorted) {
            if (sorted.length == 0) return Double.NaN;
            return sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        }
    }

    /**
     * One Streams application of a run.
     *
     * @param drained its work is done beyond its committed input (nothing held back)
     * @param outputs topics on which no transaction may be open when it is done, and whose records it wrote are counted
     * @param startAt where its group starts reading (an input's partitions; empty: every input from the start)
     * @param counts what it counted besides its output records
     */
    private record Part(String name, Topology topology, BooleanSupplier drained, List<String> outputs,
            Map<TopicPartition, Long> startAt, Supplier<Map<String, Long>> counts) {}

    /** A part started: its application id and its input topics as its consumers name them, upstream first. */
    private record Started(Part part, String applicationId, List<String> inputs, KafkaStreams streams) {}

    private final int students;
    private final int answersPerStudent;
    private final int items;
    private final int skills;
    private final int rounds;

    public StreamsBenchmark(int students, int answersPerStudent, int items, int skills, int rounds) {
        if (students < 1 || answersPerStudent < 1 || items < 1 || skills < 2 || rounds < 1) {
            throw new IllegalArgumentException("students, answers per student, items and rounds must be positive and skills at least 2");
        }
        this.students = students;
        this.answersPerStudent = answersPerStudent;
        this.items = items;
        this.skills = skills;
        this.rounds = rounds;
    }

    public Result run(EmbeddedStack stack, int partitions, PrintStream out) throws Exception {
        Pipeline pipeline = stack.pipeline();
        Topics topics = pipeline.topics();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()))) {
            createOutput(admin, partitions);
            SyntheticAnswers.Term term = SyntheticAnswers.generate(students, answersPerStudent, items, skills, partitions, 20261207L);
            out.printf(Locale.ROOT, "writing %,d answers of %,d students in %,d classes (%,d going silent; %,d items, %d skills) to %s ...%n",
                    term.events().size(), students, term.classes(), term.silentStudents(), items, skills, topics.learningEvents().name());
            String bootstrap = stack.kafkaBootstrapServers();
            long before = SyntheticAnswers.START.minus(Duration.ofDays(1)).toEpochMilli();
            write(bootstrap, topics.classLineItems(), term.lineItems(),
                    c -> Topics.tenantScopedKey(c.getTenantId(), c.getClassSourcedId()), c -> before);
            write(bootstrap, topics.classTeachers(), term.teachers(),
                    c -> Topics.tenantScopedKey(c.getTenantId(), c.getClassSourcedId()), c -> before);
            write(bootstrap, topics.learningEvents(), term.events(), LearningEvent::getStudentKey, event -> event.getEventTime().toEpochMilli());
            Map<TopicPartition, Long> ends = endOffsets(admin, topics.learningEvents().name());
            long total = ends.values().stream().mapToLong(Long::longValue).sum();

            Parts parts = new Parts(pipeline, topics);
            String scores = topics.riskScores().name();
            List<Run> runs = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                runs.add(measure(pipeline, bootstrap, admin, PASS_THROUGH, round, ends, total, List.of(parts.passThrough()), out));
                runs.add(measure(pipeline, bootstrap, admin, MASTERY, round, ends, total, List.of(parts.mastery()), out));
                runs.add(measure(pipeline, bootstrap, admin, ENGAGEMENT, round, ends, total, List.of(parts.engagement()), out));
                Map<TopicPartition, Long> scoresBeforeRisk = endOffsets(admin, scores);
                runs.add(measure(pipeline, bootstrap, admin, RISK, round, ends, total, List.of(parts.risk()), out));
                // alerts alone: the risk scores the risk run just wrote, all of them and only them
                runs.add(measure(pipeline, bootstrap, admin, ALERTS, round, ends, total, List.of(parts.alerts(scoresBeforeRisk)), out));
                // alerts starts at the end of what earlier runs wrote, and reads what this run's risk writes
                runs.add(measure(pipeline, bootstrap, admin, FULL, round, ends, total,
                        List.of(parts.engagement(), parts.mastery(), parts.risk(), parts.alerts(endOffsets(admin, scores))), out));
            }
            return new Result(term.events().size(), students, term.classes(), term.silentStudents(), skills, partitions, runs);
        }
    }

    /** The parts as the pipeline builds them, each new (its own metrics) for each run. */
    private record Parts(Pipeline pipeline, Topics topics) {
        Part passThrough() {
            return new Part(PASS_THROUGH, PassThroughTopology.build(topics), () -> true, List.of(PassThroughTopology.OUTPUT), Map.of(), Map::of);
        }

        Part mastery() {
            MasteryMetrics metrics = new MasteryMetrics(new SimpleMeterRegistry());
            // done when no answer is held back for ordering either (student summaries follow on their own interval)
            return new Part(MASTERY, MasteryTopology.build(topics, pipeline.serdes(), MasteryOptions.defaults(), metrics),
                    () -> metrics.waiting() == 0, List.of(topics.masteryPredictions().name(), topics.skillMastery().name()), Map.of(), Map::of);
        }

        Part engagement() {
            return new Part(ENGAGEMENT, EngagementTopology.build(topics, pipeline.serdes(), EngagementOptions.defaults()),
                    () -> true, List.of(topics.engagementDaily().name()), Map.of(), Map::of);
        }

        Part risk() {
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            RiskMetrics metrics = new RiskMetrics(meters);
            return new Part(RISK, RiskTopology.build(topics, pipeline.serdes(), RiskOptions.defaults(), metrics),
                    () -> true, List.of(topics.riskScores().name()), Map.of(),
                    () -> Map.of(RISK_APPLIED, metrics.eventsApplied(),
                            RISK_LATE, (long) meters.counter("learnstream.risk.events", "outcome", "beyond_grace").count(),
                            FLAGS_RAISED, (long) meters.counter("learnstream.risk.flags.raised").count()));
        }

        Part alerts(Map<TopicPartition, Long> scoresFrom) {
            AlertsMetrics metrics = new AlertsMetrics(new SimpleMeterRegistry());
            return new Part(ALERTS, AlertsTopology.build(topics, pipeline.serdes(), AlertsOptions.defaults(), metrics),
                    () -> true, List.of(topics.alerts().name()), scoresFrom, () -> Map.of(ALERTS_RAISED, metrics.raised()));
        }
    }

    private static void createOutput(Admin admin, int partitions) throws InterruptedException, ExecutionException {
        try {
            // kept, as the pipeline keeps its topics: its records carry the event time of a past term
            admin.createTopics(List.of(new NewTopic(PassThroughTopology.OUTPUT, Optional.of(partitions), Optional.empty())
                    .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1")))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) throw e;
        }
    }

    private static <K, V> void write(String bootstrap, Topic<K, V> topic, List<V> values, Function<V, K> key,
            ToLongFunction<V> timestamp) {
        Map<String, Object> settings = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4", ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        try (KafkaProducer<K, V> producer = new KafkaProducer<>(settings, topic.keySerde().serializer(), topic.valueSerde().serializer())) {
            for (V value : values) {
                producer.send(new ProducerRecord<>(topic.name(), null, timestamp.applyAsLong(value), key.apply(value), value));
            }
            producer.flush();
        }
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin, String topic) throws Exception {
        List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        return admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all().get()
                .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    /**
     * One run of {@code parts}, each as its own application, started together: from the first's RUNNING until each,
     * upstream first, is done ({@link #done}).
     */
    private static Run measure(Pipeline pipeline, String bootstrap, Admin admin, String name, int round, Map<TopicPartition, Long> ends, long total,
            List<Part> parts, PrintStream out) throws Exception {
        CountDownLatch first = new CountDownLatch(1);
        CountDownLatch all = new CountDownLatch(parts.size());
        List<Started> started = new ArrayList<>();
        long commitIntervalMs = 0;
        Map<String, Map<TopicPartition, Long>> outputsFrom = new LinkedHashMap<>();
        for (Part part : parts) {
            for (String output : part.outputs()) outputsFrom.put(output, endOffsets(admin, output));
        }
        try {
            for (Part part : parts) {
                String applicationId = "learnstream-bench-" + (parts.size() == 1 ? "" : name.replace(' ', '-') + "-") + part.name()
                        + "-" + round + "-" + System.nanoTime();
                if (!part.startAt().isEmpty()) {
                    admin.alterConsumerGroupOffsets(applicationId, part.startAt().entrySet().stream()
                            .collect(Collectors.toMap(Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue())))).all().get();
                }
                Properties settings = pipeline.streamsProperties(applicationId);
                commitIntervalMs = Math.max(commitIntervalMs, Long.parseLong(String.valueOf(settings.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG))));
                KafkaStreams streams = new KafkaStreams(part.topology(), settings);
                AtomicBoolean ran = new AtomicBoolean();
                streams.setStateListener((now, before) -> {
                    if (now == KafkaStreams.State.RUNNING && ran.compareAndSet(false, true)) {
                        first.countDown();
                        all.countDown();
                    }
                });
                started.add(new Started(part, applicationId, Pipeline.inputTopics(part.topology(), applicationId), streams));
            }
            started.forEach(s -> s.streams().start());
            if (!first.await(2, TimeUnit.MINUTES)) throw new IllegalStateException(name + " did not reach RUNNING within 2 minutes");
            long cpuBefore = processCpuNanos();
            long start = System.nanoTime();
            if (!all.await(2, TimeUnit.MINUTES)) throw new IllegalStateException("not all of " + name + " reached RUNNING within 2 minutes");
            if (parts.size() > 1) {
                out.printf(Locale.ROOT, "  [%5.1fs] %s, round %d: all %d applications RUNNING%n", (System.nanoTime() - start) / 1e9, name, round,
                        parts.size());
            }
            long deadline = start + RUN_BOUND.toNanos();
            long nextProgress = start + PROGRESS_EVERY.toNanos();
            // done when seen done twice, a commit interval apart (what a punctuation forwarded just before the first
            // pass may not be on the broker yet); the run ends at the first of the two
            long confirm = TimeUnit.MILLISECONDS.toNanos(commitIntervalMs);
            long doneAt = -1;
            long cpuAtDone = 0;
            while (true) {
                if (done(admin, started)) {
                    long now = System.nanoTime();
                    if (doneAt < 0) {
                        doneAt = now;
                        cpuAtDone = processCpuNanos();
                    } else if (now - doneAt >= confirm) {
                        break;
                    }
                } else {
                    doneAt = -1;
                }
                for (Started s : started) {
                    KafkaStreams.State state = s.streams().state();
                    if (state == KafkaStreams.State.ERROR || state == KafkaStreams.State.PENDING_ERROR) {
                        throw new IllegalStateException(s.part().name() + " of " + name + " failed; see the log");
                    }
                }
                long now = System.nanoTime();
                if (now > deadline) throw new IllegalStateException(name + " did not finish " + total + " events within " + RUN_BOUND);
                if (now >= nextProgress) {
                    out.printf(Locale.ROOT, "  [%5.1fs] %s, round %d: %s%n", (now - start) / 1e9, name, round, progress(admin, started, ends, total));
                    nextProgress += PROGRESS_EVERY.toNanos();
                }
                Thread.sleep(50); // polling the groups' committed offsets, not waiting for a result
            }
            double seconds = (doneAt - start) / 1e9;
            double cpuMicros = (cpuAtDone - cpuBefore) / 1e3 / total;
            // what the run wrote and committed, counted after its time
            Map<String, Long> counts = new LinkedHashMap<>();
            outputsFrom.forEach((output, from) -> counts.put(output.replaceFirst("^learnstream\\.", ""),
                    committedRecords(bootstrap, output, from)));
            for (Started s : started) s.part().counts().get().forEach((what, count) -> counts.merge(what, count, Long::sum));
            Run run = new Run(name, round, total, seconds, cpuMicros, counts);
            out.printf(Locale.ROOT, "  %s, round %d: %,d events in %.1f s = %,.0f events/s (%.0f µs CPU per event); %s%n",
                    name, round, total, seconds, run.eventsPerSecond(), cpuMicros, counts(counts));
            return run;
        } finally {
            for (Started s : started) {
                s.streams().close(Duration.ofSeconds(30));
                s.streams().cleanUp();
            }
        }
    }

    /**
     * Whether every application, in order (upstream first), has committed each of its inputs to the end with no
     * transaction open on it, is drained, and has no transaction open on its outputs. A broker that does not answer
     * in time, or a repartition topic not there yet, counts as not yet.
     */
    private static boolean done(Admin admin, List<Started> started) {
        try {
            for (Started s : started) {
                for (String input : s.inputs()) {
                    // settled first: then what upstream wrote is all below the last stable offset the group must reach
                    if (!KafkaTopicProgress.settled(admin, input, PROBE_TIMEOUT)) return false;
                    if (!new KafkaTopicProgress(admin, input, s.applicationId(), PROBE_TIMEOUT).reachedEnd()) return false;
                }
                if (!s.part().drained().getAsBoolean()) return false;
                for (String output : s.part().outputs()) {
                    if (!KafkaTopicProgress.settled(admin, output, PROBE_TIMEOUT)) return false;
                }
            }
            return true;
        } catch (KafkaException notYet) {
            return false;
        }
    }

    /** Each application's committed input: events of the learning events, offsets of other topics. */
    private static String progress(Admin admin, List<Started> started, Map<TopicPartition, Long> ends, long total) {
        String learningEvents = ends.keySet().iterator().next().topic();
        List<String> parts = new ArrayList<>();
        for (Started s : started) {
            try {
                Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(s.applicationId())
                        .partitionsToOffsetAndMetadata().get(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                if (s.inputs().contains(learningEvents)) {
                    long done = ends.keySet().stream().map(offsets::get).filter(o -> o != null).mapToLong(OffsetAndMetadata::offset).sum();
                    parts.add(String.format(Locale.ROOT, "%s %,d of %,d events committed", s.part().name(), done, total));
                } else {
                    long done = offsets.values().stream().filter(o -> o != null).mapToLong(OffsetAndMetadata::offset).sum();
                    parts.add(String.format(Locale.ROOT, "%s at offset %,d of its input", s.part().name(), done));
                }
            } catch (Exception e) {
                parts.add(s.part().name() + " ?");
            }
        }
        return String.join("; ", parts);
    }

    /**
     * The records of {@code topic} a transactional reader sees from offsets {@code from} (partitions not named: from
     * the start) up to the last stable offsets.
     */
    static long committedRecords(String bootstrap, String topic, Map<TopicPartition, Long> from) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            partitions.forEach(p -> consumer.seek(p, from.getOrDefault(p, 0L)));
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long count = 0;
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (System.nanoTime() > deadline) throw new IllegalStateException("could not read " + topic + " to its end within a minute");
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) count++;
                }
            }
            return count;
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static String counts(Map<String, Long> counts) {
        return counts.entrySet().stream().map(e -> String.format(Locale.ROOT, "%s %,d", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
    }

    /** The figures as {@code bench streams} prints them. */
    public static String report(Result result) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%nstreams benchmark (%,d answers of %,d students in %,d classes, %,d of them silent after the first week; "
                        + "%d skills, %d partitions, exactly_once_v2; median of %d rounds)%n",
                result.events(), result.students(), result.classes(), result.silentStudents(), result.skills(), result.partitions(),
                result.runsOf(PASS_THROUGH).size()));
        line(text, "mastery topology:", result, MASTERY);
        line(text, "pass-through topology:", result, PASS_THROUGH);
        text.append(String.format(Locale.ROOT, "  ratio:                 %.2f   (mastery over pass-through)%n", result.ratio()));
        text.append("  each part alone, as its own application over the same input (alerts over the risk scores of the round's risk run):\n");
        for (String part : PARTS) line(text, "  " + part + ":", result, part);
        line(text, "full analytics:", result, FULL);
        text.append(String.format(Locale.ROOT, "  full ratio:            %.2f   (engagement, mastery, risk and alerts as four applications at once, "
                + "until all have committed their input, over pass-through; aim: >= 0.5)%n", result.fullRatio()));
        String costliest = result.costliestPart();
        text.append(String.format(Locale.ROOT, "  costliest part alone:  %s (%,.0f events/s, %.0f µs CPU per event)%n",
                costliest, result.median(costliest), result.medianCpuMicros(costliest)));
        List<Run> full = result.runsOf(FULL);
        if (!full.isEmpty()) text.append("  full analytics' last round wrote: ").append(counts(full.getLast().counts())).append('\n');
        text.append("  (same input, source, serdes and exactly-once settings; the pass-through writes each answer once; each figure is\n"
                + "   events of the input per second, from the first application's RUNNING until all have committed their input)\n");
        return text.toString();
    }

    private static void line(StringBuilder text, String label, Result result, String name) {
        List<Run> runs = result.runsOf(name);
        text.append(String.format(Locale.ROOT, "  %-22s %,9.0f events/s   (rounds: %s; µs CPU per event: %s)%n",
                label, result.median(name),
                runs.stream().map(run -> String.format(Locale.ROOT, "%,.0f", run.eventsPerSecond())).collect(Collectors.joining(", ")),
                runs.stream().map(run -> String.format(Locale.ROOT, "%.0f", run.cpuMicrosPerEvent())).collect(Collectors.joining(", "))));
    }
}

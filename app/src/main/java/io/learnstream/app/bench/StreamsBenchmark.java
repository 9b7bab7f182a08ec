package io.learnstream.app.bench;

import io.learnstream.app.pipeline.Pipeline;
import io.learnstream.app.stack.EmbeddedStack;
import io.learnstream.schemas.avro.LearningEvent;
import io.learnstream.schemas.topic.Topics;
import io.learnstream.sinks.lrs.KafkaTopicProgress;
import io.learnstream.streams.mastery.MasteryMetrics;
import io.learnstream.streams.mastery.MasteryOptions;
import io.learnstream.streams.mastery.MasteryTopology;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;

/**
 * How fast the analytics topologies process answers, against what Kafka Streams itself costs. Synthetic scored
 * answers ({@link SyntheticAnswers}) are written once to the learning-events topic of an embedded broker; then, in
 * rounds, the {@link PassThroughTopology} and the mastery topology each read all of them from the start as a new
 * application, with the pipeline's own Streams settings (exactly-once v2, its commit interval). A run's time is from
 * the application's first RUNNING until its committed offsets cover the whole input, no answer is held in its reorder
 * buffers and no transaction is open on its outputs (so all its output is committed).
 * Figures are the median of the rounds; the ratio is mastery's over the pass-through's.
 */
public final class StreamsBenchmark {
    private static final Duration RUN_BOUND = Duration.ofMinutes(20);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    /** One topology's run over the whole input. */
    public record Run(String topology, int round, long answers, double seconds, double cpuMicrosPerAnswer) {
        public double answersPerSecond() {
            return answers / seconds;
        }
    }

    /** Every run; the figures are the medians per topology. */
    public record Result(int answers, int students, int skills, int partitions, List<Run> runs) {
        public double passThroughPerSecond() {
            return median("pass-through");
        }

        public double masteryPerSecond() {
            return median("mastery");
        }

        public double ratio() {
            return masteryPerSecond() / passThroughPerSecond();
        }

        public List<Run> runsOf(String topology) {
            return runs.stream().filter(run -> run.topology().equals(topology)).toList();
        }

        private double median(String topology) {
            double[] rates = runsOf(topology).stream().mapToDouble(Run::answersPerSecond).sorted().toArray();
            if (rates.length == 0) return Double.NaN;
            return rates.length % 2 == 1 ? rates[rates.length / 2] : (rates[rates.length / 2 - 1] + rates[rates.length / 2]) / 2;
        }
    }

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
            List<LearningEvent> answers = SyntheticAnswers.generate(students, answersPerStudent, items, skills, 20261207L);
            out.printf(Locale.ROOT, "writing %,d answers of %,d students (%,d items, %d skills) to %s ...%n",
                    answers.size(), students, items, skills, topics.learningEvents().name());
            write(stack.kafkaBootstrapServers(), topics, answers);
            Map<TopicPartition, Long> ends = endOffsets(admin, topics.learningEvents().name());
            long total = ends.values().stream().mapToLong(Long::longValue).sum();

            List<Run> runs = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                runs.add(measure(pipeline, admin, "pass-through", round, ends, total,
                        () -> PassThroughTopology.build(topics), () -> true, List.of(PassThroughTopology.OUTPUT), out));
                MasteryMetrics metrics = new MasteryMetrics(new SimpleMeterRegistry());
                // done when no answer is held back for ordering either (student summaries follow on their own interval)
                runs.add(measure(pipeline, admin, "mastery", round, ends, total,
                        () -> MasteryTopology.build(topics, pipeline.serdes(), MasteryOptions.defaults(), metrics),
                        () -> metrics.waiting() == 0, List.of(topics.masteryPredictions().name(), topics.skillMastery().name()), out));
            }
            return new Result(answers.size(), students, skills, partitions, runs);
        }
    }

    private static void createOutput(Admin admin, int partitions) throws InterruptedException, ExecutionException {
        try {
            admin.createTopics(List.of(new NewTopic(PassThroughTopology.OUTPUT, Optional.of(partitions), Optional.empty()))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) throw e;
        }
    }

    private static void write(String bootstrap, Topics topics, List<LearningEvent> answers) throws Exception {
        Map<String, Object> settings = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4", ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        try (KafkaProducer<String, LearningEvent> producer = new KafkaProducer<>(settings,
                topics.learningEvents().keySerde().serializer(), topics.learningEvents().valueSerde().serializer())) {
            for (LearningEvent answer : answers) {
                producer.send(new ProducerRecord<>(topics.learningEvents().name(), null, answer.getEventTime().toEpochMilli(),
                        answer.getStudentKey(), answer));
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
     * One run: from RUNNING until the committed offsets cover the input, {@code drained} holds and no transaction is
     * open on {@code outputs} (so all the output of the input is committed).
     */
    private static Run measure(Pipeline pipeline, Admin admin, String name, int round, Map<TopicPartition, Long> ends, long total,
            Supplier<Topology> topology, BooleanSupplier drained, List<String> outputs, PrintStream out) throws Exception {
        String applicationId = "learnstream-bench-" + name + "-" + round + "-" + System.nanoTime();
        CountDownLatch running = new CountDownLatch(1);
        KafkaStreams streams = new KafkaStreams(topology.get(), pipeline.streamsProperties(applicationId));
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.RUNNING) running.countDown();
        });
        try {
            streams.start();
            if (!running.await(2, TimeUnit.MINUTES)) throw new IllegalStateException(name + " did not reach RUNNING within 2 minutes");
            long cpuBefore = processCpuNanos();
            long start = System.nanoTime();
            long deadline = start + RUN_BOUND.toNanos();
            long nextProgress = start + PROGRESS_EVERY.toNanos();
            long done;
            while ((done = committed(admin, applicationId, ends)) < total || !drained.getAsBoolean() || !settled(admin, outputs)) {
                if (streams.state() == KafkaStreams.State.ERROR || streams.state() == KafkaStreams.State.PENDING_ERROR) {
                    throw new IllegalStateException(name + " failed; see the log");
                }
                long now = System.nanoTime();
                if (now > deadline) throw new IllegalStateException(name + " did not finish " + total + " answers within " + RUN_BOUND);
                if (now >= nextProgress) {
                    out.printf(Locale.ROOT, "  [%5.1fs] %s, round %d: %,d of %,d answers committed%n",
                            (now - start) / 1e9, name, round, done, total);
                    nextProgress += PROGRESS_EVERY.toNanos();
                }
                Thread.sleep(50); // polling the group's committed offsets, not waiting for a result
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuMicros = (processCpuNanos() - cpuBefore) / 1e3 / total;
            Run run = new Run(name, round, total, seconds, cpuMicros);
            out.printf(Locale.ROOT, "  %s, round %d: %,d answers in %.1f s = %,.0f answers/s (%.0f µs CPU per answer)%n",
                    name, round, total, seconds, run.answersPerSecond(), cpuMicros);
            return run;
        } finally {
            streams.close(Duration.ofSeconds(30));
            streams.cleanUp();
        }
    }

    private static boolean settled(Admin admin, List<String> topics) {
        return topics.stream().allMatch(topic -> KafkaTopicProgress.settled(admin, topic, Duration.ofSeconds(10)));
    }

    private static long committed(Admin admin, String group, Map<TopicPartition, Long> ends) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        long done = 0;
        for (TopicPartition partition : ends.keySet()) {
            OffsetAndMetadata offset = offsets.get(partition);
            if (offset != null) done += offset.offset();
        }
        return done;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The figures as {@code bench streams} prints them. */
    public static String report(Result result) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%nstreams benchmark (%,d answers of %,d students, %d skills, %d partitions, exactly_once_v2; median of %d rounds)%n",
                result.answers(), result.students(), result.skills(), result.partitions(), result.runsOf("mastery").size()));
        for (String topology : List.of("mastery", "pass-through")) {
            List<Run> runs = result.runsOf(topology);
            text.append(String.format(Locale.ROOT, "  %-22s %,9.0f answers/s   (rounds: %s; µs CPU per answer: %s)%n",
                    topology + " topology:", "mastery".equals(topology) ? result.masteryPerSecond() : result.passThroughPerSecond(),
                    runs.stream().map(run -> String.format(Locale.ROOT, "%,.0f", run.answersPerSecond())).collect(Collectors.joining(", ")),
                    runs.stream().map(run -> String.format(Locale.ROOT, "%.0f", run.cpuMicrosPerAnswer())).collect(Collectors.joining(", "))));
        }
        text.append(String.format(Locale.ROOT, "  ratio:                 %.2f   (aim: >= 0.5)%n", result.ratio()));
        text.append("  (same input, source, serdes and exactly-once settings; the pass-through writes each answer once, the mastery\n"
                + "   topology a prediction and an update per skill, keeps four stores with changelogs, and publishes summaries)\n");
        return text.toString();
    }
}

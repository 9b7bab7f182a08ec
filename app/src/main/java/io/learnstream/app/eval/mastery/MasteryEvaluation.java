package io.learnstream.app.eval.mastery;

import io.learnstream.app.mastery.MasteryTraining;
import io.learnstream.app.mastery.ParametersPublisher;
import io.learnstream.app.pipeline.Pipeline;
import io.learnstream.app.replay.ReplayDistrict;
import io.learnstream.app.replay.assistments.AssistmentsData;
import io.learnstream.app.replay.assistments.AssistmentsFile;
import io.learnstream.app.replay.assistments.AssistmentsReplay;
import io.learnstream.app.replay.assistments.AssistmentsRow;
import io.learnstream.app.simulate.Credentials;
import io.learnstream.app.stack.EmbeddedStack;
import io.learnstream.app.stack.EmbeddedStackConfig;
import io.learnstream.schemas.topic.TopicPublisher;
import io.learnstream.ingest.publish.ProducerSettings;
import io.learnstream.streams.mastery.model.BinaryScores;
import io.learnstream.streams.mastery.model.RegularizationSearch;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * The mastery evaluation protocol, end to end on the embedded stack: fit on the directory's train file only, publish
 * the parameters to the pipeline, replay the test file through the LRS front door, Kafka and the mastery topology,
 * and score the before-answer predictions the pipeline wrote to ClickHouse.
 */
public final class MasteryEvaluation {
    /** The district the test students' statements belong to. */
    public static final String TENANT = "mastery-eval";
    static final Duration PARAMETERS_BOUND = Duration.ofMinutes(2);

    /** What the data held, for the report. */
    public record DataSummary(Path directory, long trainAnswers, long trainStudents, long testAnswers, long testStudents,
            long testItems, long testItemsUnseen, long testSkills, long testSkillsUnseen, long testAnswersWithoutSkill) {}

    /** Everything the report says. */
    public record Result(DataSummary data, RegularizationSearch.Result fit, long parametersVersion, double fitSeconds,
            AssistmentsReplay.Outcome replay, PipelinePredictions predictions, Map<String, BinaryScores> scores, double totalSeconds) {}

    private final AssistmentsData data;
    private final Path workDir;
    private final Optional<Path> chdbLibrary;
    private final int partitions;
    private final PrintStream out;

    public MasteryEvaluation(AssistmentsData data, Path workDir, Optional<Path> chdbLibrary, int partitions, PrintStream out) {
        this.data = data;
        this.workDir = workDir;
        this.chdbLibrary = chdbLibrary;
        this.partitions = partitions;
        this.out = out;
    }

    public Result run() throws Exception {
        long start = System.nanoTime();
        Path trainFile = data.train();
        Path testFile = data.test();
        List<AssistmentsRow> test = AssistmentsFile.read(testFile);
        out.printf(Locale.ROOT, "[1/4] fitting on %s only%n", trainFile);
        long fitStart = System.nanoTime();
        RegularizationSearch.Result fitted = MasteryTraining.fit(trainFile, out);
        double fitSeconds = (System.nanoTime() - fitStart) / 1e9;
        DataSummary summary = summarize(data.directory(), AssistmentsFile.read(trainFile), test);

        out.printf(Locale.ROOT, "[2/4] starting the embedded stack in %s%n", workDir);
        try (EmbeddedStack stack = EmbeddedStack.start(new EmbeddedStackConfig(workDir, 0, 0, 0, partitions, chdbLibrary), new SimpleMeterRegistry())) {
            Pipeline pipeline = stack.pipeline();
            long version = System.currentTimeMillis();
            try (TopicPublisher publisher = new TopicPublisher(new KafkaProducer<>(
                    ProducerSettings.forIngest(stack.kafkaBootstrapServers(), "learnstream-eval")))) {
                int records = ParametersPublisher.publish(publisher, pipeline.topics(), fitted.parameters(), version);
                out.printf(Locale.ROOT, "  published %,d parameter entries as version %d%n", records - 1, version);
            }
            awaitParameters(pipeline, version);

            out.printf(Locale.ROOT, "[3/4] replaying %,d test answers of %,d students through the front door, Kafka and the mastery topology%n",
                    summary.testAnswers(), summary.testStudents());
            Credentials credential = ReplayDistrict.ensure(pipeline.directory(), TENANT, "mastery evaluation");
            AssistmentsReplay.Outcome replay = new AssistmentsReplay(pipeline, TENANT, credential, Optional.empty(), out)
                    .replay(AssistmentsData.TEST, test);
            if (!replay.caughtUp() || replay.predictions() != test.size()) {
                throw new IllegalStateException("the pipeline predicted " + replay.predictions() + " of " + test.size()
                        + " test answers" + (replay.caughtUp() ? "" : " and did not catch up") + "; the mastery topology:"
                        + replayDetail(replay, pipeline) + "; see the log in " + workDir.resolve("logs"));
            }

            out.println("[4/4] scoring the predictions read back from ClickHouse (mastery_predictions)");
            PipelinePredictions predictions = PipelinePredictions.read(pipeline.store(), TENANT);
            if (!predictions.versions().keySet().equals(Set.of(version))) {
                throw new IllegalStateException("predictions used parameter publications " + predictions.versions()
                        + ", not only the fitted one (" + version + ")");
            }
            Map<String, BinaryScores> scores = new LinkedHashMap<>();
            predictions.byModel().forEach((model, p) -> scores.put(model, BinaryScores.of(p, predictions.actual())));
            return new Result(summary, fitted, version, fitSeconds, replay, predictions, scores, (System.nanoTime() - start) / 1e9);
        }
    }

    private static String replayDetail(AssistmentsReplay.Outcome replay, Pipeline pipeline) {
        return pipeline.masteryMetrics().map(m -> " " + m.answers() + " answers applied, " + m.waiting() + " waiting to be ordered, "
                + m.resequenced() + " re-sequenced, " + m.late() + " beyond the grace period").orElse(" not running");
    }

    private void awaitParameters(Pipeline pipeline, long version) throws InterruptedException {
        long deadline = System.nanoTime() + PARAMETERS_BOUND.toNanos();
        while (pipeline.masteryParametersVersion() != version) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the mastery topology did not read parameter publication " + version + " within "
                        + PARAMETERS_BOUND.toSeconds() + " s (it holds " + pipeline.masteryParametersVersion() + ")");
            }
            Thread.sleep(100);
        }
        out.println("  the mastery topology holds them");
    }

    static DataSummary summarize(Path directory, List<AssistmentsRow> train, List<AssistmentsRow> test) {
        Set<String> trainItems = new HashSet<>();
        Set<String> trainSkills = new HashSet<>();
        train.forEach(row -> {
            trainItems.add(row.itemId());
            if (!row.skillId().isEmpty()) trainSkills.add(row.skillId());
        });
        Set<String> testItems = new HashSet<>();
        Set<String> testSkills = new HashSet<>();
        long withoutSkill = 0;
        for (AssistmentsRow row : test) {
            testItems.add(row.itemId());
            if (row.skillId().isEmpty()) withoutSkill++; else testSkills.add(row.skillId());
        }
        return new DataSummary(directory, train.size(), train.stream().map(AssistmentsRow::userId).distinct().count(),
                test.size(), test.stream().map(AssistmentsRow::userId).distinct().count(),
                testItems.size(), testItems.stream().filter(i -> !trainItems.contains(i)).count(),
                testSkills.size(), testSkills.stream().filter(s -> !trainSkills.contains(s)).count(), withoutSkill);
    }
}

package io.learnstream.app.eval.risk;

import io.learnstream.app.pipeline.Pipeline;
import io.learnstream.app.replay.ReplayDistrict;
import io.learnstream.app.replay.oulad.OuladData;
import io.learnstream.app.replay.oulad.OuladReplay;
import io.learnstream.app.replay.oulad.OuladStudent;
import io.learnstream.app.risk.RiskParametersPublisher;
import io.learnstream.app.risk.RiskTraining;
import io.learnstream.app.simulate.Credentials;
import io.learnstream.app.stack.EmbeddedStack;
import io.learnstream.app.stack.EmbeddedStackConfig;
import io.learnstream.ingest.identity.PseudonymKey;
import io.learnstream.ingest.publish.ProducerSettings;
import io.learnstream.schemas.topic.TopicPublisher;
import io.learnstream.streams.risk.model.RiskFitter;
import io.learnstream.streams.risk.model.RiskModel;
import io.learnstream.streams.risk.model.RiskModelEntries;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * The risk evaluation protocol, end to end on the embedded stack: fit the model on other presentations (or take the
 * shipped defaults), publish it to the pipeline, replay the scored presentations as their district would send them
 * (roster export, then every statement through the LRS front door, Kafka, the intake and the risk topology, into
 * ClickHouse), wait until the risk history is complete, and score the weekly records read back from
 * {@code risk_history} against how the presentations ended.
 */
public final class RiskEvaluation {
    /** The district the scored presentations are replayed into. */
    public static final String TENANT = "risk-eval";
    static final Duration MODEL_BOUND = Duration.ofMinutes(2);
    static final Duration HISTORY_BOUND = Duration.ofMinutes(10);

    /**
     * What was fitted on.
     *
     * @param training empty when the shipped defaults were used
     */
    public record Fit(Optional<Path> directory, Optional<RiskTraining.Result> training, RiskModel model, long version, double seconds) {}

    /** Everything the report says. */
    public record Result(Fit fit, OuladData scored, OuladReplay.Outcome replay, Map<Long, Long> versions, Map<String, Long> triggers,
            RiskCohort.Joined joined, Map<String, Map<Integer, RiskMetrics.Scores>> byPresentation, Map<Integer, RiskMetrics.Scores> pooled,
            Map<String, RiskMetrics.Attribute> groupsWeek8, Map<String, RiskMetrics.Attribute> groupsAllWeeks, RiskMetrics.LeadTimes leadTimes,
            double totalSeconds) {
        /** The scored presentations with VLE activity (click data). */
        public Set<String> withClicks() {
            Set<String> ids = new java.util.LinkedHashSet<>();
            scored.presentations().stream().filter(p -> p.hasVleActivity()).forEach(p -> ids.add(p.id()));
            return ids;
        }
    }

    private final OuladData scored;
    private final Optional<OuladData> fitOn;
    private final Path workDir;
    private final Optional<Path> chdbLibrary;
    private final int partitions;
    private final Duration step;
    private final PrintStream out;

    /** @param fitOn the presentations to fit on; empty: the shipped defaults */
    public RiskEvaluation(OuladData scored, Optional<OuladData> fitOn, Path workDir, Optional<Path> chdbLibrary, int partitions, Duration step,
            PrintStream out) {
        this.scored = scored;
        this.fitOn = fitOn;
        this.workDir = workDir;
        this.chdbLibrary = chdbLibrary;
        this.partitions = partitions;
        this.step = step;
        this.out = out;
    }

    public Result run() throws Exception {
        long start = System.nanoTime();
        long version = System.currentTimeMillis();
        Fit fit = fit(version);

        out.printf(Locale.ROOT, "[2/5] starting the embedded stack in %s%n", workDir);
        try (EmbeddedStack stack = EmbeddedStack.start(new EmbeddedStackConfig(workDir, 0, 0, 0, partitions, chdbLibrary), new SimpleMeterRegistry())) {
            Pipeline pipeline = stack.pipeline();
            try (TopicPublisher publisher = new TopicPublisher(new KafkaProducer<>(
                    ProducerSettings.forIngest(stack.kafkaBootstrapServers(), "learnstream-eval")))) {
                int records = RiskParametersPublisher.publish(publisher, pipeline.topics(), fit.model(), version);
                out.printf(Locale.ROOT, "  published %,d risk model entries as version %d%n", records - 1, version);
            }
            awaitModelHeld(pipeline, version);

            out.printf(Locale.ROOT, "[3/5] replaying %d presentations (%,d students, %,d statements) through the front door, Kafka and the"
                    + " risk topology%n", scored.presentations().size(), scored.presentations().stream().mapToLong(p -> p.students().size()).sum(),
                    scored.statementCount());
            Credentials credential = ReplayDistrict.ensure(pipeline.directory(), TENANT, "risk evaluation");
            OuladReplay replay = new OuladReplay(stack, TENANT, credential, Optional.empty(), step, out);
            replay.importRoster(scored, workDir.resolve("replay").resolve(TENANT + "-roster"));
            OuladReplay.Outcome outcome = replay.replay(scored);

            out.println("[4/5] waiting until the risk history is complete");
            if (!awaitRiskHistoryComplete(pipeline, HISTORY_BOUND)) {
                throw new IllegalStateException("the risk history was not complete within " + HISTORY_BOUND.toMinutes() + " min; see the log in "
                        + workDir.resolve("logs"));
            }

            out.println("[5/5] scoring the weekly records read back from ClickHouse (risk_history)");
            RiskHistoryReader history = new RiskHistoryReader(pipeline.store(), TENANT);
            Map<Long, Long> versions = history.versions();
            if (!versions.keySet().equals(Set.of(version))) {
                throw new IllegalStateException("risk scores used model publications " + versions + ", not only the evaluated one (" + version + ")");
            }
            PseudonymKey key = pipeline.directory().districts().pseudonymKey(TENANT).orElseThrow();
            // the intake links a learner the roster knows to the roster user: the key of "roster:<userSourcedId>"
            Function<OuladStudent, String> keyOf = s -> key.studentKey("roster:" + s.rosterSourcedId());
            List<RiskCohort.WeekRecord> weekRecords = history.weekRecords(RiskCohort.WEEKS);
            RiskCohort.Joined joined = RiskCohort.join(scored.presentations(), keyOf, RiskCohort.WEEKS, weekRecords, history.firstFlags());
            out.printf(Locale.ROOT, "  %,d weekly records of weeks %s (%,d distinct students and weeks); %,d students counted with their record,"
                    + " %,d without; records of students not counted, by week: %s%n", weekRecords.size(), RiskCohort.WEEKS,
                    weekRecords.stream().map(w -> w.classId() + "/" + w.studentKey() + "/" + w.dayOfClass()).distinct().count(),
                    joined.scored().size(), joined.missing(), joined.uncounted());
            return score(fit, scored, outcome, versions, history.triggers(), joined, (System.nanoTime() - start) / 1e9);
        }
    }

    /** The figures of joined records; no Kafka. */
    static Result score(Fit fit, OuladData scored, OuladReplay.Outcome outcome, Map<Long, Long> versions, Map<String, Long> triggers,
            RiskCohort.Joined joined, double seconds) {
        List<ScoredStudent> week8 = joined.scored().stream().filter(s -> s.week() == 8).toList();
        return new Result(fit, scored, outcome, versions, triggers, joined, RiskMetrics.byPresentationAndWeek(joined.scored()),
                RiskMetrics.byWeek(joined.scored()), RiskMetrics.groups(week8), RiskMetrics.groups(joined.scored()),
                RiskMetrics.leadTimes(joined.withdrawals()), seconds);
    }

    private Fit fit(long version) {
        long start = System.nanoTime();
        if (fitOn.isEmpty()) {
            out.println("[1/5] no --fit: evaluating the shipped default model (RiskModelEntries.defaults())");
            RiskModel defaults = RiskModelEntries.defaults();
            return new Fit(Optional.empty(), Optional.empty(), defaults, version, 0);
        }
        OuladData data = fitOn.get();
        out.printf(Locale.ROOT, "[1/5] fitting on %d presentations of %s: %s%n", data.presentations().size(), data.directory(),
                String.join(", ", data.presentations().stream().map(p -> p.id()).toList()));
        RiskTraining.Result training = RiskTraining.fit(data, RiskFitter.DEFAULT_C, RiskTraining.HIGH, RiskTraining.LOW, version, out);
        return new Fit(Optional.of(data.directory()), Optional.of(training), training.model(), version, (System.nanoTime() - start) / 1e9);
    }

    /** Waits until the risk topology holds publication {@code version} (so the replay is scored by it from the first event). */
    void awaitModelHeld(Pipeline pipeline, long version) throws InterruptedException {
        long deadline = System.nanoTime() + MODEL_BOUND.toNanos();
        while (pipeline.riskModelVersion() != version) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the risk topology did not read model publication " + version + " within "
                        + MODEL_BOUND.toSeconds() + " s (it holds " + pipeline.riskModelVersion() + ")");
            }
            Thread.sleep(100);
        }
        out.println("  the risk topology holds it");
    }

    /**
     * Waits until every risk score of what was replayed is in {@code risk_history}: the pipeline caught up, which
     * covers the risk topology's input, its output topic settled and the risk sinks committed after inserting. The one
     * place to wait for the risk history: a finer wait for risk alone belongs here.
     */
    boolean awaitRiskHistoryComplete(Pipeline pipeline, Duration bound) throws InterruptedException {
        return pipeline.awaitCaughtUp(bound);
    }
}

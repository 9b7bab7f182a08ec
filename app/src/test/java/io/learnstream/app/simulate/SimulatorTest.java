package io.learnstream.app.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.learnstream.app.simulate.RecordingXapiServer.Answer;
import io.learnstream.app.simulate.activity.Term;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

class SimulatorTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-05T12:00:00Z"), ZoneOffset.UTC);
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path stateDir;

    private RecordingXapiServer server;
    private HttpClient client;

    @BeforeEach
    void setUp() throws IOException {
        server = RecordingXapiServer.start();
        client = HttpClient.newHttpClient();
    }

    @AfterEach
    void tearDown() {
        server.close();
        client.close();
    }

    private SimulatorConfig.Builder config() {
        return SimulatorConfig.builder(server.baseUrl(), stateDir)
                .seed(99).schools(1).students(40).termStart(TestTerms.TERM_START)
                .rate(100).batchSize(10).concurrency(1);
    }

    private Simulator run(SimulatorConfig config, ManualTiming timing) throws InterruptedException {
        Simulator simulator = new Simulator(config, client, timing, CLOCK);
        simulator.start();
        assertThat(simulator.awaitTermination(PATIENCE)).as("simulator finished").isTrue();
        return simulator;
    }

    /** The first statements of the term the config describes, as a generator without HTTP makes them, read as JSON. */
    private static List<JsonNode> expectedStatements(SimulatorConfig config, long count) {
        return StatementGenerator.forConfig(config, config.firstTerm(CLOCK)).stream().limit(count)
                .map(SimulatorTest::asReceived).toList();
    }

    private static JsonNode asReceived(ObjectNode statement) {
        try {
            return MAPPER.readTree(MAPPER.writeValueAsBytes(statement));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Instant time(JsonNode statement) {
        return OffsetDateTime.parse(statement.get("timestamp").asText()).toInstant();
    }

    @Test
    void itPostsTheTermsStatementsInOrderAtTheConfiguredRateUntilTheDurationIsOver() throws Exception {
        // given a run of 10 s at 100 statements/s in batches of 10
        SimulatorConfig config = config().duration(Duration.ofSeconds(10)).build();
        ManualTiming timing = new ManualTiming();
        long start = timing.nanoTime();

        // when it runs
        Simulator simulator = run(config, timing);

        // then the server got 100 arrays of 10 statements, the first 1,000 of the term, in order
        assertThat(server.received()).hasSize(100).allSatisfy(request -> assertThat(request.body()).hasSize(10));
        assertThat(server.statements()).containsExactlyElementsOf(expectedStatements(config, 1_000));
        assertThat(server.statements()).extracting(SimulatorTest::time).isSorted();
        // paced 0.1 s apart: the last batch went at 9.9 s of the 10 s
        assertThat(Duration.ofNanos(timing.nanoTime() - start)).isEqualTo(Duration.ofMillis(9_900));
        SimulatorStats stats = simulator.snapshot();
        assertThat(stats.running()).isFalse();
        assertThat(stats.posted()).isEqualTo(1_000);
        assertThat(stats.accepted()).isEqualTo(1_000);
        assertThat(stats.rejected() + stats.failed() + stats.httpErrors()).isZero();
        assertThat(stats.simulatedTime()).contains(time(server.statements().getLast()));
        assertThat(stats.summary()).contains("1,000 statements posted", "1,000 accepted");
        assertThat(simulator.failure()).isEmpty();
    }

    @Test
    void aSecondRunContinuesTheTermWhereTheFirstStopped() throws Exception {
        // given a first run of 5 s that posted the first 500 statements
        SimulatorConfig config = config().duration(Duration.ofSeconds(5)).build();
        run(config, new ManualTiming());
        assertThat(config.stateFile()).exists();
        JsonNode state = new ObjectMapper().readTree(config.stateFile().toFile());
        assertThat(state.get("position").asLong()).isEqualTo(500);
        Instant lastOfFirstRun = time(server.statements().getLast());
        assertThat(Instant.parse(state.get("simulatedTime").asText())).isEqualTo(lastOfFirstRun);

        // when a second simulator runs with the same state directory
        run(config, new ManualTiming());

        // then it posted the next 500: together exactly what one uninterrupted run posts
        List<JsonNode> all = server.statements();
        assertThat(all).hasSize(1_000).containsExactlyElementsOf(expectedStatements(config, 1_000));
        assertThat(time(all.get(500))).isAfterOrEqualTo(lastOfFirstRun);
        assertThat(new ObjectMapper().readTree(config.stateFile().toFile()).get("position").asLong()).isEqualTo(1_000);
    }

    @Test
    void aSecondRunWithOtherDistrictSettingsStillNeverGoesBackInSimulatedTime() throws Exception {
        // given a first run
        run(config().duration(Duration.ofSeconds(5)).build(), new ManualTiming());
        Instant reached = time(server.statements().getLast());
        int firstRunRequests = server.received().size();

        // when the next run simulates a bigger district with another seed, and even names another term start
        run(config().students(80).seed(7).termStart(TestTerms.TERM_START.plusWeeks(3)).duration(Duration.ofSeconds(5)).build(),
                new ManualTiming());

        // then it continued the same term from the time reached
        List<JsonNode> second = server.received().subList(firstRunRequests, server.received().size()).stream()
                .flatMap(r -> StreamSupport.stream(r.body().spliterator(), false)).toList();
        assertThat(second).hasSize(500);
        assertThat(second).allSatisfy(s -> assertThat(time(s)).isAfterOrEqualTo(reached));
        assertThat(time(second.getFirst())).isBefore(reached.plus(Duration.ofDays(1)));
    }

    @Test
    void stopEndsARunWithoutDurationPromptlyAndSavesWhatWasDelivered() throws Exception {
        // given a run without a duration, on time that only moves when it waits
        SimulatorConfig config = config().concurrency(3).build();
        CountDownLatch twentyRequests = new CountDownLatch(20);
        server.onRequest(twentyRequests::countDown);
        Simulator simulator = new Simulator(config, client, new ManualTiming(), CLOCK);
        simulator.start();

        // when it has posted 20 batches, is watched, and is stopped
        assertThat(twentyRequests.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        SimulatorStats live = simulator.snapshot();
        simulator.stop();

        // then it finishes, every statement sent was answered, and the state holds exactly those
        assertThat(live.running()).isTrue();
        assertThat(live.progressLine()).contains("posted", "accepted");
        assertThat(simulator.awaitTermination(PATIENCE)).isTrue();
        SimulatorStats stats = simulator.snapshot();
        assertThat(stats.running()).isFalse();
        assertThat(stats.posted()).isEqualTo(server.statements().size()).isGreaterThanOrEqualTo(200);
        assertThat(stats.accepted()).isEqualTo(stats.posted());
        JsonNode state = new ObjectMapper().readTree(config.stateFile().toFile());
        assertThat(state.get("position").asLong()).isEqualTo(stats.accepted());
    }

    @Test
    void rejectedBatchesAreCountedAndTheRunGoesOn() throws Exception {
        // given a server that refuses every batch
        server.answer(n -> Answer.of(400, "{\"message\":\"actor: an Agent must have exactly one identifier\"}"));

        // when a 2 s run posts 20 batches of 10
        Simulator simulator = run(config().duration(Duration.ofSeconds(2)).build(), new ManualTiming());

        // then all were tried once and counted as rejected
        assertThat(server.received()).hasSize(20);
        SimulatorStats stats = simulator.snapshot();
        assertThat(stats.posted()).isEqualTo(200);
        assertThat(stats.rejected()).isEqualTo(200);
        assertThat(stats.accepted()).isZero();
        assertThat(stats.retries()).isZero();
    }

    @Test
    void busyAnswersAreRetriedSoThatEveryStatementArrivesOnceInOrder() throws Exception {
        // given a server that answers every third request with 503 and Retry-After: 1
        server.answer(n -> n % 3 == 0 ? new Answer(503, Map.of("Retry-After", "1"), "{\"message\":\"storage unavailable\"}") : Answer.ok());
        SimulatorConfig config = config().duration(Duration.ofSeconds(3)).build();

        // when it runs
        Simulator simulator = run(config, new ManualTiming());

        // then the accepted statements are the term's first ones, none lost or doubled
        List<JsonNode> accepted = new ArrayList<>();
        int busyAnswers = 0;
        for (int i = 0; i < server.received().size(); i++) {
            if ((i + 1) % 3 != 0) {
                server.received().get(i).body().forEach(accepted::add);
            } else {
                busyAnswers++;
            }
        }
        SimulatorStats stats = simulator.snapshot();
        assertThat(busyAnswers).isPositive();
        assertThat(stats.retries()).isEqualTo(busyAnswers);
        assertThat(stats.httpErrors()).isEqualTo(busyAnswers);
        assertThat(accepted).hasSize((int) stats.accepted()).containsExactlyElementsOf(expectedStatements(config, stats.accepted()));
        assertThat(stats.failed()).isZero();
    }

    @Test
    void theRunEndsByItselfWhenTheTermIsOverAndALaterRunPostsNothing() throws Exception {
        // given a one-week term of a small district and a fast rate
        SimulatorConfig config = config().students(10).termWeeks(1).rate(100_000).batchSize(500).build();
        long statementsInTerm = StatementGenerator.forConfig(config, new Term(TestTerms.TERM_START, 1, config.zone())).stream().count();

        // when it runs without a duration
        Simulator first = run(config, new ManualTiming());

        // then the whole term was posted, and a later run has nothing left to post
        assertThat(first.snapshot().accepted()).isEqualTo(statementsInTerm);
        int requests = server.received().size();
        Simulator second = run(config, new ManualTiming());
        assertThat(server.received()).hasSize(requests);
        assertThat(second.snapshot().posted()).isZero();
        assertThat(second.failure()).isEmpty();
    }

    @Test
    void anUnreadableStateFileFailsTheRunWithAReasonAndPostsNothing() throws Exception {
        Files.writeString(stateDir.resolve("state.json"), "{ not json");

        Simulator simulator = run(config().duration(Duration.ofSeconds(1)).build(), new ManualTiming());

        assertThat(simulator.failure()).hasValueSatisfying(e -> assertThat(e).hasMessageContaining("delete it to start a new term"));
        assertThat(server.received()).isEmpty();
    }

    @Test
    void aSimulatorStoppedBeforeItStartedIsTerminated() throws Exception {
        Simulator simulator = new Simulator(config().build(), client, new ManualTiming(), CLOCK);

        simulator.stop();

        assertThat(simulator.awaitTermination(Duration.ZERO)).isTrue();
        assertThat(simulator.snapshot().posted()).isZero();
    }
}

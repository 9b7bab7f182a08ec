package io.learnstream.app.simulate;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.learnstream.app.simulate.RecordingXapiServer.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class StatementSenderTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-10-01T12:00:00Z"), ZoneOffset.UTC);
    private static final String BATCH = "[{\"id\":\"6f1c0a6e-7d2b-4c55-9a1e-2b8f5c1d9e77\"},{\"id\":\"7f1c0a6e-7d2b-4c55-9a1e-2b8f5c1d9e77\"}]";

    private final ManualTiming timing = new ManualTiming();
    private final SimulatorCounters counters = new SimulatorCounters();
    private final HttpClient client = HttpClient.newHttpClient();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private RecordingXapiServer server;

    @BeforeEach
    void setUp() throws IOException {
        server = RecordingXapiServer.start();
        log.start();
        ((Logger) LoggerFactory.getLogger(StatementSender.class)).addAppender(log);
    }

    @AfterEach
    void tearDown() {
        ((Logger) LoggerFactory.getLogger(StatementSender.class)).detachAppender(log);
        server.close();
        client.close();
    }

    private StatementSender sender(URI baseUrl, Optional<Credentials> credentials) {
        SimulatorConfig config = SimulatorConfig.builder(baseUrl, java.nio.file.Path.of("unused")).build();
        return new StatementSender(client, config.statementsEndpoint(), credentials, timing, CLOCK, RetryPolicy.DEFAULT,
                counters, new ObjectMapper());
    }

    private BatchOutcome send(StatementSender sender) throws InterruptedException {
        return sender.send(BATCH.getBytes(StandardCharsets.UTF_8), 2, () -> true);
    }

    @Test
    void aBatchIsPostedAsAJsonArrayWithTheXapiHeadersAndBasicCredentials() throws Exception {
        // when a batch is sent with credentials
        BatchOutcome outcome = send(sender(server.baseUrl(), Optional.of(new Credentials("key", "secret"))));

        // then the server got one POST to /xAPI/statements with the array and the headers
        assertThat(outcome).isEqualTo(BatchOutcome.ACCEPTED);
        assertThat(server.received()).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/xAPI/statements");
            assertThat(request.headers().getFirst("Content-Type")).isEqualTo("application/json");
            assertThat(request.headers().getFirst("X-Experience-API-Version")).isEqualTo("1.0.3");
            assertThat(request.headers().getFirst("Authorization"))
                    .isEqualTo("Basic " + Base64.getEncoder().encodeToString("key:secret".getBytes(StandardCharsets.UTF_8)));
            assertThat(request.body().isArray()).isTrue();
            assertThat(request.body()).hasSize(2);
        });
        assertThat(counters.snapshot(Duration.ZERO, false)).satisfies(stats -> {
            assertThat(stats.posted()).isEqualTo(2);
            assertThat(stats.accepted()).isEqualTo(2);
            assertThat(stats.httpErrors()).isZero();
        });
    }

    @Test
    void withoutCredentialsNoAuthorizationIsSent() throws Exception {
        send(sender(server.baseUrl(), Optional.empty()));

        assertThat(server.received().getFirst().headers().containsKey("Authorization")).isFalse();
    }

    @Test
    void aBadRequestCountsTheStatementsAsRejectedAndLogsTheServersMessageOnce() throws Exception {
        // given a server that refuses every batch for the same reason
        server.answer(n -> Answer.of(400, "{\"status\":400,\"error\":\"invalid_statement\",\"message\":\"timestamp: must be an ISO 8601 timestamp\"}"));
        StatementSender sender = sender(server.baseUrl(), Optional.empty());

        // when three batches are sent
        List<BatchOutcome> outcomes = List.of(send(sender), send(sender), send(sender));

        // then each is rejected without retry, and the message is logged once
        assertThat(outcomes).containsOnly(BatchOutcome.REJECTED);
        assertThat(server.received()).hasSize(3);
        assertThat(counters.snapshot(Duration.ZERO, false)).satisfies(stats -> {
            assertThat(stats.rejected()).isEqualTo(6);
            assertThat(stats.accepted()).isZero();
            assertThat(stats.retries()).isZero();
        });
        assertThat(log.list).filteredOn(e -> e.getLevel() == Level.WARN)
                .extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly("statements rejected by the server (HTTP 400): timestamp: must be an ISO 8601 timestamp");
    }

    @Test
    void aServiceUnavailableIsRetriedAfterTheTimeRetryAfterAsksFor() throws Exception {
        // given a server that is busy twice, asking for 2 s each time
        server.answer(n -> n <= 2 ? new Answer(503, Map.of("Retry-After", "2"), "{\"message\":\"storage unavailable\"}") : Answer.ok());

        // when a batch is sent
        BatchOutcome outcome = send(sender(server.baseUrl(), Optional.empty()));

        // then it was tried three times, waiting 2 s before each retry, and accepted
        assertThat(outcome).isEqualTo(BatchOutcome.ACCEPTED);
        assertThat(server.received()).hasSize(3);
        assertThat(timing.totalSlept()).isEqualTo(Duration.ofSeconds(4));
        assertThat(counters.snapshot(Duration.ZERO, false)).satisfies(stats -> {
            assertThat(stats.posted()).isEqualTo(2);
            assertThat(stats.accepted()).isEqualTo(2);
            assertThat(stats.httpErrors()).isEqualTo(2);
            assertThat(stats.retries()).isEqualTo(2);
        });
    }

    @Test
    void aRefusedConnectionIsRetriedWithGrowingBackoffUntilTheServerIsUp() throws Exception {
        // given a port where nothing listens yet, and a server that comes up there after the fourth wait
        int port = server.port();
        server.close();
        AtomicReference<RecordingXapiServer> late = new AtomicReference<>();
        timing.onSleep(() -> {
            if (late.get() == null && timing.totalSlept().compareTo(Duration.ofMillis(250 + 500 + 1000 + 2000)) >= 0) {
                try {
                    late.set(RecordingXapiServer.start(port));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        });

        try {
            // when a batch is sent
            BatchOutcome outcome = send(sender(URI.create("http://127.0.0.1:" + port), Optional.empty()));

            // then it went through once the server was up, after waits of 250 ms, 500 ms, 1 s and 2 s
            assertThat(outcome).isEqualTo(BatchOutcome.ACCEPTED);
            assertThat(late.get().received()).hasSize(1);
            assertThat(timing.totalSlept()).isEqualTo(Duration.ofMillis(3_750));
            assertThat(counters.snapshot(Duration.ZERO, false).httpErrors()).isEqualTo(4);
            assertThat(log.list).filteredOn(e -> e.getFormattedMessage().startsWith("cannot connect")).hasSize(1);
        } finally {
            if (late.get() != null) {
                late.get().close();
            }
        }
    }

    @Test
    void aServerErrorIsRetriedAFewTimesThenTheBatchCountsAsFailed() throws Exception {
        server.answer(n -> Answer.of(500, "{\"message\":\"publishing failed\"}"));

        BatchOutcome outcome = send(sender(server.baseUrl(), Optional.empty()));

        assertThat(outcome).isEqualTo(BatchOutcome.FAILED);
        assertThat(server.received()).hasSize(RetryPolicy.DEFAULT.maxAttempts());
        assertThat(counters.snapshot(Duration.ZERO, false)).satisfies(stats -> {
            assertThat(stats.failed()).isEqualTo(2);
            assertThat(stats.httpErrors()).isEqualTo(RetryPolicy.DEFAULT.maxAttempts());
            assertThat(stats.inFlight()).isZero();
        });
    }

    @Test
    void retriesStopWhenTheSimulatorStopsAndTheBatchIsAbandoned() throws Exception {
        server.answer(n -> new Answer(503, Map.of("Retry-After", "30"), ""));
        StatementSender sender = sender(server.baseUrl(), Optional.empty());
        AtomicReference<Boolean> keepTrying = new AtomicReference<>(true);
        timing.onSleep(() -> keepTrying.set(false)); // stop requested during the first wait

        BatchOutcome outcome = sender.send(BATCH.getBytes(StandardCharsets.UTF_8), 2, keepTrying::get);

        assertThat(outcome).isEqualTo(BatchOutcome.ABANDONED);
        assertThat(server.received()).hasSize(1);
        assertThat(timing.totalSlept()).isLessThan(Duration.ofSeconds(30));
        assertThat(counters.snapshot(Duration.ZERO, false).failed()).isEqualTo(2);
    }
}

package io.learnstream.app.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Posts one batch of statements to {@code POST {baseUrl}/xAPI/statements} as a JSON array, with the xAPI version
 * header and optional HTTP Basic credentials, retrying as {@link RetryPolicy} says and keeping the counters.
 * Each distinct rejection or error message is logged once.
 */
final class StatementSender {

    static final String XAPI_VERSION_HEADER = "X-Experience-API-Version";
    static final String XAPI_VERSION = "1.0.3";
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration WAIT_SLICE = Duration.ofMillis(200);
    private static final int MAX_MESSAGE_LENGTH = 300;
    private static final Logger LOG = LoggerFactory.getLogger(StatementSender.class);

    private final HttpClient client;
    private final URI endpoint;
    private final Optional<Credentials> credentials;
    private final Timing timing;
    private final Clock clock;
    private final RetryPolicy policy;
    private final SimulatorCounters counters;
    private final ObjectMapper mapper;
    private final DistinctMessageLog messages = new DistinctMessageLog(LOG);

    StatementSender(HttpClient client, URI endpoint, Optional<Credentials> credentials, Timing timing, Clock clock,
                    RetryPolicy policy, SimulatorCounters counters, ObjectMapper mapper) {
        this.client = client;
        this.endpoint = endpoint;
        this.credentials = credentials;
        this.timing = timing;
        this.clock = clock;
        this.policy = policy;
        this.counters = counters;
        this.mapper = mapper;
    }

    HttpClient client() {
        return client;
    }

    /**
     * Sends the batch ({@code body} is a JSON array of {@code count} statements) until it is answered for good, the
     * retries run out, or {@code keepTrying} turns false. Counts the statements as posted, then as accepted,
     * rejected or failed; when interrupted, counts nothing but posted and throws.
     */
    BatchOutcome send(byte[] body, int count, BooleanSupplier keepTrying) throws InterruptedException {
        counters.posted.add(count);
        Duration backoff = policy.initialBackoff();
        for (int attempt = 1; ; attempt++) {
            Duration wait;
            boolean retryForever;
            try {
                HttpResponse<String> response = client.send(request(body), HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    counters.accepted.add(count);
                    return BatchOutcome.ACCEPTED;
                }
                if (status == 503 || status == 429) {
                    counters.httpErrors.increment();
                    wait = RetryAfter.parse(response.headers().firstValue("Retry-After"), clock.instant())
                            .map(d -> d.compareTo(policy.maxRetryAfter()) > 0 ? policy.maxRetryAfter() : d)
                            .orElse(backoff);
                    retryForever = true;
                    messages.warnOnce("server busy (HTTP " + status + "), retrying as it asks: " + messageOf(response));
                } else if (status >= 400 && status < 500) {
                    counters.rejected.add(count);
                    messages.warnOnce("statements rejected by the server (HTTP " + status + "): " + messageOf(response));
                    return BatchOutcome.REJECTED;
                } else {
                    counters.httpErrors.increment();
                    wait = backoff;
                    retryForever = false;
                    messages.warnOnce("server error (HTTP " + status + "): " + messageOf(response));
                }
            } catch (ConnectException | HttpConnectTimeoutException e) {
                counters.httpErrors.increment();
                wait = backoff;
                retryForever = true;
                messages.warnOnce("cannot connect to " + endpoint + " (" + e.getClass().getSimpleName()
                        + "), retrying with backoff up to " + policy.maxBackoff());
            } catch (IOException e) {
                counters.httpErrors.increment();
                wait = backoff;
                retryForever = false;
                messages.warnOnce("posting to " + endpoint + " failed: " + e);
            }
            if (!retryForever && attempt >= policy.maxAttempts()) {
                LOG.debug("giving up on a batch of {} statements after {} attempts", count, attempt);
                counters.failed.add(count);
                return BatchOutcome.FAILED;
            }
            if (!waitWhile(wait, keepTrying)) {
                counters.failed.add(count);
                return BatchOutcome.ABANDONED;
            }
            counters.retries.increment();
            backoff = policy.nextBackoff(backoff);
        }
    }

    private HttpRequest request(byte[] body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header(XAPI_VERSION_HEADER, XAPI_VERSION)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        credentials.ifPresent(c -> builder.header("Authorization", c.authorizationHeader()));
        return builder.build();
    }

    /** Waits in slices while {@code keepTrying} holds; returns whether to go on. */
    private boolean waitWhile(Duration wait, BooleanSupplier keepTrying) throws InterruptedException {
        Duration remaining = wait;
        while (keepTrying.getAsBoolean() && remaining.isPositive()) {
            Duration slice = remaining.compareTo(WAIT_SLICE) > 0 ? WAIT_SLICE : remaining;
            timing.sleep(slice);
            remaining = remaining.minus(slice);
        }
        return keepTrying.getAsBoolean();
    }

    /** The server's message: the {@code message} of a JSON error body, else the body itself, shortened. */
    private String messageOf(HttpResponse<String> response) {
        String body = response.body() == null ? "" : response.body().trim();
        try {
            JsonNode json = mapper.readTree(body);
            if (json != null && json.path("message").isTextual()) {
                body = json.get("message").asText();
            }
        } catch (IOException notJson) {
            // keep the body as it is
        }
        if (body.isEmpty()) {
            return "(no message)";
        }
        return body.length() > MAX_MESSAGE_LENGTH ? body.substring(0, MAX_MESSAGE_LENGTH) + "..." : body;
    }
}

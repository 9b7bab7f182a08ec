package io.learnstream.app.replay;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RateLimiter;
import dev.failsafe.RetryPolicy;
import io.learnstream.app.simulate.Credentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * Posts batches of xAPI statements to an LRS ({@code POST <base>/xAPI/statements}, HTTP Basic, version 1.0.3), as a
 * tool replaying its history would: a 503 or 429 (Kafka busy, the front door shedding load) or a broken connection
 * is retried with exponential backoff (Failsafe); any other refusal stops the replay with the LRS's answer, which
 * names the statement's bad property. Optionally paced to a rate of statements per second.
 */
public final class StatementPoster {
    static final String VERSION = "1.0.3";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient client;
    private final URI endpoint;
    private final String authorization;
    private final FailsafeExecutor<HttpResponse<String>> retries;
    private final Optional<RateLimiter<Object>> pace;
    private final LongAdder accepted = new LongAdder();
    private final LongAdder retried = new LongAdder();

    /** @param rate statements per second at most; empty: as fast as the LRS takes them */
    public StatementPoster(URI baseUrl, Credentials credentials, Optional<Double> rate) {
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).version(HttpClient.Version.HTTP_1_1).build();
        this.endpoint = URI.create(baseUrl.toString().replaceAll("/+$", "") + "/xAPI/statements");
        this.authorization = credentials.authorizationHeader();
        this.retries = Failsafe.with(RetryPolicy.<HttpResponse<String>>builder()
                .handle(IOException.class)
                .handleResultIf(response -> response.statusCode() == 503 || response.statusCode() == 429)
                .withBackoff(Duration.ofMillis(100), Duration.ofSeconds(5))
                .withMaxDuration(Duration.ofMinutes(5))
                .withMaxRetries(-1)
                .onRetry(event -> retried.increment())
                .build());
        this.pace = rate.map(perSecond -> {
            if (!(perSecond > 0)) throw new IllegalArgumentException("--rate must be positive, got " + perSecond);
            return RateLimiter.smoothBuilder(Math.max(1, Math.round(perSecond)), Duration.ofSeconds(1)).build();
        });
    }

    /**
     * Posts one batch ({@code body} is a JSON array of {@code count} statements) until the LRS accepts it.
     *
     * @throws IllegalStateException with the LRS's answer when it refuses the batch for good
     */
    public void post(byte[] body, int count) throws InterruptedException {
        if (pace.isPresent()) pace.get().acquirePermits(count);
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(TIMEOUT)
                .header("Authorization", authorization)
                .header("X-Experience-API-Version", VERSION)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<String> response;
        try {
            response = retries.get(() -> client.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (dev.failsafe.FailsafeException e) {
            if (e.getCause() instanceof InterruptedException interrupted) throw interrupted;
            if (e.getCause() instanceof IOException io) throw new UncheckedIOException("cannot reach the LRS at " + endpoint + ": " + io.getMessage(), io);
            throw e;
        }
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("the LRS at " + endpoint + " answered " + response.statusCode() + ": " + response.body());
        }
        accepted.add(count);
    }

    public long accepted() {
        return accepted.sum();
    }

    /** Requests sent again after a 503, a 429 or a broken connection. */
    public long retried() {
        return retried.sum();
    }
}

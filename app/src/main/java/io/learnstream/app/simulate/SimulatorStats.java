package io.learnstream.app.simulate;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * A snapshot of the simulator's counters. Every statement handed to the server counts once in {@code posted},
 * however often its batch was retried, and ends up in exactly one of {@code accepted} (2xx), {@code rejected}
 * (4xx other than 429) or {@code failed} (given up after retries, or abandoned at stop); the rest are in flight.
 *
 * @param posted statements sent
 * @param accepted statements the server accepted
 * @param rejected statements the server refused as invalid
 * @param failed statements given up on
 * @param httpErrors failed HTTP attempts: 5xx and 429 answers, connection and I/O errors
 * @param retries HTTP attempts repeated after such a failure
 * @param simulatedTime event time of the last statement sent, empty before the first
 * @param elapsed real time since start
 * @param running whether the simulator is still running
 */
public record SimulatorStats(long posted, long accepted, long rejected, long failed, long httpErrors, long retries,
                             Optional<Instant> simulatedTime, Duration elapsed, boolean running) {

    /** Statements sent but not answered yet. */
    public long inFlight() {
        return posted - accepted - rejected - failed;
    }

    /** Average statements sent per second of real time. */
    public double postedPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds > 0 ? posted / seconds : 0;
    }

    /** One line for a live progress display. */
    public String progressLine() {
        return String.format(Locale.ROOT, "sim time %s | posted %,d (%.0f/s) accepted %,d rejected %,d failed %,d | http errors %,d retries %,d",
                simulatedTime.map(Instant::toString).orElse("-"), posted, postedPerSecond(), accepted, rejected, failed,
                httpErrors, retries);
    }

    /** The closing summary. */
    public String summary() {
        return String.format(Locale.ROOT, "simulator %s after %s: %,d statements posted, %,d accepted, %,d rejected, %,d failed;"
                        + " %,d HTTP errors, %,d retries; simulated time reached %s",
                running ? "running" : "stopped", elapsed, posted, accepted, rejected, failed, httpErrors, retries,
                simulatedTime.map(Instant::toString).orElse("-"));
    }
}

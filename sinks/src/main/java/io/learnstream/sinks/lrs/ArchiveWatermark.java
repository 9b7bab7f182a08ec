package io.learnstream.sinks.lrs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How far the statement archive is complete: the value of {@code X-Experience-API-Consistent-Through}.
 *
 * <p><b>Definition.</b> A probe at wall-clock time {@code t} reads the topic's last stable offsets {@code E}
 * ({@link TopicProgress#endOffsets}): every statement record appended to Kafka before {@code t} lies below
 * {@code E}. Once the sink's committed offsets reach {@code E} on every partition, all of those records are in
 * ClickHouse (the sink commits only after its insert returned). The archive is then complete for every statement
 * appended before {@code t}. A statement's {@code stored} time is set by the LRS just before it sends the record,
 * and the record is appended within {@code appendAllowance} of it (the producer's linger and one round trip to the
 * broker, normally milliseconds). So:
 *
 * <pre>consistentThrough = t_latest - appendAllowance</pre>
 *
 * where {@code t_latest} is the time of the latest probe whose end offsets the sink has reached. It only grows; it
 * follows the wall clock while the sink keeps up (an idle topic is reached at once), stands still while the sink
 * lags or is down, and is {@link Instant#EPOCH} before the first probe is reached. The one case it does not cover
 * is a statement whose record took longer than the allowance to reach Kafka (a broker outage: the producer keeps
 * trying up to its delivery timeout, 30 s for ingest); choose the allowance accordingly.
 *
 * <p>{@link #probe()} is meant to run every few hundred milliseconds from one scheduler thread; a probe that fails
 * (broker unreachable) changes nothing. At most {@code maxPending} probes wait for the sink; while that many wait,
 * new probes only check the waiting ones, so memory stays bounded however far the sink falls behind.
 */
public final class ArchiveWatermark {
    private static final Logger log = LoggerFactory.getLogger(ArchiveWatermark.class);

    /** A reasonable allowance for an LRS whose producer lingers a few milliseconds on a healthy cluster. */
    public static final Duration DEFAULT_APPEND_ALLOWANCE = Duration.ofSeconds(1);
    /** Probes kept waiting for a lagging sink by default (at 4 probes a second, about 40 minutes). */
    public static final int DEFAULT_MAX_PENDING = 10_000;

    private record Probe(Instant askedAt, Map<Integer, Long> endOffsets) {}

    private final TopicProgress progress;
    private final Clock clock;
    private final Duration appendAllowance;
    private final int maxPending;
    private final Deque<Probe> pending = new ArrayDeque<>();
    private volatile Instant consistentThrough = Instant.EPOCH;

    public ArchiveWatermark(TopicProgress progress, Clock clock, Duration appendAllowance, int maxPending) {
        this.progress = Objects.requireNonNull(progress, "progress");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.appendAllowance = Objects.requireNonNull(appendAllowance, "appendAllowance");
        if (appendAllowance.isNegative()) throw new IllegalArgumentException("appendAllowance must not be negative, got " + appendAllowance);
        if (maxPending < 1) throw new IllegalArgumentException("maxPending must be at least 1, got " + maxPending);
        this.maxPending = maxPending;
    }

    /** A watermark with {@link #DEFAULT_APPEND_ALLOWANCE} and {@link #DEFAULT_MAX_PENDING}. */
    public ArchiveWatermark(TopicProgress progress, Clock clock) {
        this(progress, clock, DEFAULT_APPEND_ALLOWANCE, DEFAULT_MAX_PENDING);
    }

    /** Takes one probe and advances the watermark past every probe the sink has reached. Call from one thread. */
    public synchronized void probe() {
        try {
            Instant askedAt = clock.instant();
            Map<Integer, Long> ends = Map.copyOf(progress.endOffsets());
            if (pending.size() < maxPending) pending.addLast(new Probe(askedAt, ends));
            Map<Integer, Long> archived = progress.archivedOffsets();
            Instant reached = null;
            while (!pending.isEmpty() && TopicProgress.covers(archived, pending.peekFirst().endOffsets())) {
                reached = pending.removeFirst().askedAt();
            }
            if (reached != null) {
                Instant candidate = reached.minus(appendAllowance);
                if (candidate.isAfter(consistentThrough)) consistentThrough = candidate;
            }
        } catch (RuntimeException e) {
            log.warn("could not probe the statement archive's progress; consistent-through stays at {}: {}", consistentThrough, e.toString());
        }
    }

    /** Every statement stored before this instant can be read from the archive (see the class documentation). */
    public Instant consistentThrough() {
        return consistentThrough;
    }
}

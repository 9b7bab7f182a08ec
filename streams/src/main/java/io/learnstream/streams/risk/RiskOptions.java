package io.learnstream.streams.risk;

import java.time.Duration;

/**
 * How risk is computed over time.
 *
 * @param grace how far (in event time) behind its class's newest event an event may arrive and still be applied;
 *     older ones go to the dead-letter topic (lateness is judged per class, not per partition, so one class's fast
 *     backlog does not make another's events late)
 * @param minChange a recomputed probability is published when it moved at least this far from the last one
 *     published (or the flag changed); weekly records are published regardless
 * @param reasons how many reasons a score names at most
 * @param streamTick replay: how often, in stream time, every class of a task is ticked up to the stream time, so a
 *     class whose students all went silent still has its days pass
 * @param liveTick live: how often, in wall-clock time, every live class is ticked up to now (zero: never); what makes
 *     a student who sends nothing rise in risk at the real midnight
 * @param idleDays a class is ticked at most this many days past its newest event (or its roster end), so a class
 *     that ended stops costing work; the wall clock ticks only classes whose newest event is within this many days
 *     of it (so a replay of a past term is never ticked by the wall clock)
 */
public record RiskOptions(Duration grace, double minChange, int reasons, Duration streamTick, Duration liveTick,
        int idleDays) {
    public RiskOptions {
        if (grace.isNegative()) throw new IllegalArgumentException("grace must not be negative, got " + grace);
        if (!(minChange >= 0 && minChange < 1)) throw new IllegalArgumentException("minChange must be in [0, 1), got " + minChange);
        if (reasons < 1) throw new IllegalArgumentException("reasons must be at least 1, got " + reasons);
        if (streamTick.isNegative() || streamTick.isZero()) throw new IllegalArgumentException("streamTick must be positive, got " + streamTick);
        if (liveTick.isNegative()) throw new IllegalArgumentException("liveTick must not be negative, got " + liveTick);
        if (idleDays < 1) throw new IllegalArgumentException("idleDays must be at least 1, got " + idleDays);
    }

    /**
     * A day of grace, published on a change of 0.05, three reasons, classes ticked every hour of stream time and every
     * minute of wall-clock time, up to 35 days past their newest event.
     */
    public static RiskOptions defaults() {
        return new RiskOptions(Duration.ofDays(1), 0.05, 3, Duration.ofHours(1), Duration.ofMinutes(1), 35);
    }

    public RiskOptions withGrace(Duration grace) {
        return new RiskOptions(grace, minChange, reasons, streamTick, liveTick, idleDays);
    }

    public RiskOptions withLiveTick(Duration liveTick) {
        return new RiskOptions(grace, minChange, reasons, streamTick, liveTick, idleDays);
    }

    public RiskOptions withMinChange(double minChange) {
        return new RiskOptions(grace, minChange, reasons, streamTick, liveTick, idleDays);
    }
}

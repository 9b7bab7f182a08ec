package io.learnstream.app.replay.assistments;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.learnstream.app.pipeline.Pipeline;
import io.learnstream.app.replay.Replay;
import io.learnstream.app.replay.ReplayProgress;
import io.learnstream.app.replay.StatementPoster;
import io.learnstream.app.simulate.Credentials;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Replays ASSISTments rows as xAPI statements through a running pipeline's LRS front door, and waits until the
 * mastery topology has predicted every answer and the predictions are in ClickHouse.
 */
public final class AssistmentsReplay {
    /** Statements per request, as a quiz tool syncing its history would send them. */
    public static final int BATCH = 500;
    /** Requests in flight at once. */
    public static final int IN_FLIGHT = 4;
    static final Duration CATCH_UP_BOUND = Duration.ofMinutes(10);

    /** How a replay went. */
    public record Outcome(long statements, double sendSeconds, double totalSeconds, long predictions, boolean caughtUp) {}

    private final Pipeline pipeline;
    private final String tenant;
    private final Credentials credential;
    private final Optional<Double> rate;
    private final PrintStream out;

    /** @param rate statements per second at most; empty: as fast as the front door takes them */
    public AssistmentsReplay(Pipeline pipeline, String tenant, Credentials credential, Optional<Double> rate, PrintStream out) {
        this.pipeline = pipeline;
        this.tenant = tenant;
        this.credential = credential;
        this.rate = rate;
        this.out = out;
    }

    /** Sends the rows of one file (named {@code fileName}: part of each statement id) and waits for the pipeline. */
    public Outcome replay(String fileName, List<AssistmentsRow> rows) throws InterruptedException {
        List<AnswerSchedule.Scheduled> schedule = AnswerSchedule.of(rows);
        AssistmentsStatements statements = new AssistmentsStatements(new ObjectMapper(), fileName, AssistmentsStatements.START);
        StatementPoster poster = new StatementPoster(URI.create(pipeline.ingestUrl()), credential, rate);
        long start = System.nanoTime();
        double sendSeconds;
        boolean caughtUp;
        try (ReplayProgress progress = new ReplayProgress(out, 5, () -> String.format(Locale.ROOT,
                "%s: statements accepted %,d of %,d | answers traced %,d%s | predictions in ClickHouse %,d", fileName,
                poster.accepted(), schedule.size(), pipeline.answersTracked(), masteryDetail(), predictions()))) {
            Replay.send(schedule, scheduled -> scheduled.row().userId(), BATCH, IN_FLIGHT, statements::body, poster);
            sendSeconds = (System.nanoTime() - start) / 1e9;
            out.printf(Locale.ROOT, "%s: %,d statements accepted by the LRS in %.1f s (%,.0f/s, %d requests retried); waiting for the pipeline...%n",
                    fileName, poster.accepted(), sendSeconds, poster.accepted() / Math.max(sendSeconds, 1e-9), poster.retried());
            caughtUp = pipeline.awaitCaughtUp(CATCH_UP_BOUND);
        }
        long predicted = predictions();
        double total = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "%s: %s after %.1f s; %,d predictions of district '%s' in ClickHouse%n", fileName,
                caughtUp ? "the pipeline caught up" : "the pipeline did NOT catch up within " + CATCH_UP_BOUND.toMinutes() + " min",
                total, predicted, tenant);
        return new Outcome(poster.accepted(), sendSeconds, total, predicted, caughtUp);
    }

    /** What the mastery topology holds back or re-did, when it runs here. */
    String masteryDetail() {
        return pipeline.masteryMetrics().map(m -> String.format(Locale.ROOT, " (waiting to be ordered %,d, re-sequenced %,d, beyond grace %,d)",
                m.waiting(), m.resequenced(), m.late())).orElse("");
    }

    /** Predictions of this replay's district in ClickHouse (each answer once, the latest re-send). */
    public long predictions() {
        return pipeline.store().query("SELECT count() FROM mastery_predictions WHERE tenant_id = '" + tenant + "'").singleLong();
    }
}

package io.learnstream.app.replay.oulad;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.learnstream.app.replay.Replay;
import io.learnstream.app.replay.ReplayProgress;
import io.learnstream.app.replay.StatementPoster;
import io.learnstream.app.roster.RosterChangeSet;
import io.learnstream.app.roster.RosterExportReader;
import io.learnstream.app.roster.RosterImporter;
import io.learnstream.app.simulate.Credentials;
import io.learnstream.app.stack.EmbeddedStack;
import io.learnstream.schemas.avro.RosterImport;
import io.learnstream.streams.roster.IdentityTokens;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Replays OULAD presentations into a district of a running embedded stack as the district's systems would send them:
 * first the SIS's OneRoster export ({@link OuladRosterExport}, written to a directory and imported with the roster
 * import), then every statement of every presentation ({@link OuladStatements}) in one timestamp order
 * ({@link OuladTimeline}) through the LRS front door; then it waits until the pipeline has caught up and the LRS
 * archive holds every statement.
 *
 * <p>By default everything is sent at once, as fast as the front door takes it: the topologies judge lateness by each
 * student's own newest event, so however the intake's partitions interleave a backlog, nothing on time is dropped, and
 * the replay gives what living through the presentations gives. Each student's statements are posted in order
 * ({@link Replay#send}). With a step ({@code --step}), statements go in steps of event time and the replay waits until
 * the intake has taken in each step (about a second per step, for the intake's commit): slower, for a pipeline that
 * should see the term unfold.
 */
public final class OuladReplay {
    /** Statements per request, as a tool syncing its history would send them. */
    public static final int BATCH = 500;
    /** Requests in flight at once. */
    public static final int IN_FLIGHT = 4;
    static final Duration CATCH_UP_BOUND = Duration.ofMinutes(10);
    static final String CLIENT_ID = "learnstream-replay-oulad";

    /**
     * How a replay went.
     *
     * @param statements what was sent (and accepted)
     * @param archived statements of the replayed classes in the LRS archive at the end (each id once)
     */
    public record Outcome(long statements, double sendSeconds, double totalSeconds, long archived, boolean caughtUp) {}

    private final EmbeddedStack stack;
    private final String tenant;
    private final Credentials credential;
    private final Optional<Double> rate;
    private final Duration step;
    private final PrintStream out;

    /**
     * @param rate statements per second at most; empty: as fast as the front door takes them
     * @param step the event time sent before waiting for the intake (see above); zero: everything at once
     */
    public OuladReplay(EmbeddedStack stack, String tenant, Credentials credential, Optional<Double> rate, Duration step, PrintStream out) {
        this.stack = stack;
        this.tenant = tenant;
        this.credential = credential;
        this.rate = rate;
        this.step = step;
        this.out = out;
    }

    /**
     * Writes the roster export of {@code data} into {@code dir}, imports it for the district and waits until the
     * intake holds it; returns the import's marker.
     */
    public RosterImport importRoster(OuladData data, Path dir) throws IOException, InterruptedException {
        OuladRosterExport.write(data, tenant, dir);
        RosterImport marker = RosterImporter.importExport(dir, tenant, stack.pipeline().topics(), stack.kafkaBootstrapServers(), CLIENT_ID);
        out.printf("roster of district '%s' imported from %s: %s%n", tenant, dir, marker.getFiles().stream()
                .map(file -> String.format(Locale.ROOT, "%,d %s", file.getApplied(), file.getKind()))
                .collect(Collectors.joining(", ")));
        awaitRosterHeld(RosterExportReader.read(dir, tenant, Instant.now()));
        return marker;
    }

    /**
     * Waits until the intake holds every identity token and class of the imported roster: a statement the intake
     * normalizes before then gets the key of the learner's own identifier, not the roster user's, and no class, so the
     * first registrations of a replay would otherwise belong to another student key than the rest of what they did.
     */
    private void awaitRosterHeld(RosterChangeSet roster) throws InterruptedException {
        Set<String> tokens = new TreeSet<>();
        roster.users().records().values().forEach(user -> tokens.addAll(IdentityTokens.of(user)));
        Set<String> classes = roster.classes().records().keySet();
        long deadline = System.nanoTime() + CATCH_UP_BOUND.toNanos();
        while (stack.pipeline().rosterIdentitiesHeld(tenant, tokens) < tokens.size() || stack.pipeline().rosterClassesHeld(tenant, classes) < classes.size()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the intake did not hold the roster's " + tokens.size() + " identities and " + classes.size()
                        + " classes within " + CATCH_UP_BOUND.toMinutes() + " min; see the log");
            }
            Thread.sleep(50);
        }
    }

    /** Sends every statement of {@code data} in timestamp order and waits for the pipeline and the archive. */
    public Outcome replay(OuladData data) throws InterruptedException {
        List<OuladEvent> events = OuladTimeline.of(data.presentations());
        List<List<OuladEvent>> steps = OuladTimeline.steps(events, step);
        AtomicInteger stepsSent = new AtomicInteger();
        OuladStatements statements = new OuladStatements(new ObjectMapper());
        StatementPoster poster = new StatementPoster(URI.create(stack.ingestUrl()), credential, rate);
        String inClasses = "tenant_id = " + literal(tenant) + " AND hasAny(related_activities, ["
                + data.presentations().stream().map(p -> literal(OuladVocabulary.classIri(p.id()))).collect(Collectors.joining(", ")) + "])";
        long start = System.nanoTime();
        double sendSeconds;
        boolean caughtUp;
        long archived;
        try (ReplayProgress progress = new ReplayProgress(out, 5, () -> String.format(Locale.ROOT,
                "statements accepted %,d of %,d (step %,d of %,d) | learning events %,d | scored answers traced %,d | in the LRS archive %,d",
                poster.accepted(), events.size(), stepsSent.get(), steps.size(), stack.pipeline().eventsProcessed(),
                stack.pipeline().answersTracked(), archived(inClasses)))) {
            for (List<OuladEvent> next : steps) {
                Replay.send(next, OuladEvent::studentId, BATCH, IN_FLIGHT, statements::body, poster);
                if (steps.size() > 1 && !stack.pipeline().awaitIntakeCaughtUp(CATCH_UP_BOUND)) {
                    throw new IllegalStateException("the intake did not take in the statements up to " + next.getLast().timestamp()
                            + " within " + CATCH_UP_BOUND.toMinutes() + " min; see the log");
                }
                stepsSent.incrementAndGet();
            }
            sendSeconds = (System.nanoTime() - start) / 1e9;
            out.printf(Locale.ROOT, "%,d statements accepted by the LRS in %.1f s (%,.0f/s, %,d steps of %s of event time, %d requests retried);"
                    + " waiting for the pipeline...%n", poster.accepted(), sendSeconds, poster.accepted() / Math.max(sendSeconds, 1e-9), steps.size(),
                    step.isZero() ? "all" : step, poster.retried());
            long deadline = System.nanoTime() + CATCH_UP_BOUND.toNanos();
            caughtUp = stack.pipeline().awaitCaughtUp(CATCH_UP_BOUND);
            archived = archived(inClasses);
            while (archived < events.size() && System.nanoTime() < deadline) {
                Thread.sleep(200);
                archived = archived(inClasses);
            }
        }
        double total = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "%s after %.1f s; %,d of %,d statements of the replayed classes in the LRS archive of district '%s'%n",
                caughtUp ? "the pipeline caught up" : "the pipeline did NOT catch up within " + CATCH_UP_BOUND.toMinutes() + " min",
                total, archived, events.size(), tenant);
        return new Outcome(poster.accepted(), sendSeconds, total, archived, caughtUp);
    }

    /** Distinct statements of the district naming one of the classes in the archive. */
    private long archived(String inClasses) {
        return stack.store().query("SELECT uniqExact(statement_id) FROM xapi_statements WHERE " + inClasses).singleLong();
    }

    /** A ClickHouse string literal. */
    static String literal(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}

package io.learnstream.app.simulate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.learnstream.app.simulate.CompletionWatermark.Mark;
import io.learnstream.app.simulate.activity.Term;
import io.learnstream.app.simulate.district.District;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The district simulator: walks the simulated term in event-time order and posts its statements to the
 * learnstream server at the configured rate, so that the simulated clock runs as fast as the rate makes it.
 * The point reached is saved in the state file, and a later run with the same state directory continues the
 * term from there: the simulated clock never goes back.
 *
 * <p>Lifecycle: {@link #start()} once, then {@link #snapshot()} at will, {@link #stop()} to end early, and
 * {@link #awaitTermination(Duration)}. The simulator also ends by itself when the configured duration has passed
 * or the term is over.
 */
public final class Simulator {

    static final Duration PERSIST_INTERVAL = Duration.ofSeconds(5);
    /** How long in-flight batches may take to settle once dispatching has ended, before they are abandoned. */
    static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(Simulator.class);

    private enum Phase { NEW, DISPATCHING, FINISHING, TERMINATED }

    private final SimulatorConfig config;
    private final Timing timing;
    private final Clock clock;
    private final SimulatorCounters counters = new SimulatorCounters();
    private final StatementSender sender;
    private final SimulatorStateStore store;
    private final ObjectMapper mapper = new ObjectMapper();
    private final CountDownLatch terminated = new CountDownLatch(1);
    private final Object lock = new Object();
    private volatile boolean stopRequested;
    private volatile boolean abandonRetries;
    private volatile long startNanos;
    private volatile long endNanos;
    private volatile Throwable failure;
    private Phase phase = Phase.NEW;
    private Thread runner;
    private HttpClient ownedClient;

    /** A simulator on real time, posting with an {@link HttpClient} of its own that it closes when done. */
    public Simulator(SimulatorConfig config) {
        this(config, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build(),
                Timing.system(), Clock.systemUTC());
        this.ownedClient = sender.client();
    }

    /**
     * @param config what to simulate and where to post
     * @param httpClient the client to post with; the caller closes it
     * @param timing real time as the simulator sees it: pacing, retry waits, the duration
     * @param clock the wall clock: today's date for the default term start, and HTTP-dates in {@code Retry-After}
     */
    public Simulator(SimulatorConfig config, HttpClient httpClient, Timing timing, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.timing = Objects.requireNonNull(timing, "timing");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sender = new StatementSender(Objects.requireNonNull(httpClient, "httpClient"), config.statementsEndpoint(),
                config.credentials(), timing, clock, RetryPolicy.DEFAULT, counters, mapper);
        this.store = new SimulatorStateStore(config.stateFile(), mapper);
    }

    /** Starts simulating on a thread of its own; at most once. */
    public void start() {
        synchronized (lock) {
            if (phase != Phase.NEW) {
                throw new IllegalStateException("the simulator was already started");
            }
            phase = Phase.DISPATCHING;
            startNanos = timing.nanoTime();
            runner = Thread.ofPlatform().name("district-simulator").unstarted(this::run);
            runner.start();
        }
    }

    /** Asks the simulator to stop: no new batches, no more retries; batches in flight get their answer. */
    public void stop() {
        stopRequested = true;
        synchronized (lock) {
            if (phase == Phase.DISPATCHING && runner != null) {
                runner.interrupt();
            }
            if (phase == Phase.NEW) {
                phase = Phase.TERMINATED;
                terminated.countDown();
            }
        }
    }

    /** Waits for the simulator to finish; returns whether it did within the timeout. */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        return terminated.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** The counters now; safe to call from any thread at any time. */
    public SimulatorStats snapshot() {
        Phase now;
        synchronized (lock) {
            now = phase;
        }
        Duration elapsed = switch (now) {
            case NEW -> Duration.ZERO;
            case DISPATCHING, FINISHING -> Duration.ofNanos(timing.nanoTime() - startNanos);
            case TERMINATED -> Duration.ofNanos(endNanos - startNanos);
        };
        return counters.snapshot(elapsed, now == Phase.DISPATCHING || now == Phase.FINISHING);
    }

    /**
     * The term this simulator runs (or resumes): the saved one, else the configured first term. What its district's
     * roster export must cover.
     */
    public Term term() throws IOException {
        return store.load().map(SimulatorState::term).orElseGet(() -> config.firstTerm(clock));
    }

    /** The district this simulator's statements come from. */
    public io.learnstream.app.simulate.district.District district() {
        return io.learnstream.app.simulate.district.DistrictGenerator.generate(config.districtSpec());
    }

    /** What made the run fail (an unreadable state file, say), if it did. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    private void run() {
        ExecutorService workers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("simulator-post-", 0).factory());
        Term term = null;
        CompletionWatermark watermark = null;
        try {
            Optional<SimulatorState> saved = store.load();
            term = saved.map(SimulatorState::term).orElseGet(() -> config.firstTerm(clock));  // as term() tells
            StatementGenerator generator = StatementGenerator.forConfig(config, term);
            resume(generator, saved, term);
            watermark = new CompletionWatermark(new Mark(generator.position(), generator.lastEventTime()));
            logStart(generator.district(), term, generator);
            String reason = dispatch(generator, watermark, workers, term);
            LOG.info("simulator stopping: {}", reason);
        } catch (InterruptedException e) {
            LOG.info("simulator stopping: interrupted");
        } catch (IOException | RuntimeException e) {
            failure = e;
            LOG.error("simulator failed: {}", e.toString(), e);
        } finally {
            synchronized (lock) {
                phase = Phase.FINISHING;
                Thread.interrupted(); // an interrupt meant "stop dispatching", which is done
            }
            drain(workers);
            if (ownedClient != null) {
                ownedClient.close();
            }
            if (watermark != null) {
                persist(term, watermark, true);
            }
            endNanos = timing.nanoTime();
            synchronized (lock) {
                phase = Phase.TERMINATED;
            }
            LOG.info(snapshot().summary());
            terminated.countDown();
        }
    }

    private void resume(StatementGenerator generator, Optional<SimulatorState> saved, Term term) {
        if (saved.isEmpty()) {
            return;
        }
        SimulatorState state = saved.get();
        config.termStart().filter(start -> !start.equals(term.start())).ifPresent(start -> LOG.warn(
                "the state file {} continues the term that started {}; the configured term start {} applies only to a"
                        + " first run (delete the state file to start a new term)", store.file(), term.start(), start));
        if (state.sameSequenceAs(config)) {
            generator.skip(state.position());
        } else {
            LOG.warn("the district settings differ from those of the run that wrote {}; the new district continues"
                    + " the term from the simulated time reached, {}", store.file(), state.simulatedTime().orElse(null));
        }
        state.simulatedTime().ifPresent(generator::skipBefore);
    }

    private void logStart(District district, Term term, StatementGenerator generator) {
        LOG.info("simulating {}: {} schools, {} classes, {} teachers, {} students; term {} to {} ({} weeks, {})",
                district.name(), district.schools().size(), district.sections().size(), district.teachers().size(),
                district.students().size(), term.start(), term.start().plusDays(term.days() - 1L), term.weeks(), term.zone());
        LOG.info("posting to {} at {} statements/s in batches of {}, up to {} at once; {} from statement {} (simulated time {})",
                config.statementsEndpoint(), config.rate(), config.batchSize(), config.concurrency(),
                generator.position() == 0 ? "starting" : "continuing", generator.position(),
                generator.lastEventTime().map(Object::toString).orElse(term.startInstant().toString()));
    }

    /** Takes batches from the generator, paced, and hands them to the workers; returns why it ended. */
    private String dispatch(StatementGenerator generator, CompletionWatermark watermark, ExecutorService workers, Term term)
            throws InterruptedException, IOException {
        // nanoTime values are compared by their difference, so "no deadline" is a deadline far out, not Long.MAX_VALUE
        long deadline = startNanos + config.duration().map(Duration::toNanos).orElse(Long.MAX_VALUE / 2);
        RatePacer pacer = new RatePacer(config.rate(), timing);
        Semaphore slots = new Semaphore(config.concurrency());
        long nextPersist = startNanos + PERSIST_INTERVAL.toNanos();
        while (!stopRequested) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException();
            }
            if (!generator.hasNext()) {
                return "the term is over (" + term.start() + " + " + term.weeks() + " weeks); delete "
                        + store.file() + " to simulate a new term";
            }
            ArrayNode batch = mapper.createArrayNode();
            while (batch.size() < config.batchSize() && generator.hasNext()) {
                ObjectNode statement = generator.next();
                batch.add(statement);
            }
            Mark end = new Mark(generator.position(), generator.lastEventTime());
            if (!pacer.acquire(batch.size(), deadline)) {
                return "the configured duration of " + config.duration().orElseThrow() + " has passed";
            }
            slots.acquire();
            byte[] body = mapper.writeValueAsBytes(batch);
            int count = batch.size();
            long sequence = watermark.dispatched(end);
            counters.reachedSimulatedTime(end.simulatedTime().orElseThrow());
            workers.execute(() -> post(body, count, sequence, watermark, slots));
            long now = timing.nanoTime();
            if (now - nextPersist >= 0) {
                persist(term, watermark, false);
                nextPersist = now + PERSIST_INTERVAL.toNanos();
            }
        }
        return "stop requested";
    }

    private void post(byte[] body, int count, long sequence, CompletionWatermark watermark, Semaphore slots) {
        boolean settled = false;
        try {
            BatchOutcome outcome = sender.send(body, count, () -> !stopRequested && !abandonRetries);
            settled = outcome != BatchOutcome.ABANDONED;
        } catch (InterruptedException e) {
            counters.failed.add(count);
        } catch (RuntimeException e) {
            counters.failed.add(count);
            LOG.error("posting a batch failed unexpectedly", e);
        } finally {
            if (settled) {
                watermark.settled(sequence);
            }
            slots.release();
        }
    }

    private void drain(ExecutorService workers) {
        workers.shutdown();
        try {
            if (!workers.awaitTermination(DRAIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("batches still unanswered after {}; abandoning them (a later run sends them again)", DRAIN_TIMEOUT);
                abandonRetries = true;
                workers.shutdownNow();
                workers.awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            abandonRetries = true;
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private void persist(Term term, CompletionWatermark watermark, boolean last) {
        Mark reached = watermark.reached();
        try {
            store.save(SimulatorState.of(config, term, reached));
            if (last) {
                LOG.info("saved the simulated time reached, {} (statement {} of the term), to {}",
                        reached.simulatedTime().map(Object::toString).orElse("-"), reached.position(), store.file());
            }
        } catch (IOException e) {
            LOG.warn("could not save the simulator state to {}: {}", store.file(), e.toString());
        }
    }
}

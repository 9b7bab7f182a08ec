package io.learnstream.app.simulate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.learnstream.app.simulate.activity.SimEvent;
import io.learnstream.app.simulate.activity.Term;
import io.learnstream.app.simulate.activity.TermSimulation;
import io.learnstream.app.simulate.district.District;
import io.learnstream.app.simulate.district.DistrictGenerator;
import io.learnstream.app.simulate.district.DistrictSpec;
import io.learnstream.app.simulate.xapi.StatementRenderer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The statements of a simulated term, in event-time order, without any HTTP: what the {@link Simulator} posts,
 * for tests and benchmarks too. Reproducible: the same district, term and seed give the same statements,
 * ids included, at the same positions. Not thread-safe.
 */
public final class StatementGenerator implements Iterator<ObjectNode> {

    private final TermSimulation simulation;
    private final StatementRenderer renderer;
    private List<SimEvent> day = List.of();
    private int indexInDay;
    private long position;
    private Instant lastEventTime;

    private StatementGenerator(TermSimulation simulation) {
        this.simulation = simulation;
        this.renderer = new StatementRenderer(simulation.district());
    }

    /** Statements of the given district's term, from the term's first day. */
    public static StatementGenerator create(District district, Term term, long seed) {
        return new StatementGenerator(new TermSimulation(district, term, seed));
    }

    /** Statements of the district the spec describes, over a term of the spec's length from {@code termStart}. */
    public static StatementGenerator create(DistrictSpec spec, LocalDate termStart) {
        return create(DistrictGenerator.generate(spec), new Term(termStart, spec.termWeeks(), spec.zone()), spec.seed());
    }

    /** Statements of the district and term a simulator with this config and term would post. */
    public static StatementGenerator forConfig(SimulatorConfig config, Term term) {
        return create(DistrictGenerator.generate(config.districtSpec()), term, config.seed());
    }

    public District district() {
        return simulation.district();
    }

    public Term term() {
        return simulation.term();
    }

    @Override
    public boolean hasNext() {
        return peekEvent().isPresent();
    }

    /** The next statement. */
    @Override
    public ObjectNode next() {
        return renderer.render(nextEvent());
    }

    /** The next event, not rendered. */
    public SimEvent nextEvent() {
        SimEvent event = peekEvent().orElseThrow(() -> new NoSuchElementException("the term is over"));
        indexInDay++;
        position++;
        lastEventTime = event.time();
        return event;
    }

    /** The next event without taking it, or empty when the term is over. */
    public Optional<SimEvent> peekEvent() {
        while (indexInDay >= day.size() && simulation.hasNextDay()) {
            day = simulation.simulateNextDay();
            indexInDay = 0;
        }
        return indexInDay < day.size() ? Optional.of(day.get(indexInDay)) : Optional.empty();
    }

    /** Skips up to {@code count} statements without rendering them; returns how many were skipped. */
    public long skip(long count) {
        long skipped = 0;
        while (skipped < count && hasNext()) {
            nextEvent();
            skipped++;
        }
        return skipped;
    }

    /** Skips the statements whose time is before {@code time}; returns how many were skipped. */
    public long skipBefore(Instant time) {
        long skipped = 0;
        while (peekEvent().filter(e -> e.time().isBefore(time)).isPresent()) {
            nextEvent();
            skipped++;
        }
        return skipped;
    }

    /** How many statements were taken or skipped since the start of the term. */
    public long position() {
        return position;
    }

    /** The time of the last statement taken or skipped, empty before the first. */
    public Optional<Instant> lastEventTime() {
        return Optional.ofNullable(lastEventTime);
    }

    /** The remaining statements as a sequential stream. */
    public Stream<ObjectNode> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }
}

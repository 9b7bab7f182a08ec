package io.learnstream.streams.risk.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One class lived through in event time, in memory: its students' events applied in order and a tick at the start of
 * every day, exactly as the risk topology does with its stores. Used to fit the model on past terms and to check the
 * topology against.
 */
public final class ClassTimeline {
    /** One student's features at a tick. */
    public record Scored(String student, RiskFeatures.Vector features, boolean withActivityData, boolean withdrawn) {}

    private final long start;
    private final List<ClassContext.LineItem> lineItems;
    private final ClassActivity cls = ClassActivity.empty();
    private final Map<String, StudentActivity> students = new LinkedHashMap<>();
    private long nextTickDay = Long.MIN_VALUE;

    public ClassTimeline(long start, List<ClassContext.LineItem> lineItems) {
        this.start = start;
        this.lineItems = List.copyOf(lineItems);
    }

    /** Applies an event; ticks for the days that ended before it first go to {@code onTick}. */
    public void apply(String student, RiskEvent event, TickListener onTick) {
        advanceTo(event.time(), onTick);
        students.computeIfAbsent(student, s -> StudentActivity.empty()).apply(event);
        cls.apply(event);
    }

    /** Runs the ticks of every day that starts at or before {@code time}. */
    public void advanceTo(long time, TickListener onTick) {
        long day = Days.of(time);
        if (nextTickDay == Long.MIN_VALUE) nextTickDay = day;
        while (nextTickDay <= day) {
            long tick = Days.start(nextTickDay);
            onTick.tick(tick, Days.of(tick) - Days.of(start), tick(tick));
            nextTickDay++;
        }
    }

    /** Scores every student as of {@code asOf} with the current distribution, and rebuilds the distribution. */
    public List<Scored> tick(long asOf) {
        cls.settle();
        ClassContext context = context();
        ActivityDistribution next = ActivityDistribution.empty();
        List<Scored> out = new ArrayList<>(students.size());
        for (Map.Entry<String, StudentActivity> e : students.entrySet()) {
            StudentActivity s = e.getValue();
            boolean withdrawn = s.withdrawn() != null && s.withdrawn() <= asOf;
            if (!withdrawn) next.add(RiskFeatures.events7(s, asOf));
            out.add(new Scored(e.getKey(), RiskFeatures.of(s, context, asOf, null), cls.withActivityData(), withdrawn));
        }
        cls.distribution(next);
        return out;
    }

    public ClassContext context() {
        return new ClassContext(start, lineItems, cls.activities(), cls.distribution(), cls.withActivityData());
    }

    public Map<String, StudentActivity> students() {
        return students;
    }

    /** Receives each tick's scores: the instant, the day of the class, every student. */
    @FunctionalInterface
    public interface TickListener {
        void tick(long asOf, long dayOfClass, List<Scored> scored);
    }
}

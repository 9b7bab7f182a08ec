package io.learnstream.streams.risk;

import io.learnstream.schemas.avro.ClassLineItem;
import io.learnstream.schemas.avro.ClassLineItems;
import io.learnstream.schemas.avro.DeadLetter;
import io.learnstream.schemas.avro.LearningEvent;
import io.learnstream.schemas.avro.RiskClassState;
import io.learnstream.schemas.avro.RiskParameter;
import io.learnstream.schemas.avro.RiskStudentState;
import io.learnstream.schemas.avro.SkillLevel;
import io.learnstream.schemas.avro.StudentMastery;
import io.learnstream.schemas.topic.Topics;
import io.learnstream.streams.risk.model.ActivityDistribution;
import io.learnstream.streams.risk.model.ClassActivity;
import io.learnstream.streams.risk.model.ClassContext;
import io.learnstream.streams.risk.model.Days;
import io.learnstream.streams.risk.model.RiskEvent;
import io.learnstream.streams.risk.model.RiskFeatures;
import io.learnstream.streams.risk.model.RiskModel;
import io.learnstream.streams.risk.model.StudentActivity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Every student's risk in every class of its task, in event time. Before a class's event is applied, the midnights
 * it passed are ticked (every student of the class scored as of that midnight, the class's activity distribution
 * rebuilt), exactly as {@link io.learnstream.streams.risk.model.ClassTimeline} lives a class through when the model
 * is fitted; then the event is applied and its student rescored. Punctuation ticks classes whose students all went
 * silent: on stream time always (replay), on wall-clock time for live classes. A score is published when it moved
 * by the configured change or its flag changed (hysteresis: raised at the high threshold, cleared below the low one),
 * and for every student at each week boundary of the class.
 */
final class RiskTracker implements Processor<String, LearningEvent, String, SpecificRecord> {
    static final String TRIGGER_EVENT = "event";
    static final String TRIGGER_TICK = "tick";
    static final String TRIGGER_WEEK = "week";
    /** Between a class's key and a student's in the students store (a prefix scan finds a class's students). */
    private static final char STUDENT_SEPARATOR = '\u001f';

    private final RiskOptions options;
    private final RiskModel defaults;
    private final RiskMetrics metrics;
    private ProcessorContext<String, SpecificRecord> context;
    private KeyValueStore<String, RiskStudentState> students;
    private ClassStates classes;
    private KeyValueStore<String, ValueAndTimestamp<ClassLineItems>> lineItems;
    private KeyValueStore<String, ValueAndTimestamp<StudentMastery>> mastery;
    private CurrentRiskModel model;

    RiskTracker(RiskOptions options, RiskModel defaults, RiskMetrics metrics) {
        this.options = options;
        this.defaults = defaults;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        students = context.getStateStore(RiskTopology.STUDENTS_STORE);
        classes = new ClassStates(context.getStateStore(RiskTopology.CLASSES_STORE));
        lineItems = context.getStateStore(RiskTopology.LINE_ITEMS_STORE);
        mastery = context.getStateStore(RiskTopology.MASTERY_STORE);
        KeyValueStore<String, ValueAndTimestamp<RiskParameter>> parameters = context.getStateStore(RiskTopology.PARAMETERS_STORE);
        model = new CurrentRiskModel(parameters, defaults);
        context.schedule(options.streamTick(), PunctuationType.STREAM_TIME, this::advanceAll);
        if (!options.liveTick().isZero()) context.schedule(options.liveTick(), PunctuationType.WALL_CLOCK_TIME, this::advanceLive);
    }

    @Override
    public void process(Record<String, LearningEvent> record) {
        LearningEvent event = record.value();
        if (event == null || event.getClassId() == null) return;
        String classKey = record.key();
        long time = event.getEventTime().toEpochMilli();
        RiskClassState stored = classes.get(classKey);
        if (stored != null && time < stored.getNewestEventTime() - options.grace().toMillis()) {
            deadLetter(event, stored.getNewestEventTime());
            return;
        }
        ClassLineItems roster = lineItems(classKey);
        ClassActivity cls = stored == null ? ClassActivity.empty() : RiskStates.activity(stored);
        long firstEvent = stored == null ? time : Math.min(stored.getFirstEventTime(), time);
        long newest = stored == null ? time : Math.max(stored.getNewestEventTime(), time);
        long nextTickDay = stored == null ? Days.of(time) : stored.getNextTickDay();
        nextTickDay = advance(event.getTenantId(), event.getClassId(), cls, firstEvent, roster, nextTickDay, Days.of(time));

        RiskEvent riskEvent = RiskEvents.of(event, roster == null ? List.of() : roster.getLineItems());
        String studentKey = studentKey(classKey, event.getStudentKey());
        RiskStudentState previous = students.get(studentKey);
        StudentActivity s = previous == null ? StudentActivity.empty() : RiskStates.activity(previous);
        s.apply(riskEvent);
        cls.apply(riskEvent);
        metrics.applied();
        ClassContext classContext = classContext(cls, firstEvent, roster);
        RiskStudentState next = score(event.getTenantId(), event.getClassId(), event.getStudentKey(), s, previous, classContext, time,
                riskEvent.kind() == RiskEvent.Kind.WITHDREW ? TRIGGER_EVENT : null, TRIGGER_EVENT);
        students.put(studentKey, next);
        classes.put(classKey, RiskStates.state(event.getTenantId(), event.getClassId(), cls, firstEvent, newest, nextTickDay));
    }

    /** Stream time passed: ticks every class of this task up to it. */
    private void advanceAll(long streamTime) {
        advanceClasses(streamTime, Long.MIN_VALUE);
    }

    /** Wall-clock time passed: ticks every live class (newest event within the idle days of now) up to now. */
    private void advanceLive(long now) {
        advanceClasses(now, now - options.idleDays() * Days.MILLIS);
    }

    private void advanceClasses(long time, long newestAtLeast) {
        List<KeyValue<String, RiskClassState>> due = new ArrayList<>();
        for (KeyValue<String, RiskClassState> c : classes.all()) {
            if (c.value.getNewestEventTime() >= newestAtLeast && c.value.getNextTickDay() <= Days.of(time)) due.add(c);
        }
        for (KeyValue<String, RiskClassState> c : due) {
            RiskClassState state = c.value;
            ClassActivity cls = RiskStates.activity(state);
            ClassLineItems roster = lineItems(c.key);
            long next = advance(state.getTenantId(), state.getClassId(), cls, state.getFirstEventTime(), roster, state.getNextTickDay(),
                    Math.min(Days.of(time), lastTickDay(state, roster)));
            if (next != state.getNextTickDay()) {
                classes.put(c.key, RiskStates.state(state.getTenantId(), state.getClassId(), cls, state.getFirstEventTime(),
                        state.getNewestEventTime(), next));
            }
        }
    }

    /** The last day a class is ticked without events: its roster end, or some days past its newest event. */
    private long lastTickDay(RiskClassState state, ClassLineItems roster) {
        long idle = Days.of(state.getNewestEventTime()) + options.idleDays();
        if (roster != null && roster.getClassEnd() != null) return Math.max(idle, Days.of(roster.getClassEnd().toEpochMilli()) + 1);
        return idle;
    }

    /** Runs the ticks of the days {@code nextTickDay..throughDay}; returns the next day still to tick. */
    private long advance(String tenantId, String classId, ClassActivity cls, long firstEvent, ClassLineItems roster, long nextTickDay,
            long throughDay) {
        while (nextTickDay <= throughDay) {
            tick(tenantId, classId, cls, firstEvent, roster, Days.start(nextTickDay));
            nextTickDay++;
        }
        return nextTickDay;
    }

    /** Scores every student of the class as of {@code asOf} (a midnight) and rebuilds the class's distribution. */
    private void tick(String tenantId, String classId, ClassActivity cls, long firstEvent, ClassLineItems roster, long asOf) {
        metrics.tick();
        cls.settle();
        ClassContext classContext = classContext(cls, firstEvent, roster);
        long dayOfClass = Days.of(asOf) - Days.of(classContext.start());
        String weekly = dayOfClass > 0 && dayOfClass % 7 == 0 ? TRIGGER_WEEK : null;
        ActivityDistribution next = ActivityDistribution.empty();
        String prefix = studentKey(Topics.tenantScopedKey(tenantId, classId), "");
        List<KeyValue<String, RiskStudentState>> changed = new ArrayList<>();
        try (KeyValueIterator<String, RiskStudentState> all = students.prefixScan(prefix, new StringSerializer())) {
            while (all.hasNext()) {
                KeyValue<String, RiskStudentState> entry = all.next();
                RiskStudentState previous = entry.value;
                StudentActivity s = RiskStates.activity(previous);
                if (s.withdrawn() != null && s.withdrawn() <= asOf) continue;
                next.add(RiskFeatures.events7(s, asOf));
                RiskStudentState scored = score(tenantId, classId, previous.getStudentKey(), s, previous, classContext, asOf, weekly, TRIGGER_TICK);
                if (scored != previous) changed.add(KeyValue.pair(entry.key, scored));
            }
        }
        changed.forEach(kv -> students.put(kv.key, kv.value));
        cls.distribution(next);
    }

    /**
     * Scores a student; publishes when {@code always} names a trigger, or when the probability moved by the configured
     * change or the flag changed ({@code trigger}). Returns the state to keep ({@code previous} itself when nothing
     * was published and the activity is unchanged).
     */
    private RiskStudentState score(String tenantId, String classId, String studentKey, StudentActivity s, RiskStudentState previous,
            ClassContext classContext, long asOf, String always, String trigger) {
        RiskModel current = model.model();
        boolean withdrawn = s.withdrawn() != null && s.withdrawn() <= asOf;
        RiskFeatures.Vector features = RiskFeatures.of(s, classContext, asOf, weakestSkill(tenantId, studentKey));
        RiskModel.Score score = current.score(features, classContext.withActivityData());
        boolean wasFlagged = previous != null && previous.getFlagged();
        Double lastProbability = previous == null ? null : previous.getProbability();
        boolean flagged = !withdrawn && (wasFlagged ? score.probability() >= current.low() : score.probability() >= current.high());
        boolean moved = lastProbability == null || Math.abs(score.probability() - lastProbability) >= options.minChange();
        boolean publish = always != null || moved || flagged != wasFlagged;
        if (!publish) return trigger.equals(TRIGGER_TICK) ? previous : RiskStates.state(studentKey, s, lastProbability, wasFlagged);
        if (flagged && !wasFlagged) metrics.raised();
        String why = always != null ? always : trigger;
        context.forward(new Record<>(Topics.tenantScopedKey(tenantId, classId), RiskScoreRecords.of(tenantId, classId, studentKey, asOf,
                features, score, flagged, withdrawn, why, current.version(), options.reasons()), asOf));
        metrics.published(why);
        return RiskStates.state(studentKey, s, score.probability(), flagged);
    }

    private ClassContext classContext(ClassActivity cls, long firstEvent, ClassLineItems roster) {
        long start = roster != null && roster.getClassStart() != null ? roster.getClassStart().toEpochMilli() : Days.start(Days.of(firstEvent));
        List<ClassContext.LineItem> items = new ArrayList<>();
        if (roster != null) {
            for (ClassLineItem item : roster.getLineItems()) items.add(new ClassContext.LineItem(item.getSourcedId(), item.getDueDate().toEpochMilli()));
        }
        return new ClassContext(start, items, cls.activities(), cls.distribution(), cls.withActivityData());
    }

    private ClassLineItems lineItems(String classKey) {
        ValueAndTimestamp<ClassLineItems> held = lineItems.get(classKey);
        return held == null ? null : held.value();
    }

    /** The student's weakest attempted skill from the mastery stream, if any. */
    private RiskFeatures.Mastery weakestSkill(String tenantId, String studentKey) {
        ValueAndTimestamp<StudentMastery> held = mastery.get(Topics.tenantScopedKey(tenantId, studentKey));
        if (held == null || held.value().getWeaknesses().isEmpty()) return null;
        SkillLevel weakest = held.value().getWeaknesses().getFirst();
        return new RiskFeatures.Mastery(weakest.getSkillId(), weakest.getPMastery());
    }

    /** A student's key in the students store: the class's key, a separator no sourcedId holds, the student's key. */
    private static String studentKey(String classKey, String studentKey) {
        return classKey + STUDENT_SEPARATOR + studentKey;
    }

    private void deadLetter(LearningEvent event, long newest) {
        metrics.late();
        String reason = "eventTime " + event.getEventTime() + " is more than the grace period of " + options.grace()
                + " behind the newest event " + Instant.ofEpochMilli(newest) + " of class " + event.getClassId()
                + "; the class's days before it are settled";
        context.forward(new Record<>(Topics.tenantScopedKey(event.getTenantId(), event.getClassId()), DeadLetter.newBuilder()
                .setTenantId(event.getTenantId())
                .setSource("streams." + RiskTopology.TRACK)
                .setReason(reason)
                .setPayload(event.toString())
                .setReceivedTime(event.getStoredTime())
                .build(), event.getEventTime().toEpochMilli()));
    }
}

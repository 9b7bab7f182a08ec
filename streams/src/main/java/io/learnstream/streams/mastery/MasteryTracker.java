package io.learnstream.streams.mastery;

import io.learnstream.schemas.avro.AnswerLogEntry;
import io.learnstream.schemas.avro.DeadLetter;
import io.learnstream.schemas.avro.ItemSkills;
import io.learnstream.schemas.avro.LearningEvent;
import io.learnstream.schemas.avro.MasteryParameter;
import io.learnstream.schemas.avro.MasteryPrediction;
import io.learnstream.schemas.avro.MasterySkillState;
import io.learnstream.schemas.avro.MasteryStudentState;
import io.learnstream.schemas.avro.SkillMastery;
import io.learnstream.schemas.avro.StudentSkill;
import io.learnstream.schemas.topic.Topics;
import io.learnstream.streams.mastery.model.Answer;
import io.learnstream.streams.mastery.model.MasteryModel;
import io.learnstream.streams.mastery.model.ParameterSet;
import io.learnstream.streams.mastery.model.SkillState;
import io.learnstream.streams.mastery.model.StudentState;
import io.learnstream.schemas.avro.StudentMastery;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Applies each scored answer to the student's mastery, in event-time order, and says what it predicted before.
 *
 * <p>Per answer, in constant time per skill: the item's skills (the district's imported mapping, else what the
 * statement named); each model's P(correct) from the states before the answer (forwarded as a prediction); the
 * states after it (forwarded as one skill-mastery update per skill, with items to practise next for a skill not
 * mastered). Only the student's state and the states of the answer's skills are read and written. The student's
 * summary (every skill: strengths, weaknesses, practice) is published once per {@link MasteryOptions#summaryInterval()}
 * for the students who answered since, not once per answer, so an answer's cost does not grow with the skills a
 * student has attempted.
 *
 * <p>It runs on the learning-events partitions as they are (keyed by student), so a student's answers arrive
 * nearly in order; the intake's tasks may still interleave them. Each answer is held in a {@link ReorderBuffer} for
 * at most two {@link MasteryOptions#orderingTick() ticks} (wall-clock) and released in event-time order, which puts
 * what arrives close together in order. An answer older than one already applied (a straggler), but
 * within the grace period, is put in its place: the answers after it are undone (each log entry keeps the states it
 * replaced), it is applied, and they are applied again, their predictions and updates re-sent with the same event
 * id. So the outcome is the same at any replay speed. An answer more than the grace period behind the student's own
 * newest answer goes to the dead letters; other students' answers do not count, so how fast the intake read each of
 * its partitions (a backlog) or how late another student's tool synced does not make an answer late.
 */
final class MasteryTracker implements Processor<String, LearningEvent, Object, SpecificRecord> {
    /** The answer log is trimmed when its oldest entry is this much past the grace period (at least an hour). */
    private static final long MIN_FORGET_SLACK_MS = Duration.ofHours(1).toMillis();
    /**
     * Summaries published per punctuation at most (the rest at the next), so one punctuation stays well inside the
     * exactly-once transaction timeout however many students answered.
     */
    static final int SUMMARIES_PER_PUNCTUATION = 2_000;
    private static final long SLOW_PUNCTUATION_MS = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(MasteryTracker.class);

    private final MasteryOptions options;
    private final ParameterSet defaults;
    private final MasteryMetrics metrics;
    private final long forgetSlack;
    private ProcessorContext<Object, SpecificRecord> context;
    private KeyValueStore<String, MasteryStudentState> students;
    private SkillStates skills;
    private AnswerLog log;
    private ReorderBuffer buffer;
    private SummariesDue summariesDue;
    private KeyValueStore<String, ValueAndTimestamp<ItemSkills>> itemSkills;
    private CurrentParameters parameters;

    MasteryTracker(MasteryOptions options, ParameterSet defaults, MasteryMetrics metrics) {
        this.options = options;
        this.defaults = defaults;
        this.metrics = metrics;
        this.forgetSlack = Math.max(options.grace().toMillis(), MIN_FORGET_SLACK_MS);
    }

    @Override
    public void init(ProcessorContext<Object, SpecificRecord> context) {
        this.context = context;
        this.students = context.getStateStore(MasteryTopology.STUDENTS_STORE);
        this.skills = new SkillStates(context.getStateStore(MasteryTopology.SKILLS_STORE));
        this.log = new AnswerLog(context.getStateStore(MasteryTopology.ANSWER_LOG_STORE));
        if (options.reorderCapacity() > 0) {
            this.buffer = new ReorderBuffer(context.getStateStore(MasteryTopology.REORDER_STORE), options.reorderCapacity(),
                    options.reorderWindow().toMillis());
            metrics.waiting(buffer.size());
            context.schedule(options.orderingTick(), PunctuationType.WALL_CLOCK_TIME, this::releaseAnswers);
        }
        this.summariesDue = new SummariesDue(context.getStateStore(MasteryTopology.SUMMARY_DUE_STORE), metrics);
        this.itemSkills = context.getStateStore(MasteryTopology.ITEM_SKILLS_STORE);
        KeyValueStore<String, ValueAndTimestamp<MasteryParameter>> published = context.getStateStore(MasteryTopology.PARAMETERS_STORE);
        this.parameters = new CurrentParameters(published, defaults);
        context.schedule(options.summaryInterval(), PunctuationType.WALL_CLOCK_TIME, now -> publishSummaries());
    }

    @Override
    public void process(Record<String, LearningEvent> record) {
        LearningEvent event = record.value();
        if (!Answers.isAnswer(event)) return;
        String student = Topics.tenantScopedKey(event.getTenantId(), event.getStudentKey());
        MasteryStudentState state = students.get(student);
        if (state != null && event.getEventTime().toEpochMilli() < state.getLastEventTime().toEpochMilli() - options.grace().toMillis()) {
            deadLetter(record, event, state.getLastEventTime());
            return;
        }
        AnswerLogEntry answer = AnswerLogEntry.newBuilder()
                .setEventId(event.getEventId())
                .setCourseId(event.getCourseId())
                .setItemId(event.getActivityId())
                .setSkills(event.getSkills())
                .setCorrect(Answers.correct(event))
                .setEventTime(event.getEventTime())
                .setBeforeSkills(Map.of())
                .build();
        if (buffer == null) {
            track(student, answer);
            return;
        }
        List<ReorderBuffer.Held> overflow = buffer.hold(student, answer, context.currentStreamTimeMs());
        metrics.waiting(1 - overflow.size());
        for (ReorderBuffer.Held held : overflow) track(held.student(), held.answer());
    }

    @Override
    public void close() {
        if (buffer != null) metrics.waiting(-buffer.size()); // kept in the store: counted again where the task opens next
        if (summariesDue != null) summariesDue.close();
    }

    /** Applies what the reorder buffer releases, in event-time order. */
    private void releaseAnswers(long now) {
        long start = System.nanoTime();
        List<ReorderBuffer.Held> due = buffer.tick(now, context.currentStreamTimeMs());
        metrics.waiting(-due.size());
        long resequencedBefore = metrics.resequenced();
        for (ReorderBuffer.Held held : due) track(held.student(), held.answer());
        warnIfSlow("releasing " + due.size() + " answers (" + (metrics.resequenced() - resequencedBefore) + " re-sequenced)", start);
    }

    /** A punctuation that runs for long delays the transaction's commit; past its timeout the task is fenced. */
    private static void warnIfSlow(String what, long startNanos) {
        long millis = (System.nanoTime() - startNanos) / 1_000_000;
        if (millis > SLOW_PUNCTUATION_MS) LOG.warn("mastery punctuation took {} ms: {}", millis, what);
    }

    /**
     * Applies one answer (as the statement named its skills) in its place among the student's, undoing and applying
     * again the later ones.
     */
    private void track(String student, AnswerLogEntry answer) {
        long at = answer.getEventTime().toEpochMilli();
        String key = AnswerLog.key(student, at, answer.getEventId());
        MasteryStudentState current = students.get(student);
        // accepted on arrival; the log keeps what a later straggler up to the grace period behind the student's newest
        // answer may need
        long newest = current == null ? at : Math.max(current.getLastEventTime().toEpochMilli(), at);
        long cutoff = Math.min(newest - options.grace().toMillis(), at);
        String lastKey = current == null ? null
                : AnswerLog.key(student, current.getLastEventTime().toEpochMilli(), current.getLastEventId());
        boolean inOrder = lastKey == null || key.compareTo(lastKey) > 0;
        if (!inOrder && (key.equals(lastKey) || log.contains(key))) return; // applied already
        current = forgetOldAnswers(student, current, cutoff);

        answer.setSkills(skillsOf(student, answer));
        metrics.answer(!answer.getSkills().isEmpty());
        MasteryModel model = parameters.model();
        if (inOrder) {
            apply(model, student, key, answer, current);
            return;
        }
        List<KeyValue<String, AnswerLogEntry>> later = log.after(student, key);
        MasteryStudentState state = current;
        for (int i = later.size() - 1; i >= 0; i--) state = undo(student, later.get(i).value);
        state = apply(model, student, key, answer, state);
        for (KeyValue<String, AnswerLogEntry> next : later) state = apply(model, student, next.key, next.value, state);
        metrics.resequenced(later.size());
    }

    /**
     * Trims the student's answer log of the answers no late answer can come before any more, once the oldest is
     * well past the grace period (so the log is scanned once per slack of event time, not once per answer).
     */
    private MasteryStudentState forgetOldAnswers(String student, MasteryStudentState current, long cutoff) {
        if (current == null || current.getLogFrom().toEpochMilli() >= cutoff - forgetSlack) return current;
        log.forgetBefore(student, current.getLogFrom().toEpochMilli(), cutoff);
        return MasteryStudentState.newBuilder(current).setLogFrom(Instant.ofEpochMilli(cutoff)).build();
    }

    /** The item's skills: the district's imported mapping, else what the statement named. */
    private List<String> skillsOf(String student, AnswerLogEntry answer) {
        ValueAndTimestamp<ItemSkills> mapped = itemSkills.get(Topics.tenantScopedKey(tenantOf(student), answer.getItemId()));
        return mapped != null && mapped.value() != null ? mapped.value().getSkills() : answer.getSkills();
    }

    /** The district of a district-scoped student key ({@code <district>/<student key>}; a student key holds no {@code /}). */
    private static String tenantOf(String student) {
        return student.substring(0, student.lastIndexOf('/'));
    }

    private static String studentKeyOf(String student) {
        return student.substring(student.lastIndexOf('/') + 1);
    }

    /** Puts back the skills' states an answer replaced and returns the student's state before it. */
    private MasteryStudentState undo(String student, AnswerLogEntry entry) {
        entry.getBeforeSkills().forEach((skill, state) -> {
            if (state == null) {
                skills.delete(student, skill);
            } else {
                skills.put(student, skill, state);
            }
        });
        return entry.getBefore();
    }

    /**
     * Predicts, then applies the answer to the states, logs it with the states it replaced, forwards the outcome and
     * marks the student's summary due; returns (and stores) the student's new state.
     */
    private MasteryStudentState apply(MasteryModel model, String student, String logKey, AnswerLogEntry answer,
            MasteryStudentState before) {
        String tenant = tenantOf(student);
        String studentKey = studentKeyOf(student);
        StudentState studentState = before == null ? StudentState.initial() : StudentState.decode(unbox(before.getState()));
        Map<String, MasterySkillState> beforeSkills = HashMap.newHashMap(answer.getSkills().size());
        Map<String, SkillState> skillStates = HashMap.newHashMap(answer.getSkills().size());
        for (String skill : answer.getSkills()) {
            MasterySkillState stored = skills.get(student, skill);
            beforeSkills.put(skill, stored);
            if (stored != null) skillStates.put(skill, SkillState.decode(unbox(stored.getState())));
        }
        answer.setBefore(before);
        answer.setBeforeSkills(beforeSkills);
        log.put(logKey, answer);

        Answer scored = new Answer(answer.getItemId(), answer.getSkills(), answer.getCorrect());
        Map<String, Double> predicted = model.predict(scored, studentState, skillStates);
        MasteryModel.Updated updated = model.update(scored, studentState, skillStates);
        long at = answer.getEventTime().toEpochMilli();
        forward(studentKey, new MasteryPrediction(answer.getEventId(), tenant, studentKey, answer.getCourseId(),
                answer.getItemId(), answer.getSkills(), answer.getEventTime(), answer.getCorrect(), predicted, parameters.version()), at);

        for (String skill : answer.getSkills()) {
            SkillState next = updated.skills().get(skill);
            skills.put(student, skill, new MasterySkillState(box(next.encode()), answer.getCourseId(), answer.getEventTime()));
            boolean mastered = next.pMastery() >= options.masteredThreshold();
            forward(new StudentSkill(tenant, studentKey, skill), new SkillMastery(tenant, studentKey, skill,
                    answer.getCourseId(), answer.getEventId(), next.pMastery(), next.attempts(), next.correct(), answer.getEventTime(),
                    mastered, mastered ? List.of() : StudentSummary.practice(model, skill, updated.student(), next, options)), at);
        }
        long logFrom = before == null ? at : Math.min(before.getLogFrom().toEpochMilli(), at);
        MasteryStudentState after = new MasteryStudentState(box(updated.student().encode()), answer.getEventTime(),
                answer.getEventId(), Instant.ofEpochMilli(logFrom));
        students.put(student, after);
        if (!answer.getSkills().isEmpty()) summariesDue.mark(student, at);
        return after;
    }

    /** Publishes the summary of every student who answered since the last time. */
    private void publishSummaries() {
        long start = System.nanoTime();
        List<String> due = summariesDue.take(SUMMARIES_PER_PUNCTUATION);
        if (due.isEmpty()) return;
        MasteryModel model = parameters.model();
        for (String student : due) {
            MasteryStudentState state = students.get(student);
            if (state == null) continue;
            Map<String, SkillState> levels = new LinkedHashMap<>();
            skills.of(student).forEach((skill, stored) -> levels.put(skill, SkillState.decode(unbox(stored.getState()))));
            StudentMastery summary = StudentSummary.of(tenantOf(student), studentKeyOf(student), StudentState.decode(unbox(state.getState())),
                    levels, state.getLastEventTime(), model, options);
            context.forward(new Record<>(student, summary, state.getLastEventTime().toEpochMilli()));
        }
        metrics.summaries(due.size());
        warnIfSlow("publishing " + due.size() + " summaries", start);
    }

    private void forward(Object key, SpecificRecord value, long timestamp) {
        context.forward(new Record<>(key, value, timestamp));
    }

    private void deadLetter(Record<String, LearningEvent> record, LearningEvent event, Instant studentsNewest) {
        metrics.countLate();
        String reason = "answer time " + event.getEventTime() + " is more than the grace period of " + options.grace()
                + " behind the student's newest answer, at " + studentsNewest + "; the student's answers before it are settled";
        DeadLetter letter = DeadLetter.newBuilder()
                .setTenantId(event.getTenantId())
                .setSource("streams." + MasteryTopology.TRACK)
                .setReason(reason)
                .setPayload(event.toString())
                .setReceivedTime(Instant.ofEpochMilli(record.timestamp()))
                .build();
        context.forward(new Record<>(event.getEventId(), letter, record.timestamp(), record.headers()));
    }

    static double[] unbox(List<Double> values) {
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) out[i] = values.get(i);
        return out;
    }

    static List<Double> box(double[] values) {
        List<Double> out = new ArrayList<>(values.length);
        for (double value : values) out.add(value);
        return out;
    }
}

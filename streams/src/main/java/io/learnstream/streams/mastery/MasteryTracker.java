package io.learnstream.streams.mastery;

import io.learnstream.schemas.avro.AnswerLogEntry;
import io.learnstream.schemas.avro.DeadLetter;
import io.learnstream.schemas.avro.ItemSkills;
import io.learnstream.schemas.avro.LearningEvent;
import io.learnstream.schemas.avro.MasteryParameter;
import io.learnstream.schemas.avro.MasteryPrediction;
import io.learnstream.schemas.avro.MasterySkillState;
import io.learnstream.schemas.avro.MasteryStudentState;
import io.learnstream.schemas.avro.SkillLevel;
import io.learnstream.schemas.avro.SkillMastery;
import io.learnstream.schemas.avro.StudentSkill;
import io.learnstream.schemas.topic.Topics;
import io.learnstream.streams.mastery.model.Answer;
import io.learnstream.streams.mastery.model.MasteryModel;
import io.learnstream.streams.mastery.model.ParameterSet;
import io.learnstream.streams.mastery.model.SkillState;
import io.learnstream.streams.mastery.model.StudentState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Applies each scored answer to the student's mastery, in event-time order, and says what it predicted before.
 *
 * <p>Per answer, in constant time per skill: the item's skills (the district's imported mapping, else what the
 * statement named); each model's P(correct) from the states before the answer (forwarded as a prediction); the
 * states after it (forwarded as one skill-mastery update per skill, with items to practise next for a skill not
 * mastered, and the student's summary).
 *
 * <p>It runs on the learning-events partitions as they are (keyed by student), so a student's answers arrive
 * nearly in order; the intake's tasks may still interleave them. An answer older than one already applied, but
 * within the grace period, is put in its place: the answers after it are undone (each log entry keeps the states it
 * replaced), it is applied, and they are applied again, their predictions and updates re-sent with the same event
 * id. So the outcome is the same at any replay speed. An answer beyond the grace period goes to the dead letters.
 */
final class MasteryTracker implements Processor<String, LearningEvent, Object, SpecificRecord> {
    private final MasteryOptions options;
    private final ParameterSet defaults;
    private final MasteryMetrics metrics;
    private ProcessorContext<Object, SpecificRecord> context;
    private KeyValueStore<String, MasteryStudentState> students;
    private KeyValueStore<StudentSkill, MasterySkillState> skills;
    private AnswerLog log;
    private KeyValueStore<String, ValueAndTimestamp<ItemSkills>> itemSkills;
    private CurrentParameters parameters;

    MasteryTracker(MasteryOptions options, ParameterSet defaults, MasteryMetrics metrics) {
        this.options = options;
        this.defaults = defaults;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<Object, SpecificRecord> context) {
        this.context = context;
        this.students = context.getStateStore(MasteryTopology.STUDENTS_STORE);
        this.skills = context.getStateStore(MasteryTopology.SKILLS_STORE);
        this.log = new AnswerLog(context.getStateStore(MasteryTopology.ANSWER_LOG_STORE));
        this.itemSkills = context.getStateStore(MasteryTopology.ITEM_SKILLS_STORE);
        KeyValueStore<String, ValueAndTimestamp<MasteryParameter>> published = context.getStateStore(MasteryTopology.PARAMETERS_STORE);
        this.parameters = new CurrentParameters(published, defaults);
    }

    @Override
    public void process(Record<String, LearningEvent> record) {
        LearningEvent event = record.value();
        if (!Answers.isAnswer(event)) return;
        long at = event.getEventTime().toEpochMilli();
        long cutoff = context.currentStreamTimeMs() - options.grace().toMillis();
        if (at < cutoff) {
            deadLetter(record, event, cutoff);
            return;
        }
        String student = Topics.tenantScopedKey(event.getTenantId(), event.getStudentKey());
        String key = AnswerLog.key(student, at, event.getEventId());
        if (log.contains(key)) return; // applied already
        log.forgetBefore(student, cutoff);

        AnswerLogEntry answer = AnswerLogEntry.newBuilder()
                .setEventId(event.getEventId())
                .setCourseId(event.getCourseId())
                .setItemId(event.getActivityId())
                .setSkills(skillsOf(event))
                .setCorrect(Answers.correct(event))
                .setEventTime(event.getEventTime())
                .setBeforeSkills(Map.of())
                .build();
        metrics.answer(!answer.getSkills().isEmpty());
        MasteryModel model = parameters.model();
        List<KeyValue<String, AnswerLogEntry>> later = log.after(student, key);
        for (int i = later.size() - 1; i >= 0; i--) undo(event, later.get(i).value);
        apply(model, event, key, answer, record);
        for (KeyValue<String, AnswerLogEntry> next : later) apply(model, event, next.key, next.value, record);
        if (!later.isEmpty()) metrics.resequenced(later.size());
    }

    private List<String> skillsOf(LearningEvent event) {
        ValueAndTimestamp<ItemSkills> mapped = itemSkills.get(Topics.tenantScopedKey(event.getTenantId(), event.getActivityId()));
        return mapped != null && mapped.value() != null ? mapped.value().getSkills() : event.getSkills();
    }

    /** Puts back the states an answer replaced. */
    private void undo(LearningEvent event, AnswerLogEntry entry) {
        String student = Topics.tenantScopedKey(event.getTenantId(), event.getStudentKey());
        if (entry.getBefore() == null) {
            students.delete(student);
        } else {
            students.put(student, entry.getBefore());
        }
        entry.getBeforeSkills().forEach((skill, state) -> {
            StudentSkill skillKey = new StudentSkill(event.getTenantId(), event.getStudentKey(), skill);
            if (state == null) {
                skills.delete(skillKey);
            } else {
                skills.put(skillKey, state);
            }
        });
    }

    /** Predicts, then applies the answer to the states, logs it with the states it replaced and forwards the outcome. */
    private void apply(MasteryModel model, LearningEvent event, String logKey, AnswerLogEntry answer, Record<String, LearningEvent> record) {
        String tenant = event.getTenantId();
        String studentKey = event.getStudentKey();
        String student = Topics.tenantScopedKey(tenant, studentKey);
        MasteryStudentState before = students.get(student);
        StudentState studentState = before == null ? StudentState.initial() : StudentState.decode(unbox(before.getState()));
        Map<String, MasterySkillState> beforeSkills = new HashMap<>();
        Map<String, SkillState> skillStates = new HashMap<>();
        for (String skill : answer.getSkills()) {
            MasterySkillState stored = skills.get(new StudentSkill(tenant, studentKey, skill));
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
        forward(record, studentKey, new MasteryPrediction(answer.getEventId(), tenant, studentKey, answer.getCourseId(),
                answer.getItemId(), answer.getSkills(), answer.getEventTime(), answer.getCorrect(), predicted, parameters.version()), at);

        Map<String, SkillLevel> levels = before == null ? new HashMap<>() : new HashMap<>(before.getSkills());
        for (String skill : answer.getSkills()) {
            SkillState next = updated.skills().get(skill);
            StudentSkill skillKey = new StudentSkill(tenant, studentKey, skill);
            skills.put(skillKey, new MasterySkillState(box(next.encode()), answer.getCourseId(), answer.getEventTime()));
            levels.put(skill, new SkillLevel(skill, next.pMastery(), next.attempts(), next.correct()));
            boolean mastered = next.pMastery() >= options.masteredThreshold();
            forward(record, skillKey, new SkillMastery(tenant, studentKey, skill, answer.getCourseId(), answer.getEventId(),
                    next.pMastery(), next.attempts(), next.correct(), answer.getEventTime(), mastered,
                    mastered ? List.of() : StudentSummary.practice(model, skill, updated.student(), next, options)), at);
        }
        MasteryStudentState after = new MasteryStudentState(box(updated.student().encode()), levels, answer.getEventTime(), answer.getEventId());
        students.put(student, after);
        if (!answer.getSkills().isEmpty()) {
            forward(record, student, StudentSummary.of(tenant, studentKey, after, updated.student(),
                    skill -> skillState(tenant, studentKey, skill), model, options), at);
        }
    }

    private SkillState skillState(String tenant, String studentKey, String skill) {
        MasterySkillState stored = skills.get(new StudentSkill(tenant, studentKey, skill));
        return stored == null ? null : SkillState.decode(unbox(stored.getState()));
    }

    private void forward(Record<String, LearningEvent> record, Object key, SpecificRecord value, long timestamp) {
        context.forward(new Record<>(key, value, timestamp, record.headers()));
    }

    private void deadLetter(Record<String, LearningEvent> record, LearningEvent event, long cutoff) {
        metrics.late();
        String reason = "answer time " + event.getEventTime() + " is more than the grace period of " + options.grace()
                + " behind the stream time " + Instant.ofEpochMilli(cutoff + options.grace().toMillis())
                + " of its partition; the student's answers before it are settled";
        DeadLetter letter = DeadLetter.newBuilder()
                .setTenantId(event.getTenantId())
                .setSource("streams." + MasteryTopology.TRACK)
                .setReason(reason)
                .setPayload(event.toString())
                .setReceivedTime(Instant.ofEpochMilli(record.timestamp()))
                .build();
        forward(record, event.getEventId(), letter, record.timestamp());
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

package io.learnstream.sinks.mastery;

import io.learnstream.schemas.avro.MasteryPrediction;
import io.learnstream.schemas.avro.PracticeItem;
import io.learnstream.schemas.avro.SkillLevel;
import io.learnstream.schemas.avro.SkillMastery;
import io.learnstream.schemas.avro.StudentMastery;
import io.learnstream.schemas.avro.StudentSkill;
import io.learnstream.schemas.topic.Topics;
import io.learnstream.sinks.kafka.RowMapper;
import io.learnstream.sinks.spi.ColumnStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The mastery topics' records as the specs need them, and writes of them exactly as a {@code TopicSink} makes them. */
final class MasteryRecords {
    /** Answer times in the specs are seconds after this instant. */
    static final Instant T0 = Instant.parse("2026-09-14T08:00:00Z");
    /** When the sink "wrote" every row (updated_at). */
    static final Clock SINK_CLOCK = Clock.fixed(Instant.parse("2026-09-14T12:00:00.250Z"), ZoneOffset.UTC);

    private MasteryRecords() {}

    static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    static MasteryPrediction prediction(String tenant, String student, String eventId, String courseId, String itemId,
            Instant eventTime, boolean correct, Map<String, Double> predictions) {
        return MasteryPrediction.newBuilder().setTenantId(tenant).setStudentKey(student).setEventId(eventId)
                .setCourseId(courseId).setItemId(itemId).setSkills(List.of("fractions", "ratios")).setEventTime(eventTime)
                .setCorrect(correct).setPredictions(predictions).setParametersVersion(3).build();
    }

    static SkillMastery update(String tenant, String student, String skill, String courseId, String eventId, Instant answerTime,
            double pMastery, int attempts, int correct, PracticeItem... practice) {
        return SkillMastery.newBuilder().setTenantId(tenant).setStudentKey(student).setSkillId(skill).setCourseId(courseId)
                .setEventId(eventId).setPMastery(pMastery).setAttempts(attempts).setCorrect(correct)
                .setLastAnswerTime(answerTime).setMastered(pMastery >= 0.95).setPractice(List.of(practice)).build();
    }

    static StudentSkill key(SkillMastery update) {
        return StudentSkill.newBuilder().setTenantId(update.getTenantId()).setStudentKey(update.getStudentKey())
                .setSkillId(update.getSkillId()).build();
    }

    static StudentMastery summary(String tenant, String student, Instant updatedTime, List<SkillLevel> strengths,
            List<SkillLevel> weaknesses, List<PracticeItem> practice) {
        return StudentMastery.newBuilder().setTenantId(tenant).setStudentKey(student).setStrengths(strengths)
                .setWeaknesses(weaknesses).setPractice(practice).setUpdatedTime(updatedTime).build();
    }

    static String summaryKey(StudentMastery summary) {
        return Topics.tenantScopedKey(summary.getTenantId(), summary.getStudentKey());
    }

    static SkillLevel level(String skill, double pMastery, int attempts, int correct) {
        return SkillLevel.newBuilder().setSkillId(skill).setPMastery(pMastery).setAttempts(attempts).setCorrect(correct).build();
    }

    static PracticeItem item(String skill, String itemId, double predictedSuccess) {
        return PracticeItem.newBuilder().setSkillId(skill).setItemId(itemId).setPredictedSuccess(predictedSuccess).build();
    }

    /** One record of a topic at its offset. */
    record At<K, V>(K key, V value, long offset) {}

    static <K, V> At<K, V> at(K key, V value, long offset) {
        return new At<>(key, value, offset);
    }

    /** Inserts the records as one batch, as {@code TopicSink} does: one row per record, one insert. */
    @SafeVarargs
    static <K, V> void write(ColumnStore store, RowMapper<K, V> rows, At<K, V>... records) {
        List<List<?>> batch = new ArrayList<>();
        for (At<K, V> record : records) batch.add(rows.row(record.key(), record.value(), record.offset()));
        store.insert(rows.table(), rows.columns(), batch);
    }
}

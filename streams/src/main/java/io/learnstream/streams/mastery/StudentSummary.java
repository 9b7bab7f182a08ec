package io.learnstream.streams.mastery;

import io.learnstream.schemas.avro.PracticeItem;
import io.learnstream.schemas.avro.SkillLevel;
import io.learnstream.schemas.avro.StudentMastery;
import io.learnstream.streams.mastery.model.MasteryModel;
import io.learnstream.streams.mastery.model.SkillState;
import io.learnstream.streams.mastery.model.StudentState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A student's strengths (skills mastered, highest first), weaknesses (attempted, not mastered, lowest first) and,
 * for each weak skill, the items to practise next: those whose predicted success is nearest the target.
 */
final class StudentSummary {
    private static final Comparator<SkillLevel> BY_MASTERY = Comparator.comparingDouble(SkillLevel::getPMastery)
            .thenComparing(SkillLevel::getSkillId);

    private StudentSummary() {}

    /** The summary of a student from the states of every skill attempted. */
    static StudentMastery of(String tenant, String studentKey, StudentState student, Map<String, SkillState> skills,
            Instant lastEventTime, MasteryModel model, MasteryOptions options) {
        List<SkillLevel> strengths = new ArrayList<>();
        List<SkillLevel> weaknesses = new ArrayList<>();
        skills.forEach((skill, state) -> {
            SkillLevel level = new SkillLevel(skill, state.pMastery(), state.attempts(), state.correct());
            (level.getPMastery() >= options.masteredThreshold() ? strengths : weaknesses).add(level);
        });
        strengths.sort(BY_MASTERY.reversed());
        weaknesses.sort(BY_MASTERY);
        List<PracticeItem> practice = new ArrayList<>();
        for (SkillLevel weak : weaknesses) {
            practice.addAll(practice(model, weak.getSkillId(), student, skills.get(weak.getSkillId()), options));
        }
        return new StudentMastery(tenant, studentKey, strengths, weaknesses, practice, lastEventTime);
    }

    /** Up to the configured number of the skill's items whose predicted success is nearest the target. */
    static List<PracticeItem> practice(MasteryModel model, String skillId, StudentState student, SkillState skill, MasteryOptions options) {
        List<PracticeItem> items = new ArrayList<>();
        for (MasteryModel.PracticeItem item : model.practice(skillId, student, skill, options.practiceTarget(), options.practiceItems())) {
            items.add(new PracticeItem(skillId, item.itemId(), item.predictedSuccess()));
        }
        return items;
    }
}

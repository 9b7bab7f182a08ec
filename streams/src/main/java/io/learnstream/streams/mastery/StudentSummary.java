package io.learnstream.streams.mastery;

import io.learnstream.schemas.avro.MasteryStudentState;
import io.learnstream.schemas.avro.PracticeItem;
import io.learnstream.schemas.avro.SkillLevel;
import io.learnstream.schemas.avro.StudentMastery;
import io.learnstream.streams.mastery.model.MasteryModel;
import io.learnstream.streams.mastery.model.SkillState;
import io.learnstream.streams.mastery.model.StudentState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * A student's strengths (skills mastered, highest first), weaknesses (attempted, not mastered, lowest first) and,
 * for each weak skill, the items to practise next: those whose predicted success is nearest the target.
 */
final class StudentSummary {
    private static final Comparator<SkillLevel> BY_MASTERY = Comparator.comparingDouble(SkillLevel::getPMastery)
            .thenComparing(SkillLevel::getSkillId);

    private StudentSummary() {}

    static StudentMastery of(String tenant, String studentKey, MasteryStudentState state, StudentState student,
            Function<String, SkillState> skillStates, MasteryModel model, MasteryOptions options) {
        List<SkillLevel> strengths = new ArrayList<>();
        List<SkillLevel> weaknesses = new ArrayList<>();
        for (SkillLevel level : state.getSkills().values()) {
            (level.getPMastery() >= options.masteredThreshold() ? strengths : weaknesses).add(level);
        }
        strengths.sort(BY_MASTERY.reversed());
        weaknesses.sort(BY_MASTERY);
        List<PracticeItem> practice = new ArrayList<>();
        for (SkillLevel weak : weaknesses) {
            SkillState skill = skillStates.apply(weak.getSkillId());
            if (skill != null) practice.addAll(practice(model, weak.getSkillId(), student, skill, options));
        }
        return new StudentMastery(tenant, studentKey, strengths, weaknesses, practice, state.getLastEventTime());
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

package io.learnstream.app.dashboard.data;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What the student page shows: the student's current risk in the class, the engagement trend (per day) and the risk
 * trend (per score), the mastery grid by skill, and the summary of strengths, weaknesses and items to practise next.
 */
public record StudentDetail(Optional<StudentRisk> risk, List<EngagementDay> engagement, List<RiskPoint> riskTrend,
        List<SkillCell> skills, List<String> strengths, List<String> weaknesses, List<PracticeItem> practice) {

    /** A day of the student's engagement (all courses). */
    public record EngagementDay(LocalDate day, long events, double activeMinutes) {}

    /** One risk score of the student in the class. */
    public record RiskPoint(Instant asOf, double probability) {}

    /** The student's current mastery of one skill. */
    public record SkillCell(String skillId, double pMastery, int attempts, int correct, boolean mastered) {
        public String percent() {
            return Math.round(pMastery * 100) + "%";
        }

        /** {@code mastered}, {@code near} (half or more) or {@code weak}: the cell's shade. */
        public String level() {
            return mastered ? "mastered" : pMastery >= 0.5 ? "near" : "weak";
        }
    }

    /** An item to practise next for a weak skill, with the student's predicted success on it. */
    public record PracticeItem(String skillId, String itemId, double predictedSuccess) {
        public String percent() {
            return Math.round(predictedSuccess * 100) + "%";
        }
    }
}

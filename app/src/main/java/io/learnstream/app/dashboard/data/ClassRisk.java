package io.learnstream.app.dashboard.data;

import java.util.List;

/**
 * A class's risk indicator on the class list: how many of its scored students (not withdrawn) are flagged, their mean
 * risk, and the factors flagging them most often.
 */
public record ClassRisk(String classId, int students, int flagged, double meanProbability, List<String> topFactors) {
    public static ClassRisk unscored(String classId) {
        return new ClassRisk(classId, 0, 0, 0, List.of());
    }

    /**
     * {@code unscored} before any student has a score, {@code high} when a fifth or more of the scored students are
     * flagged, {@code some} when any is, else {@code low}.
     */
    public String level() {
        if (students == 0) return "unscored";
        if (flagged == 0) return "low";
        return flagged * 5 >= students ? "high" : "some";
    }
}

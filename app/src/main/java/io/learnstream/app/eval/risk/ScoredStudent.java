package io.learnstream.app.eval.risk;

import java.util.Map;

/**
 * One student's weekly risk record as the pipeline wrote it, beside how the presentation ended for them.
 *
 * @param week {@code k}: the record is as of the midnight starting day {@code 7k} of the class
 * @param flagged whether the student was flagged then (raised at the model's high threshold, not yet cleared)
 * @param atRisk the final result was Fail or Withdrawn
 * @param groups the student's demographic group by attribute ({@code gender}, {@code age_band}, ...)
 */
public record ScoredStudent(String classId, String studentId, int week, double probability, boolean flagged, boolean atRisk,
        Map<String, String> groups) {
    public ScoredStudent {
        groups = Map.copyOf(groups);
    }
}

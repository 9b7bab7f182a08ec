package io.learnstream.app.dashboard.data;

import java.time.Instant;
import java.util.List;

/** One student's current risk in one class, with its reasons in plain words (largest first). */
public record StudentRisk(String classId, String studentKey, double probability, boolean flagged, boolean withdrawn,
        List<String> reasons, Instant asOf) {
    public StudentRisk {
        reasons = List.copyOf(reasons);
    }

    public String percent() {
        return Math.round(probability * 100) + "%";
    }
}

package io.learnstream.app.dashboard.data;

import io.learnstream.schemas.avro.RiskScore;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What one student's current score in a class adds to the class's risk indicator: whether they count (not
 * withdrawn), their risk, whether they are flagged and the factor flagging them most ({@link ClassRisk#of}).
 */
public record ScoredStudent(String studentKey, Instant asOf, double probability, boolean flagged, boolean withdrawn,
        Optional<String> mainFactor) {
    public ScoredStudent {
        Objects.requireNonNull(studentKey, "studentKey");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(mainFactor, "mainFactor");
    }

    public static ScoredStudent of(RiskScore score) {
        return new ScoredStudent(score.getStudentKey(), score.getAsOf(), score.getProbability(), score.getFlagged(), score.getWithdrawn(),
                score.getReasons().stream().findFirst().map(r -> r.getFactor()));
    }

    /** Whether this score replaces {@code other} as the current one, as risk_current's version orders them: the later moment wins. */
    public boolean supersedes(ScoredStudent other) {
        return !asOf.isBefore(other.asOf);
    }
}

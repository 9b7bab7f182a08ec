package io.learnstream.streams.risk.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The risk model: a logistic regression over {@link RiskFeatures}, one set of coefficients per stage of the course
 * (weeks since the class started) and per kind of class (with activity data, or assessments and registrations only).
 * Interpretable: each feature's contribution to the log-odds, measured against the mean student of the fit, is
 * what the reasons are made of.
 *
 * @param version the publication (epoch millis of the fit)
 * @param stageWeeks the first week of each stage, ascending, the first 0
 * @param sets coefficients by {@link #key}
 * @param high a flag is raised when the probability reaches this
 * @param low a raised flag is cleared when the probability falls below this
 */
public record RiskModel(long version, List<Integer> stageWeeks, Map<String, Coefficients> sets, double high, double low) {

    public static final String WITH_ACTIVITY = "activity";
    public static final String ASSESSMENTS_ONLY = "assessments";

    /**
     * @param intercept the log-odds of the mean student
     * @param weights one per feature of {@link RiskFeatures#NAMES} (0 for a feature the stage does not use)
     * @param means the features' means in the fit (contributions are measured from them)
     */
    public record Coefficients(double intercept, double[] weights, double[] means) {
        public Coefficients {
            if (weights.length != RiskFeatures.NAMES.size() || means.length != RiskFeatures.NAMES.size()) {
                throw new IllegalArgumentException("a stage needs " + RiskFeatures.NAMES.size() + " weights and means");
            }
        }
    }

    /** A scored student: the probability and each feature's contribution to its log-odds. */
    public record Score(double probability, double[] contributions) {}

    public RiskModel {
        stageWeeks = List.copyOf(stageWeeks);
        sets = Map.copyOf(sets);
        if (stageWeeks.isEmpty() || stageWeeks.getFirst() != 0) {
            throw new IllegalArgumentException("stages must start at week 0, were " + stageWeeks);
        }
        if (!(low < high) || low <= 0 || high >= 1) {
            throw new IllegalArgumentException("thresholds need 0 < low < high < 1, were low " + low + ", high " + high);
        }
    }

    public static String key(String family, int stage) {
        return family + "/" + stage;
    }

    /** The stage a day of the class falls in (days before the start: the first). */
    public int stage(long dayOfClass) {
        long week = Math.max(0, dayOfClass) / 7;
        int stage = 0;
        for (int i = 0; i < stageWeeks.size(); i++) {
            if (week >= stageWeeks.get(i)) stage = i;
        }
        return stage;
    }

    public Score score(RiskFeatures.Vector features, boolean withActivityData) {
        Coefficients c = coefficients(withActivityData ? WITH_ACTIVITY : ASSESSMENTS_ONLY, stage(features.day()));
        double[] x = features.values();
        double[] contributions = new double[x.length];
        double z = c.intercept();
        for (int i = 0; i < x.length; i++) {
            contributions[i] = c.weights()[i] * (x[i] - c.means()[i]);
            z += contributions[i];
        }
        return new Score(1 / (1 + Math.exp(-z)), contributions);
    }

    private Coefficients coefficients(String family, int stage) {
        Coefficients c = sets.get(key(family, stage));
        if (c == null) c = sets.get(key(family.equals(WITH_ACTIVITY) ? ASSESSMENTS_ONLY : WITH_ACTIVITY, stage));
        return Objects.requireNonNull(c, () -> "the risk model has no coefficients for stage " + stage);
    }
}

package io.learnstream.streams.risk.model;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fits the {@link RiskModel} by L2-regularised maximum likelihood (liblinear), one logistic regression per stage
 * and kind of class, on snapshots of students' features labelled with how the course ended for them. Features are
 * standardised for the fit (so the penalty treats them alike) and the weights turned back to the features' units.
 * A feature whose weight points against what a teacher expects (more activity raising risk) is dropped and the
 * stage refitted, so every reason reads the right way round.
 */
public final class RiskFitter {
    /** The direction each feature is expected to push risk: +1 up, -1 down, 0 either. */
    static final int[] EXPECTED_SIGN = {
            -1, // activity_7d
            -1, // activity_28d
            -1, // active_days_28d
            +1, // silence
            -1, // trend
            -1, // percentile_7d
            -1, // coverage
            +1, // missed_share
            +1, // late_share
            +1, // score_gap
            0,  // scored
            +1, // mastery_gap
            +1, // registered_late
            -1  // activity_total
    };
    public static final double DEFAULT_C = 1.0;
    private static final double EPSILON = 0.001;

    /**
     * One training snapshot.
     *
     * @param withActivityData the kind of class it was taken in
     * @param atRisk whether the student went on to fail or withdraw
     */
    public record Snapshot(RiskFeatures.Vector features, boolean withActivityData, boolean atRisk) {}

    private final double c;

    public RiskFitter(double c) {
        if (!(c > 0)) throw new IllegalArgumentException("C must be positive, was " + c);
        this.c = c;
    }

    public RiskModel fit(List<Snapshot> snapshots, List<Integer> stageWeeks, double high, double low, long version) {
        RiskModel shape = new RiskModel(version, stageWeeks, Map.of(), high, low);
        Map<String, List<Snapshot>> groups = new HashMap<>();
        for (Snapshot s : snapshots) {
            String family = s.withActivityData() ? RiskModel.WITH_ACTIVITY : RiskModel.ASSESSMENTS_ONLY;
            groups.computeIfAbsent(RiskModel.key(family, shape.stage(s.features().day())), k -> new ArrayList<>()).add(s);
        }
        Map<String, RiskModel.Coefficients> sets = new HashMap<>();
        groups.forEach((key, rows) -> {
            if (hasBothLabels(rows)) sets.put(key, fitOne(rows));
        });
        if (sets.isEmpty()) throw new IllegalArgumentException("no stage has both students at risk and students not at risk to fit on");
        return new RiskModel(version, stageWeeks, sets, high, low);
    }

    private static boolean hasBothLabels(List<Snapshot> rows) {
        boolean yes = false, no = false;
        for (Snapshot s : rows) {
            if (s.atRisk()) yes = true; else no = true;
            if (yes && no) return true;
        }
        return false;
    }

    RiskModel.Coefficients fitOne(List<Snapshot> rows) {
        int n = RiskFeatures.NAMES.size();
        double[] mean = new double[n];
        double[] sd = new double[n];
        for (Snapshot s : rows) for (int i = 0; i < n; i++) mean[i] += s.features().values()[i];
        for (int i = 0; i < n; i++) mean[i] /= rows.size();
        for (Snapshot s : rows) for (int i = 0; i < n; i++) {
            double d = s.features().values()[i] - mean[i];
            sd[i] += d * d;
        }
        boolean[] use = new boolean[n];
        for (int i = 0; i < n; i++) {
            sd[i] = Math.sqrt(sd[i] / rows.size());
            use[i] = sd[i] > 1e-9;
        }
        while (true) {
            double[] w = new double[n];
            double intercept = train(rows, mean, sd, use, w);
            int worst = -1;
            double worstValue = 0;
            for (int i = 0; i < n; i++) {
                double against = -EXPECTED_SIGN[i] * w[i] * sd[i];
                if (use[i] && EXPECTED_SIGN[i] != 0 && against > worstValue) {
                    worst = i;
                    worstValue = against;
                }
            }
            if (worst < 0) return new RiskModel.Coefficients(intercept, w, mean);
            use[worst] = false;
        }
    }

    /** Trains on the used features; writes the weights in the features' units into {@code w}; returns the intercept. */
    private double train(List<Snapshot> rows, double[] mean, double[] sd, boolean[] use, double[] w) {
        int n = mean.length;
        Feature[][] x = new Feature[rows.size()][];
        double[] y = new double[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            double[] v = rows.get(r).features().values();
            List<Feature> row = new ArrayList<>(n + 1);
            for (int i = 0; i < n; i++) {
                if (use[i]) row.add(new FeatureNode(i + 1, (v[i] - mean[i]) / sd[i]));
            }
            row.add(new FeatureNode(n + 1, 1.0));
            x[r] = row.toArray(Feature[]::new);
            y[r] = rows.get(r).atRisk() ? 1 : -1;
        }
        Problem problem = new Problem();
        problem.l = rows.size();
        problem.n = n + 1;
        problem.x = x;
        problem.y = y;
        problem.bias = -1;
        Linear.disableDebugOutput();
        Model model = Linear.train(problem, new Parameter(SolverType.L2R_LR, c, EPSILON));
        double[] weights = model.getFeatureWeights();
        double sign = model.getLabels()[0] == 1 ? 1.0 : -1.0;
        for (int i = 0; i < n; i++) w[i] = use[i] ? sign * weights[i] / sd[i] : 0;
        return sign * weights[n];
    }
}

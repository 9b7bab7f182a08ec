package io.learnstream.app.risk;

import io.learnstream.app.replay.oulad.OuladData;
import io.learnstream.app.replay.oulad.OuladPresentation;
import io.learnstream.streams.mastery.model.BinaryScores;
import io.learnstream.streams.risk.model.RiskFeatures;
import io.learnstream.streams.risk.model.RiskFitter;
import io.learnstream.streams.risk.model.RiskModel;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fits the risk model on OULAD presentations: their weekly snapshots ({@link RiskSnapshots}), then
 * {@link RiskFitter}, one logistic regression per stage and kind of class. Prints progress while the presentations
 * are lived through, and a summary of every stage fitted (snapshots, share at risk, AUC on its own snapshots, the
 * features it uses) and of the flags the thresholds would raise on the fitting snapshots.
 */
public final class RiskTraining {
    /** The stages' first weeks: the start, week 3 (first assignments due), week 6, week 10. */
    public static final List<Integer> STAGE_WEEKS = List.of(0, 3, 6, 10);
    /** A flag is raised at this probability... */
    public static final double HIGH = 0.7;
    /** ...and cleared below this one. */
    public static final double LOW = 0.5;
    /** The thresholds of the summary's table of flags. */
    static final double[] THRESHOLDS = {0.5, 0.6, 0.7, 0.8};

    /**
     * A stage fitted: its snapshots and how well it separates them.
     *
     * @param auc on the stage's own (fitting) snapshots: optimistic, a check that the fit took
     * @param features the features it weighs (non-zero weight)
     */
    public record Stage(String key, int snapshots, int atRisk, double auc, List<String> features) {}

    /**
     * What a threshold flags on the fitting snapshots of weeks 1 on (probability at or above it).
     *
     * @param flaggedShare share of the snapshots flagged
     * @param precision share of flagged snapshots of students at risk
     * @param recall share of at-risk snapshots flagged
     */
    public record Threshold(double threshold, double flaggedShare, double precision, double recall) {}

    /** A fitted model and what it was fitted on. */
    public record Result(RiskModel model, List<RiskSnapshots.Presentation> presentations, List<Stage> stages, List<Threshold> thresholds,
            double c, double seconds) {
        public int snapshots() {
            return presentations.stream().mapToInt(p -> p.snapshots().size()).sum();
        }
    }

    private RiskTraining() {}

    public static Result fit(OuladData data, double c, double high, double low, long version, PrintStream out) {
        long start = System.nanoTime();
        out.printf(Locale.ROOT, "living %d presentations of %s through their statements (%,d in all)...%n", data.presentations().size(),
                data.directory(), data.statementCount());
        Map<String, OuladRiskClasses.RiskClass> classes = OuladRiskClasses.of(data);
        RiskSnapshots snapshotter = new RiskSnapshots();
        List<RiskSnapshots.Presentation> lived = new ArrayList<>();
        List<RiskFitter.Snapshot> all = new ArrayList<>();
        for (OuladPresentation p : data.presentations()) {
            long total = p.statementCount();
            RiskSnapshots.Presentation one = snapshotter.of(p, classes.get(p.id()), done -> {
                if (done < total) out.printf(Locale.ROOT, "  %s: %,d of %,d statements%n", p.id(), done, total);
            });
            long atRisk = one.snapshots().stream().filter(RiskFitter.Snapshot::atRisk).count();
            out.printf(Locale.ROOT, "  %s: %,d statements, %,d students, %s: %,d weekly snapshots (%.0f%% at risk)%n", p.id(), one.statements(),
                    one.students(), one.withActivityData() ? "with VLE activity" : "assessments and registrations only", one.snapshots().size(),
                    100.0 * atRisk / Math.max(1, one.snapshots().size()));
            lived.add(one);
            all.addAll(one.snapshots());
        }
        out.printf(Locale.ROOT, "fitting stages from weeks %s on %,d snapshots (C=%s)...%n", STAGE_WEEKS, all.size(), c);
        RiskModel model = new RiskFitter(c).fit(all, STAGE_WEEKS, high, low, version);
        List<Stage> stages = stages(model, all);
        List<Threshold> thresholds = thresholds(model, all);
        Result result = new Result(model, lived, stages, thresholds, c, (System.nanoTime() - start) / 1e9);
        print(result, out);
        return result;
    }

    static List<Stage> stages(RiskModel model, List<RiskFitter.Snapshot> snapshots) {
        Map<String, List<RiskFitter.Snapshot>> byKey = new TreeMap<>();
        for (RiskFitter.Snapshot s : snapshots) byKey.computeIfAbsent(key(model, s), k -> new ArrayList<>()).add(s);
        List<Stage> stages = new ArrayList<>();
        byKey.forEach((key, rows) -> {
            RiskModel.Coefficients coefficients = model.sets().get(key);
            List<String> features = new ArrayList<>();
            if (coefficients != null) {
                for (int i = 0; i < RiskFeatures.NAMES.size(); i++) if (coefficients.weights()[i] != 0) features.add(RiskFeatures.NAMES.get(i));
            }
            double[] p = new double[rows.size()];
            boolean[] y = new boolean[rows.size()];
            for (int i = 0; i < p.length; i++) {
                p[i] = model.score(rows.get(i).features(), rows.get(i).withActivityData()).probability();
                y[i] = rows.get(i).atRisk();
            }
            int atRisk = 0;
            for (boolean b : y) if (b) atRisk++;
            stages.add(new Stage(coefficients == null ? key + " (not fitted: scored by the other kind's stage)" : key, rows.size(), atRisk,
                    BinaryScores.auc(p, y), features));
        });
        return stages;
    }

    private static String key(RiskModel model, RiskFitter.Snapshot s) {
        return RiskModel.key(s.withActivityData() ? RiskModel.WITH_ACTIVITY : RiskModel.ASSESSMENTS_ONLY, model.stage(s.features().day()));
    }

    static List<Threshold> thresholds(RiskModel model, List<RiskFitter.Snapshot> snapshots) {
        double[] p = snapshots.stream().mapToDouble(s -> model.score(s.features(), s.withActivityData()).probability()).toArray();
        List<Threshold> out = new ArrayList<>();
        for (double t : THRESHOLDS) {
            long flagged = 0, hits = 0, positives = 0;
            for (int i = 0; i < p.length; i++) {
                boolean atRisk = snapshots.get(i).atRisk();
                if (atRisk) positives++;
                if (p[i] >= t) {
                    flagged++;
                    if (atRisk) hits++;
                }
            }
            out.add(new Threshold(t, (double) flagged / Math.max(1, p.length), flagged == 0 ? Double.NaN : (double) hits / flagged,
                    positives == 0 ? Double.NaN : (double) hits / positives));
        }
        return out;
    }

    static void print(Result r, PrintStream out) {
        out.printf(Locale.ROOT, "fitted in %.1f s on %,d snapshots of %d presentations; stages (family/stage: weeks %s on):%n", r.seconds(),
                r.snapshots(), r.presentations().size(), r.model().stageWeeks());
        out.printf(Locale.ROOT, "  %-13s %10s %9s %8s  %s%n", "stage", "snapshots", "at risk", "fit AUC", "features weighed");
        for (Stage s : r.stages()) {
            out.printf(Locale.ROOT, "  %-13s %,10d %8.0f%% %8.3f  %s%n", s.key(), s.snapshots(), 100.0 * s.atRisk() / Math.max(1, s.snapshots()),
                    s.auc(), String.join(", ", s.features()));
        }
        out.printf(Locale.ROOT, "flags on the fitting snapshots (raised at %.2f, cleared below %.2f):%n", r.model().high(), r.model().low());
        for (Threshold t : r.thresholds()) {
            out.printf(Locale.ROOT, "  p >= %.1f: %4.1f%% flagged, precision %.3f, recall %.3f%s%n", t.threshold(), 100 * t.flaggedShare(),
                    t.precision(), t.recall(), t.threshold() == r.model().high() ? "  (the high threshold)" : "");
        }
    }
}

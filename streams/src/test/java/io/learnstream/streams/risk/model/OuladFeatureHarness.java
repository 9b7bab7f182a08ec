package io.learnstream.streams.risk.model;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import io.learnstream.streams.mastery.model.BinaryScores;
import java.io.IOException;
import java.nio.file.Path;
import java.util.*;

/**
 * A development harness for candidate features (not evidence): lives the OULAD presentations through
 * {@link ClassTimeline} as {@link OuladHarness} does, computes today's {@link RiskFeatures} plus candidate features
 * beside them (clicks per VLE activity type relative to the class, scores relative to the class, weighted score,
 * banked submissions), fits one L2 logistic regression per stage and kind of class on the fitting presentations only
 * (with the fitter's sign check), and prints AUC per presentation and week and pooled, for each feature set.
 * Run: java -cp ... OuladFeatureHarness DIR FIT_PRESENTATIONS SCORE_PRESENTATIONS [CONFIGS]
 */
public final class OuladFeatureHarness {
    static final List<String> TYPES = List.of("resource", "oucontent", "forumng", "quiz", "subpage", "homepage", "url");
    static final int OFFSET = 60, SPAN = 420;

    /** Candidate features' names and expected signs, in the order {@link #extras} writes them. */
    static final List<String> EXTRA = new ArrayList<>();
    static final List<Integer> EXTRA_SIGN = new ArrayList<>();
    static {
        for (String t : TYPES) { EXTRA.add("rel_cum_" + t); EXTRA_SIGN.add(-1); }
        for (String t : TYPES) { EXTRA.add("rel_28d_" + t); EXTRA_SIGN.add(-1); }
        for (String t : TYPES) { EXTRA.add("pct_cum_" + t); EXTRA_SIGN.add(-1); }
        for (String t : TYPES) { EXTRA.add("pct_28d_" + t); EXTRA_SIGN.add(-1); }
        EXTRA.add("rel_cum_all"); EXTRA_SIGN.add(-1);
        EXTRA.add("score_rel"); EXTRA_SIGN.add(-1);       // mean of (score - class mean of that assessment so far)
        EXTRA.add("score_rel_min"); EXTRA_SIGN.add(-1);   // the lowest of those
        EXTRA.add("weighted_score"); EXTRA_SIGN.add(-1);  // sum weight*score (missing 0) / sum weight of due, 0 none due
        EXTRA.add("weighted_due"); EXTRA_SIGN.add(0);     // 1 when any weighted assessment is due
        EXTRA.add("banked"); EXTRA_SIGN.add(0);           // 1 when a submission was banked from an earlier presentation
        EXTRA.add("submitted_rel"); EXTRA_SIGN.add(-1);   // log1p(submitted) - class median log1p(submitted)
    }

    record Row(String pres, int week, boolean activity, long day, double[] x, boolean risk) {}

    static final class Side {
        final Map<String, Map<String, int[]>> daily = new HashMap<>();   // student -> type -> clicks by day+OFFSET
        final Map<String, double[]> itemScores = new HashMap<>();      // item -> {sum, n}
        final Map<String, Map<String, Double>> scores = new HashMap<>(); // student -> item -> score
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Map<String, OuladHarness.Pres> all = OuladHarness.read(dir);
        Map<Integer, String> siteType = new HashMap<>();
        for (String[] r : OuladHarness.csv(dir, "vle")) {
            siteType.put(("https://oulad.learnstream.example/vle/" + r[0]).hashCode(), TYPES.contains(r[3]) ? r[3] : "other");
        }
        Map<String, Double> weight = new HashMap<>();
        for (String[] r : OuladHarness.csv(dir, "assessments")) weight.put(r[2], Double.parseDouble(r[5]));
        Set<String> banked = new HashSet<>();
        for (String[] r : OuladHarness.csv(dir, "studentAssessment")) if (r[3].equals("1")) banked.add(r[0] + "/" + r[1]);

        List<String> fit = Arrays.asList(args[1].split(","));
        List<String> score = Arrays.asList(args[2].split(","));
        List<Row> rows = new ArrayList<>();
        for (String p : new TreeSet<>(union(fit, score))) live(all.get(p), siteType, weight, banked, rows);
        System.out.println("rows " + rows.size());

        String configs = args.length > 3 ? args[3] : "base";
        for (String config : configs.split(";")) {
            boolean[] use = use(config);
            List<Row> train = rows.stream().filter(r -> fit.contains(r.pres) && r.week >= 1).toList();
            Map<String, double[][]> model = fit(train, use);
            report(config, model, rows.stream().filter(r -> score.contains(r.pres)).toList(), use, score);
        }
    }

    static Set<String> union(List<String> a, List<String> b) {
        Set<String> s = new HashSet<>(a);
        s.addAll(b);
        return s;
    }

    /** "base", or base plus groups: types_rel, types_rel28, types_pct, types_pct28, all_rel, score_rel, wscore, banked, submitted_rel. */
    static boolean[] use(String config) {
        int n = RiskFeatures.NAMES.size();
        boolean[] use = new boolean[n + EXTRA.size()];
        for (int i = 0; i < n; i++) use[i] = i != RiskFeatures.MASTERY_GAP;
        for (String g : config.split("\\+")) {
            switch (g) {
                case "base" -> {}
                case "types_rel" -> mark(use, "rel_cum_");
                case "types_rel28" -> mark(use, "rel_28d_");
                case "types_pct" -> mark(use, "pct_cum_");
                case "types_pct28" -> mark(use, "pct_28d_");
                case "all_rel" -> mark(use, "rel_cum_all");
                case "score_rel" -> { mark(use, "score_rel"); }
                case "wscore" -> { mark(use, "weighted_score"); mark(use, "weighted_due"); }
                case "banked" -> mark(use, "banked");
                case "submitted_rel" -> mark(use, "submitted_rel");
                default -> throw new IllegalArgumentException("unknown group " + g);
            }
        }
        return use;
    }

    static void mark(boolean[] use, String prefix) {
        for (int i = 0; i < EXTRA.size(); i++) if (EXTRA.get(i).startsWith(prefix)) use[RiskFeatures.NAMES.size() + i] = true;
    }

    static void live(OuladHarness.Pres p, Map<Integer, String> siteType, Map<String, Double> weight, Set<String> banked, List<Row> rows) {
        ClassTimeline t = new ClassTimeline(p.start(), p.items());
        Map<String, StudentActivity> students = t.students();
        Side side = new Side();
        String module = p.id();
        ClassTimeline.TickListener listener = (asOf, day, scored) -> {
            if (day <= 0 || day % 7 != 0) return;
            List<ClassTimeline.Scored> live = new ArrayList<>();
            for (ClassTimeline.Scored s : scored) {
                StudentActivity a = students.get(s.student());
                if (s.withdrawn() || a.registered() == null || a.registered() > asOf) continue;
                live.add(s);
            }
            double[][] extras = extras(p, side, students, live, asOf, day, weight, banked);
            for (int k = 0; k < live.size(); k++) {
                ClassTimeline.Scored s = live.get(k);
                String r = p.result().get(s.student());
                double[] base = s.features().values();
                double[] x = Arrays.copyOf(base, base.length + EXTRA.size());
                System.arraycopy(extras[k], 0, x, base.length, EXTRA.size());
                rows.add(new Row(module, (int) (day / 7), s.withActivityData(), s.features().day(), x, r.equals("Fail") || r.equals("Withdrawn")));
            }
        };
        for (OuladHarness.Ev e : p.events()) {
            t.apply(e.student(), e.event(), listener);
            RiskEvent ev = e.event();
            int d = (int) (Days.of(ev.time()) - Days.of(p.start())) + OFFSET;
            if (ev.kind() == RiskEvent.Kind.ACTIVITY) {
                String type = siteType.getOrDefault(ev.activity(), "other");
                side.daily.computeIfAbsent(e.student(), k -> new HashMap<>()).computeIfAbsent(type, k -> new int[SPAN])[Math.max(0, Math.min(SPAN - 1, d))]++;
            } else if (ev.kind() == RiskEvent.Kind.SUBMISSION && ev.score() != null) {
                Map<String, Double> mine = side.scores.computeIfAbsent(e.student(), k -> new HashMap<>());
                if (!mine.containsKey(ev.lineItemId())) {
                    mine.put(ev.lineItemId(), ev.score());
                    double[] agg = side.itemScores.computeIfAbsent(ev.lineItemId(), k -> new double[2]);
                    agg[0] += ev.score();
                    agg[1]++;
                }
            }
        }
        t.advanceTo(p.start() + (long) (p.length() + 1) * Days.MILLIS, listener);
    }

    static double[][] extras(OuladHarness.Pres p, Side side, Map<String, StudentActivity> students, List<ClassTimeline.Scored> live,
            long asOf, long day, Map<String, Double> weight, Set<String> banked) {
        int n = live.size();
        int today = (int) (day - 1) + OFFSET;   // the last day counted, as RiskFeatures.lastDay
        int types = TYPES.size();
        double[][] cum = new double[types + 1][n], r28 = new double[types][n];
        double[] submitted = new double[n];
        for (int k = 0; k < n; k++) {
            Map<String, int[]> byType = side.daily.getOrDefault(live.get(k).student(), Map.of());
            double total = 0;
            for (int ti = 0; ti < types; ti++) {
                int[] c = byType.get(TYPES.get(ti));
                int sc = 0, s28 = 0;
                if (c != null) for (int d = 0; d <= today && d < SPAN; d++) {
                    sc += c[d];
                    if (d > today - 28) s28 += c[d];
                }
                cum[ti][k] = Math.log1p(sc);
                r28[ti][k] = Math.log1p(s28);
                total += sc;
            }
            int[] other = byType.get("other");
            if (other != null) for (int d = 0; d <= today && d < SPAN; d++) total += other[d];
            cum[types][k] = Math.log1p(total);
            submitted[k] = Math.log1p(live.get(k).features().submitted());
        }
        double[][] out = new double[n][EXTRA.size()];
        for (int ti = 0; ti < types; ti++) {
            double mc = median(cum[ti]), m28 = median(r28[ti]);
            double[] sc = cum[ti].clone(), s28 = r28[ti].clone();
            Arrays.sort(sc);
            Arrays.sort(s28);
            for (int k = 0; k < n; k++) {
                out[k][ti] = cum[ti][k] - mc;
                out[k][types + ti] = r28[ti][k] - m28;
                out[k][2 * types + ti] = pct(sc, cum[ti][k]);
                out[k][3 * types + ti] = pct(s28, r28[ti][k]);
            }
        }
        double mAll = median(cum[types]), mSub = median(submitted);
        int base = 4 * types;
        for (int k = 0; k < n; k++) {
            String student = live.get(k).student();
            out[k][base] = cum[types][k] - mAll;
            StudentActivity a = students.get(student);
            double relSum = 0, relMin = 0;
            int relN = 0;
            double wSum = 0, wDue = 0;
            boolean anyBanked = false;
            for (ClassContext.LineItem item : p.items()) {
                StudentActivity.Submission sub = a.submissions().get(item.id());
                boolean submittedNow = sub != null && sub.time() <= asOf;
                boolean isDue = item.due() + Days.MILLIS <= asOf;
                double w = weight.getOrDefault(item.id(), 0.0);
                if (isDue && w > 0) {
                    wDue += w;
                    if (submittedNow && sub.score() != null) wSum += w * sub.score();
                }
                if (submittedNow && banked.contains(item.id() + "/" + student)) anyBanked = true;
                if (submittedNow && sub.score() != null) {
                    double[] agg = side.itemScores.get(item.id());
                    if (agg != null && agg[1] > 0) {
                        double rel = sub.score() - agg[0] / agg[1];
                        relSum += rel;
                        relMin = relN == 0 ? rel : Math.min(relMin, rel);
                        relN++;
                    }
                }
            }
            out[k][base + 1] = relN == 0 ? 0 : relSum / relN;
            out[k][base + 2] = relN == 0 ? 0 : relMin;
            out[k][base + 3] = wDue == 0 ? 0 : wSum / wDue;
            out[k][base + 4] = wDue == 0 ? 0 : 1;
            out[k][base + 5] = anyBanked ? 1 : 0;
            out[k][base + 6] = submitted[k] - mSub;
        }
        return out;
    }

    static double median(double[] v) {
        if (v.length == 0) return 0;
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /** Share of the class below, ties counted half. */
    static double pct(double[] sorted, double v) {
        int lo = lower(sorted, v), hi = lower(sorted, Math.nextUp(v));
        return sorted.length == 0 ? 0.5 : (lo + hi) / 2.0 / sorted.length;
    }

    static int lower(double[] a, double v) {
        int lo = 0, hi = a.length;
        while (lo < hi) {
            int m = (lo + hi) >>> 1;
            if (a[m] < v) lo = m + 1; else hi = m;
        }
        return lo;
    }

    static int stage(long day) {
        long week = Math.max(0, day) / 7;
        return week >= 10 ? 3 : week >= 6 ? 2 : week >= 3 ? 1 : 0;
    }

    static int sign(int i) {
        int n = RiskFeatures.NAMES.size();
        return i < n ? RiskFitter.EXPECTED_SIGN[i] : EXTRA_SIGN.get(i - n);
    }

    /** {family/stage -> {weights..., intercept at [0][len]}, means, sds}. */
    static Map<String, double[][]> fit(List<Row> train, boolean[] use0) {
        Map<String, List<Row>> groups = new HashMap<>();
        for (Row r : train) groups.computeIfAbsent((r.activity ? "activity/" : "assessments/") + stage(r.day), k -> new ArrayList<>()).add(r);
        Map<String, double[][]> out = new TreeMap<>();
        groups.forEach((key, rows) -> {
            int n = use0.length;
            double[] mean = new double[n], sd = new double[n];
            for (Row r : rows) for (int i = 0; i < n; i++) mean[i] += r.x[i];
            for (int i = 0; i < n; i++) mean[i] /= rows.size();
            for (Row r : rows) for (int i = 0; i < n; i++) sd[i] += (r.x[i] - mean[i]) * (r.x[i] - mean[i]);
            boolean[] use = use0.clone();
            for (int i = 0; i < n; i++) {
                sd[i] = Math.sqrt(sd[i] / rows.size());
                use[i] &= sd[i] > 1e-9;
            }
            while (true) {
                double[] w = new double[n + 1];
                train(rows, mean, sd, use, w);
                int worst = -1;
                double worstValue = 0;
                for (int i = 0; i < n; i++) {
                    double against = -sign(i) * w[i] * sd[i];
                    if (use[i] && sign(i) != 0 && against > worstValue) { worst = i; worstValue = against; }
                }
                if (worst < 0) { out.put(key, new double[][] {w, mean}); break; }
                use[worst] = false;
            }
        });
        return out;
    }

    static void train(List<Row> rows, double[] mean, double[] sd, boolean[] use, double[] w) {
        int n = mean.length;
        Feature[][] x = new Feature[rows.size()][];
        double[] y = new double[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            List<Feature> row = new ArrayList<>();
            for (int i = 0; i < n; i++) if (use[i]) row.add(new FeatureNode(i + 1, (rows.get(r).x[i] - mean[i]) / sd[i]));
            row.add(new FeatureNode(n + 1, 1.0));
            x[r] = row.toArray(Feature[]::new);
            y[r] = rows.get(r).risk ? 1 : -1;
        }
        Problem problem = new Problem();
        problem.l = rows.size();
        problem.n = n + 1;
        problem.x = x;
        problem.y = y;
        problem.bias = -1;
        Linear.disableDebugOutput();
        var model = Linear.train(problem, new Parameter(SolverType.L2R_LR, RiskFitter.DEFAULT_C, 0.001));
        double[] weights = model.getFeatureWeights();
        double s = model.getLabels()[0] == 1 ? 1.0 : -1.0;
        for (int i = 0; i < n; i++) w[i] = use[i] ? s * weights[i] / sd[i] : 0;
        w[n] = s * weights[n];
    }

    static double score(Map<String, double[][]> model, Row r) {
        double[][] c = model.get((r.activity ? "activity/" : "assessments/") + stage(r.day));
        if (c == null) c = model.get((r.activity ? "assessments/" : "activity/") + stage(r.day));
        double[] w = c[0], mean = c[1];
        double z = w[w.length - 1];
        for (int i = 0; i < mean.length; i++) z += w[i] * (r.x[i] - mean[i]);
        return 1 / (1 + Math.exp(-z));
    }

    static void report(String config, Map<String, double[][]> model, List<Row> scored, boolean[] use, List<String> presentations) {
        StringBuilder out = new StringBuilder("== " + config + "\n");
        int[] weeks = {2, 4, 8, 12};
        for (String p : presentations) {
            out.append(String.format(Locale.ROOT, "%-10s", p));
            for (int w : weeks) out.append(String.format(Locale.ROOT, "  w%d %.3f", w, auc(model, scored.stream().filter(r -> r.pres.equals(p) && r.week == w).toList())));
            out.append('\n');
        }
        out.append(String.format(Locale.ROOT, "%-10s", "pooled"));
        for (int w : weeks) out.append(String.format(Locale.ROOT, "  w%d %.3f", w, auc(model, scored.stream().filter(r -> r.week == w).toList())));
        out.append('\n');
        if (System.getProperty("weights") != null) {
            List<String> names = new ArrayList<>(RiskFeatures.NAMES);
            names.addAll(EXTRA);
            model.forEach((k, c) -> {
                out.append(k).append(':');
                for (int i = 0; i < names.size(); i++) if (c[0][i] != 0) out.append(String.format(Locale.ROOT, " %s=%.2f", names.get(i), c[0][i]));
                out.append('\n');
            });
        }
        System.out.print(out);
    }

    static double auc(Map<String, double[][]> model, List<Row> rows) {
        double[] pr = new double[rows.size()];
        boolean[] y = new boolean[rows.size()];
        for (int i = 0; i < pr.length; i++) {
            pr[i] = score(model, rows.get(i));
            y[i] = rows.get(i).risk;
        }
        return BinaryScores.auc(pr, y);
    }
}

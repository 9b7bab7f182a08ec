package io.learnstream.app.eval.risk;

import io.learnstream.streams.mastery.model.BinaryScores;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The figures of the risk evaluation, from scored students alone (no Kafka, no ClickHouse): per presentation and
 * week the AUC of the probabilities, and the precision, recall and false-positive rate of the flags; per
 * demographic group the same and the largest AUC gap between groups; and how far ahead of their withdrawal students
 * were first flagged.
 */
public final class RiskMetrics {
    /** Groups smaller than this are reported but left out of the gap: their AUC is too noisy to compare. */
    public static final int MIN_GROUP = 50;
    /** Warned at least this many weeks before withdrawing counts as warned in time. */
    public static final double LEAD_WEEKS = 2.0;
    static final long WEEK_MILLIS = 7L * 24 * 3600 * 1000;

    /**
     * How the probabilities and the flags of a set of students did.
     *
     * @param auc NaN without students of both outcomes
     * @param precision share of flagged students at risk; NaN when none is flagged
     * @param recall share of students at risk flagged; NaN when none is at risk
     * @param fpr share of students not at risk flagged; NaN when every one is at risk
     */
    public record Scores(double auc, double precision, double recall, double fpr, int n, int atRisk, int flagged) {}

    /**
     * A student who withdrew, and when they were first flagged before it.
     *
     * @param firstFlag epoch millis of their first flagged record before the withdrawal; null when never flagged before it
     */
    public record Withdrawal(String classId, String studentId, long withdrewAt, Long firstFlag) {
        /** Weeks between the first flag and the withdrawal; NaN when not flagged before it. */
        public double leadWeeks() {
            return firstFlag == null ? Double.NaN : (double) (withdrewAt - firstFlag) / WEEK_MILLIS;
        }
    }

    /**
     * @param withdrawn students who withdrew
     * @param warned of them, flagged before withdrawing
     * @param medianWeeks median weeks of warning of those warned; NaN when none was
     * @param warnedInTime of all who withdrew, those flagged at least {@link #LEAD_WEEKS} before
     */
    public record LeadTimes(int withdrawn, int warned, double medianWeeks, int warnedInTime) {
        public double shareWarnedInTime() {
            return withdrawn == 0 ? Double.NaN : (double) warnedInTime / withdrawn;
        }
    }

    /** A group's scores in one attribute, and the largest AUC difference between its groups of {@link #MIN_GROUP} or more. */
    public record Attribute(Map<String, Scores> groups, double aucGap, String highest, String lowest) {}

    private RiskMetrics() {}

    public static Scores scores(List<ScoredStudent> rows) {
        double[] p = new double[rows.size()];
        boolean[] y = new boolean[rows.size()];
        int atRisk = 0, flagged = 0, hits = 0, falseAlarms = 0;
        for (int i = 0; i < p.length; i++) {
            ScoredStudent s = rows.get(i);
            p[i] = s.probability();
            y[i] = s.atRisk();
            if (s.atRisk()) atRisk++;
            if (s.flagged()) {
                flagged++;
                if (s.atRisk()) hits++; else falseAlarms++;
            }
        }
        int n = rows.size();
        return new Scores(BinaryScores.auc(p, y), ratio(hits, flagged), ratio(hits, atRisk), ratio(falseAlarms, n - atRisk), n, atRisk, flagged);
    }

    /** Scores by presentation (in the rows' order) and week (ascending). */
    public static Map<String, Map<Integer, Scores>> byPresentationAndWeek(List<ScoredStudent> rows) {
        Map<String, Map<Integer, List<ScoredStudent>>> split = new LinkedHashMap<>();
        for (ScoredStudent s : rows) split.computeIfAbsent(s.classId(), c -> new TreeMap<>()).computeIfAbsent(s.week(), w -> new ArrayList<>()).add(s);
        Map<String, Map<Integer, Scores>> out = new LinkedHashMap<>();
        split.forEach((classId, weeks) -> {
            Map<Integer, Scores> scored = new TreeMap<>();
            weeks.forEach((week, list) -> scored.put(week, scores(list)));
            out.put(classId, scored);
        });
        return out;
    }

    /** Scores by week (ascending) over every presentation of the rows. */
    public static Map<Integer, Scores> byWeek(List<ScoredStudent> rows) {
        return grouped(rows, ScoredStudent::week, new TreeMap<>());
    }

    /** Per attribute (in the order of the first row's groups), the scores of each group (sorted) and the AUC gap. */
    public static Map<String, Attribute> groups(List<ScoredStudent> rows) {
        Map<String, Attribute> out = new LinkedHashMap<>();
        if (rows.isEmpty()) return out;
        for (String attribute : new TreeMap<>(rows.getFirst().groups()).keySet()) {
            Map<String, Scores> groups = grouped(rows, s -> s.groups().getOrDefault(attribute, ""), new TreeMap<>());
            String highest = null, lowest = null;
            for (Map.Entry<String, Scores> g : groups.entrySet()) {
                Scores s = g.getValue();
                if (s.n() < MIN_GROUP || Double.isNaN(s.auc())) continue;
                if (highest == null || s.auc() > groups.get(highest).auc()) highest = g.getKey();
                if (lowest == null || s.auc() < groups.get(lowest).auc()) lowest = g.getKey();
            }
            double gap = highest == null ? Double.NaN : groups.get(highest).auc() - groups.get(lowest).auc();
            out.put(attribute, new Attribute(groups, gap, highest, lowest));
        }
        return out;
    }

    /** The largest AUC gap of any attribute (NaN when none has two groups to compare). */
    public static double largestGap(Map<String, Attribute> attributes) {
        double largest = Double.NaN;
        for (Attribute a : attributes.values()) if (!Double.isNaN(a.aucGap()) && !(a.aucGap() <= largest)) largest = a.aucGap();
        return largest;
    }

    public static LeadTimes leadTimes(List<Withdrawal> withdrawals) {
        double[] leads = withdrawals.stream().mapToDouble(Withdrawal::leadWeeks).filter(w -> !Double.isNaN(w)).sorted().toArray();
        int inTime = (int) Arrays.stream(leads).filter(w -> w >= LEAD_WEEKS).count();
        return new LeadTimes(withdrawals.size(), leads.length, median(leads), inTime);
    }

    /** The median of sorted values; NaN when none. */
    static double median(double[] sorted) {
        if (sorted.length == 0) return Double.NaN;
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static <K> Map<K, Scores> grouped(List<ScoredStudent> rows, Function<ScoredStudent, K> key, Map<K, Scores> into) {
        Map<K, List<ScoredStudent>> split = new LinkedHashMap<>();
        for (ScoredStudent s : rows) split.computeIfAbsent(key.apply(s), k -> new ArrayList<>()).add(s);
        split.forEach((k, list) -> into.put(k, scores(list)));
        return into;
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? Double.NaN : (double) part / whole;
    }
}

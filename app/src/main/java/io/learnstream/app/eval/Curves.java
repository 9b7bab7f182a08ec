package io.learnstream.app.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** The curves an evaluation plots for a binary prediction: ROC and a reliability (calibration) table. */
public final class Curves {
    /** One point of a ROC curve. */
    public record RocPoint(double falsePositiveRate, double truePositiveRate) {}

    /** One bin of predicted probabilities: its mean prediction, the observed rate of positives, and its size. */
    public record CalibrationBin(double lower, double upper, double meanPredicted, double observed, long count) {}

    private Curves() {}

    /**
     * The ROC curve from (0,0) to (1,1), one point per distinct threshold (ties move diagonally), thinned to at most
     * {@code maxPoints} points for plotting.
     */
    public static List<RocPoint> roc(double[] predicted, boolean[] actual, int maxPoints) {
        Integer[] order = new Integer[predicted.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> predicted[i]).reversed());
        long positives = 0;
        for (boolean a : actual) if (a) positives++;
        long negatives = actual.length - positives;
        List<RocPoint> all = new ArrayList<>();
        all.add(new RocPoint(0, 0));
        long tp = 0;
        long fp = 0;
        for (int k = 0; k < order.length; k++) {
            if (actual[order[k]]) tp++; else fp++;
            boolean lastOfTie = k == order.length - 1 || predicted[order[k + 1]] != predicted[order[k]];
            if (lastOfTie) all.add(new RocPoint(negatives == 0 ? 0 : (double) fp / negatives, positives == 0 ? 0 : (double) tp / positives));
        }
        if (all.size() <= maxPoints) return all;
        List<RocPoint> thinned = new ArrayList<>(maxPoints);
        for (int i = 0; i < maxPoints; i++) thinned.add(all.get((int) Math.round((double) i * (all.size() - 1) / (maxPoints - 1))));
        return thinned;
    }

    /** {@code bins} equal-width bins over [0, 1]; empty bins are left out. */
    public static List<CalibrationBin> calibration(double[] predicted, boolean[] actual, int bins) {
        double[] sum = new double[bins];
        long[] positives = new long[bins];
        long[] count = new long[bins];
        for (int i = 0; i < predicted.length; i++) {
            int bin = Math.min(bins - 1, Math.max(0, (int) (predicted[i] * bins)));
            sum[bin] += predicted[i];
            count[bin]++;
            if (actual[i]) positives[bin]++;
        }
        List<CalibrationBin> out = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            if (count[b] == 0) continue;
            out.add(new CalibrationBin((double) b / bins, (double) (b + 1) / bins, sum[b] / count[b], (double) positives[b] / count[b], count[b]));
        }
        return out;
    }
}

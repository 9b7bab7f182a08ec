package io.learnstream.streams.risk.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The top factors of a risk score in plain words with their numbers: the features that raise this student's risk
 * most above the mean student's, e.g. "no activity for 9 days", "2 of 3 assignments missed".
 */
public final class RiskReasons {
    /** A factor raising risk by less than this (log-odds) is not named. */
    public static final double MIN_CONTRIBUTION = 0.05;

    /** One reason: factor code, words, the number, its contribution. */
    public record Reason(String factor, String text, double value, double contribution) {}

    private RiskReasons() {}

    /** Up to {@code limit} reasons, largest contribution first. Features of one factor are merged (summed). */
    public static List<Reason> top(RiskFeatures.Vector f, double[] contributions, int limit) {
        List<Reason> all = new ArrayList<>();
        double activity = contributions[RiskFeatures.ACTIVITY_7D] + contributions[RiskFeatures.PERCENTILE_7D]
                + contributions[RiskFeatures.TREND];
        if (f.percentile() <= 0.25) {
            int bottom = Math.max(5, (int) Math.ceil(f.percentile() * 20) * 5);
            add(all, "activity-percentile", "activity in the bottom " + bottom + "% of the class this week", f.percentile(), activity);
        } else if (f.eventsPrevious7() > f.events7() && f.eventsPrevious7() > 0) {
            int down = (int) Math.round(100.0 * (f.eventsPrevious7() - f.events7()) / f.eventsPrevious7());
            add(all, "activity-trend", "activity down " + down + "% on the week before (" + f.events7() + " vs " + f.eventsPrevious7() + ")",
                    f.events7(), activity);
        } else {
            add(all, "activity-7d", plural(f.events7(), "activity", "activities") + " in the last 7 days", f.events7(), activity);
        }
        double monthly = contributions[RiskFeatures.ACTIVITY_28D] + contributions[RiskFeatures.ACTIVE_DAYS_28D]
                + contributions[RiskFeatures.ACTIVITY_TOTAL];
        double activeDays = f.values()[RiskFeatures.ACTIVE_DAYS_28D];
        add(all, "active-days", "active on " + Math.round(activeDays * Math.min(28, Math.max(1, f.day() + 1))) + " of the last "
                + Math.min(28, Math.max(1, f.day() + 1)) + " days", activeDays, monthly);
        add(all, "silence", f.silentDays() == 0 ? "active today" : "no activity for " + plural(f.silentDays(), "day", "days"),
                f.silentDays(), contributions[RiskFeatures.SILENCE]);
        add(all, "coverage", "opened " + f.touched() + " of the class's " + f.classActivities() + " activities",
                f.values()[RiskFeatures.COVERAGE], contributions[RiskFeatures.COVERAGE]);
        add(all, "missed", f.missed() + " of " + f.due() + " assignments missed", f.missed(), contributions[RiskFeatures.MISSED_SHARE]);
        add(all, "late", f.late() + " of " + f.due() + " assignments late", f.late(), contributions[RiskFeatures.LATE_SHARE]);
        if (f.meanScore() != null) {
            add(all, "score", String.format(Locale.ROOT, "average score %.0f%%", 100 * f.meanScore()), f.meanScore(),
                    contributions[RiskFeatures.SCORE_GAP] + contributions[RiskFeatures.SCORED]);
        }
        if (f.mastery() != null) {
            add(all, "mastery:" + f.mastery().skill(), String.format(Locale.ROOT, "%s: mastery %.2f", f.mastery().skill(), f.mastery().probability()),
                    f.mastery().probability(), contributions[RiskFeatures.MASTERY_GAP]);
        }
        double registeredLate = Math.expm1(f.values()[RiskFeatures.REGISTERED_LATE]);
        add(all, "registered-late", "registered " + plural(Math.round(registeredLate), "day", "days") + " after the start",
                registeredLate, contributions[RiskFeatures.REGISTERED_LATE]);
        all.sort(Comparator.comparingDouble(Reason::contribution).reversed());
        return all.size() > limit ? List.copyOf(all.subList(0, limit)) : List.copyOf(all);
    }

    private static void add(List<Reason> all, String factor, String text, double value, double contribution) {
        if (contribution >= MIN_CONTRIBUTION) all.add(new Reason(factor, text, value, contribution));
    }

    private static String plural(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}

package io.learnstream.streams.risk.model;

import java.util.List;

/**
 * The risk model's features of one student in one class as of a moment in event time. Every feature is computed from
 * {@link StudentActivity}, the {@link ClassContext} and the time alone, the same way when fitting and when serving.
 */
public final class RiskFeatures {
    /** Feature names, in the order of {@link Vector#values()}. */
    public static final List<String> NAMES = List.of(
            "activity_7d",          // log(1 + events in the last 7 days)
            "activity_28d",         // log(1 + events in the last 28 days)
            "active_days_28d",      // share of the last 28 days (since the start) with activity
            "silence",              // log(1 + days since the last activity, or since registration / the start)
            "trend",                // log(1 + last 7 days) - log(1 + the 7 days before)
            "percentile_7d",        // the student's share of the class at or below their 7-day activity
            "coverage",             // distinct activities touched / distinct activities of the class
            "missed_share",         // assignments due and not submitted / assignments due
            "late_share",           // assignments submitted after their due time / assignments due
            "score_gap",            // 1 - mean scaled score of submitted assignments (0 when none scored)
            "scored",               // 1 when at least one assignment has a score
            "mastery_gap",          // 1 - the lowest mastery probability of the student's attempted skills (0 when none)
            "registered_late",      // log(1 + days registered after the start), 0 when before
            "activity_total");      // log(1 + events so far, before the start included)

    public static final int ACTIVITY_7D = 0;
    public static final int ACTIVITY_28D = 1;
    public static final int ACTIVE_DAYS_28D = 2;
    public static final int SILENCE = 3;
    public static final int TREND = 4;
    public static final int PERCENTILE_7D = 5;
    public static final int COVERAGE = 6;
    public static final int MISSED_SHARE = 7;
    public static final int LATE_SHARE = 8;
    public static final int SCORE_GAP = 9;
    public static final int SCORED = 10;
    public static final int MASTERY_GAP = 11;
    public static final int REGISTERED_LATE = 12;
    public static final int ACTIVITY_TOTAL = 13;

    /** A student's weakest skill, from the mastery stream. */
    public record Mastery(String skill, double probability) {}

    /**
     * The features and the plain facts behind them (for the reasons' words).
     *
     * @param day whole days since the class started
     */
    public record Vector(double[] values, long day, int events7, int eventsPrevious7, long silentDays, double percentile,
            int due, int missed, int late, int submitted, Double meanScore, Mastery mastery, int touched, int classActivities) {}

    private RiskFeatures() {}

    /** The last day the windows count as of {@code asOf}: the day before a tick at midnight, else today so far. */
    public static long lastDay(long asOf) {
        return Days.of(asOf - 1);
    }

    /** The events of the last 7 days as of {@code asOf}, the value the class percentile ranks. */
    public static int events7(StudentActivity s, long asOf) {
        long today = lastDay(asOf);
        return s.eventsBetween(today - 6, today);
    }

    public static Vector of(StudentActivity s, ClassContext c, long asOf, Mastery mastery) {
        long today = lastDay(asOf);
        long startDay = Days.of(c.start());
        long day = Days.of(asOf) - startDay;
        int events7 = s.eventsBetween(today - 6, today);
        int previous7 = s.eventsBetween(today - 13, today - 7);
        int events28 = s.eventsBetween(today - 27, today);
        long windowDays = Math.max(1, Math.min(28, day));
        int active28 = s.activeDaysBetween(Math.max(today - 27, startDay), today);
        Long last = s.lastActivity();
        long since = last != null ? last : Math.max(c.start(), s.registered() == null ? c.start() : s.registered());
        long silentDays = Math.max(0, Days.of(asOf) - Days.of(since));
        double percentile = c.distribution().percentile(events7);
        double coverage = c.activities() == 0 ? 0 : Math.min(1.0, (double) s.distinctActivities() / c.activities());

        int due = 0, missed = 0, late = 0, submitted = 0, scored = 0;
        double scoreSum = 0;
        for (ClassContext.LineItem item : c.lineItems()) {
            StudentActivity.Submission sub = s.submissions().get(item.id());
            boolean isDue = item.due() + Days.MILLIS <= asOf;  // a date alone is midnight UTC: due by the end of that day
            if (isDue) due++;
            if (sub == null || sub.time() > asOf) {
                if (isDue) missed++;
                continue;
            }
            submitted++;
            if (sub.time() > item.due() + Days.MILLIS) late++;  // a day of leeway: dates alone are midnight UTC
            if (sub.score() != null) {
                scored++;
                scoreSum += sub.score();
            }
        }
        Double meanScore = scored == 0 ? null : scoreSum / scored;
        long registeredDay = s.registered() == null ? 0 : Days.of(s.registered()) - startDay;

        double[] v = new double[NAMES.size()];
        v[ACTIVITY_7D] = Math.log1p(events7);
        v[ACTIVITY_28D] = Math.log1p(events28);
        v[ACTIVE_DAYS_28D] = (double) active28 / windowDays;
        v[SILENCE] = Math.log1p(silentDays);
        v[TREND] = Math.log1p(events7) - Math.log1p(previous7);
        v[PERCENTILE_7D] = percentile;
        v[COVERAGE] = coverage;
        v[MISSED_SHARE] = due == 0 ? 0 : (double) missed / due;
        v[LATE_SHARE] = due == 0 ? 0 : (double) late / due;
        v[SCORE_GAP] = meanScore == null ? 0 : 1 - meanScore;
        v[SCORED] = meanScore == null ? 0 : 1;
        v[MASTERY_GAP] = mastery == null ? 0 : 1 - mastery.probability();
        v[REGISTERED_LATE] = Math.log1p(Math.max(0, registeredDay));
        v[ACTIVITY_TOTAL] = Math.log1p(s.totalEvents());
        return new Vector(v, day, events7, previous7, silentDays, percentile, due, missed, late, submitted, meanScore,
                mastery, s.distinctActivities(), c.activities());
    }
}

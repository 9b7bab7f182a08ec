package io.learnstream.streams.risk.model;

/**
 * What the risk model remembers of one class: the distinct activities its students touched (the coverage
 * denominator), whether its tools send activity beyond submissions, and the distribution of its students' 7-day
 * activity as of the last tick (the percentile).
 */
public final class ClassActivity {
    private int[] activities = new int[0];
    private boolean withActivityData;
    private ActivityDistribution distribution = ActivityDistribution.empty();

    public static ClassActivity empty() {
        return new ClassActivity();
    }

    /** Notes an event of one of the class's students. */
    public boolean apply(RiskEvent event) {
        boolean changed = false;
        if (event.kind() == RiskEvent.Kind.ACTIVITY && !withActivityData) {
            withActivityData = true;
            changed = true;
        }
        if (event.kind() == RiskEvent.Kind.ACTIVITY || event.kind() == RiskEvent.Kind.SUBMISSION) {
            int[] grown = SortedInts.with(activities, event.activity());
            if (grown != activities) {
                activities = grown;
                changed = true;
            }
        }
        return changed;
    }

    public int activities() { return activities.length; }
    public int[] activityHashes() { return activities.clone(); }
    public boolean withActivityData() { return withActivityData; }
    public ActivityDistribution distribution() { return distribution; }

    /** Replaces the distribution with the one a tick built. */
    public void distribution(ActivityDistribution next) {
        this.distribution = next;
    }

    public static ClassActivity restore(int[] activities, boolean withActivityData, ActivityDistribution distribution) {
        ClassActivity c = new ClassActivity();
        c.activities = activities.clone();
        c.withActivityData = withActivityData;
        c.distribution = distribution;
        return c;
    }
}

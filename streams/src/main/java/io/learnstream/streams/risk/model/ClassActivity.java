package io.learnstream.streams.risk.model;

/**
 * What the risk model remembers of one class: the distinct activities its students touched (the coverage
 * denominator), whether its tools send activity beyond submissions, and the distribution of its students' 7-day
 * activity as of the last tick (the percentile). A student is scored against the class as it stood at the last tick
 * ({@link #settle()}), never against what classmates did earlier the same day: so a score depends on the student's own
 * events and the class's past days only, not on how a day's events of different students interleave on arrival.
 */
public final class ClassActivity {
    private int[] activities = new int[0];
    private boolean withActivityData;
    private ActivityDistribution distribution = ActivityDistribution.empty();
    private int settledActivities;
    private boolean settledWithActivityData;

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

    /** Distinct activities as of the last tick. */
    public int activities() { return settledActivities; }
    public int[] activityHashes() { return activities.clone(); }
    /** Whether the class sent activity data as of the last tick. */
    public boolean withActivityData() { return settledWithActivityData; }
    public boolean withActivityDataNow() { return withActivityData; }

    /** A tick: what the class's students did before it is what they are scored against until the next. */
    public void settle() {
        settledActivities = activities.length;
        settledWithActivityData = withActivityData;
    }
    public ActivityDistribution distribution() { return distribution; }

    /** Replaces the distribution with the one a tick built. */
    public void distribution(ActivityDistribution next) {
        this.distribution = next;
    }

    public static ClassActivity restore(int[] activities, boolean withActivityData, ActivityDistribution distribution,
            int settledActivities, boolean settledWithActivityData) {
        ClassActivity c = new ClassActivity();
        c.activities = activities.clone();
        c.withActivityData = withActivityData;
        c.distribution = distribution;
        c.settledActivities = settledActivities;
        c.settledWithActivityData = settledWithActivityData;
        return c;
    }
}

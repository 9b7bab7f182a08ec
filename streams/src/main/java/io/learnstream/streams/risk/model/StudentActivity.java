package io.learnstream.streams.risk.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the risk model remembers of one student in one class: registration, withdrawal, the number of events of each
 * of the last {@value #WINDOW_DAYS} days, totals, the distinct activities touched and the submissions. Updated in
 * O(1) per event (O(log n) for a new activity), so it fits a state store.
 */
public final class StudentActivity {
    /** Days of daily counts kept: enough for the 28-day window and the week before the last one. */
    public static final int WINDOW_DAYS = 35;

    /** One submission of a line item: the first one counts. */
    public record Submission(long time, Double score) {}

    private Long registered;
    private Long withdrawn;
    private Long firstActivity;
    private Long lastActivity;
    private long newestDay = Long.MIN_VALUE;
    private final int[] daily = new int[WINDOW_DAYS];
    private long totalEvents;
    private int activeDays;
    private int[] touched = new int[0];
    private final Map<String, Submission> submissions = new LinkedHashMap<>();

    public static StudentActivity empty() {
        return new StudentActivity();
    }

    /** Applies one event; events should come in event-time order (one older than the window only adds to totals). */
    public void apply(RiskEvent event) {
        switch (event.kind()) {
            case REGISTERED -> {
                if (registered == null || event.time() < registered) registered = event.time();
                if (withdrawn != null && event.time() > withdrawn) withdrawn = null;
            }
            case WITHDREW -> withdrawn = event.time();
            case ACTIVITY, SUBMISSION -> {
                count(event.time());
                touch(event.activity());
                if (event.kind() == RiskEvent.Kind.SUBMISSION) {
                    Submission previous = submissions.get(event.lineItemId());
                    if (previous == null || event.time() < previous.time()) {
                        submissions.put(event.lineItemId(), new Submission(event.time(), event.score()));
                    }
                }
            }
        }
    }

    private void count(long time) {
        long day = Days.of(time);
        if (firstActivity == null || time < firstActivity) firstActivity = time;
        if (lastActivity == null || time > lastActivity) lastActivity = time;
        if (newestDay == Long.MIN_VALUE) {
            newestDay = day;
        } else if (day > newestDay) {
            long gap = Math.min(WINDOW_DAYS, day - newestDay);
            for (long d = 1; d <= gap; d++) daily[slot(newestDay + d)] = 0;
            newestDay = day;
        }
        if (day > newestDay - WINDOW_DAYS) {
            if (daily[slot(day)] == 0) activeDays++;
            daily[slot(day)]++;
        }
        totalEvents++;
    }

    private void touch(int activity) {
        touched = SortedInts.with(touched, activity);
    }

    private static int slot(long day) {
        return (int) Math.floorMod(day, (long) WINDOW_DAYS);
    }

    /** Events on the days {@code fromDay..toDay} (inclusive) that lie within the kept window. */
    public int eventsBetween(long fromDay, long toDay) {
        if (newestDay == Long.MIN_VALUE) return 0;
        int sum = 0;
        for (long d = Math.max(fromDay, newestDay - WINDOW_DAYS + 1); d <= Math.min(toDay, newestDay); d++) {
            sum += daily[slot(d)];
        }
        return sum;
    }

    /** Active days among {@code fromDay..toDay} within the kept window. */
    public int activeDaysBetween(long fromDay, long toDay) {
        if (newestDay == Long.MIN_VALUE) return 0;
        int sum = 0;
        for (long d = Math.max(fromDay, newestDay - WINDOW_DAYS + 1); d <= Math.min(toDay, newestDay); d++) {
            if (daily[slot(d)] > 0) sum++;
        }
        return sum;
    }

    public Long registered() { return registered; }
    public Long withdrawn() { return withdrawn; }
    public Long firstActivity() { return firstActivity; }
    public Long lastActivity() { return lastActivity; }
    public long totalEvents() { return totalEvents; }
    public int activeDays() { return activeDays; }
    public int distinctActivities() { return touched.length; }
    public Map<String, Submission> submissions() { return submissions; }
    public long newestDay() { return newestDay; }
    public int[] dailyWindow() { return daily.clone(); }
    public int[] touched() { return touched.clone(); }

    /** Rebuilds a state from its stored parts (the inverse of the accessors above). */
    public static StudentActivity restore(Long registered, Long withdrawn, Long firstActivity, Long lastActivity, long newestDay,
            int[] daily, long totalEvents, int activeDays, int[] touched, Map<String, Submission> submissions) {
        StudentActivity s = new StudentActivity();
        s.registered = registered;
        s.withdrawn = withdrawn;
        s.firstActivity = firstActivity;
        s.lastActivity = lastActivity;
        s.newestDay = newestDay;
        System.arraycopy(daily, 0, s.daily, 0, WINDOW_DAYS);
        s.totalEvents = totalEvents;
        s.activeDays = activeDays;
        s.touched = touched.clone();
        s.submissions.putAll(submissions);
        return s;
    }
}

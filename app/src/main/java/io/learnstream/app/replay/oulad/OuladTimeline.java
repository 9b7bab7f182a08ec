package io.learnstream.app.replay.oulad;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The events of presentations in the order the replay sends them: by timestamp; at the same instant by class
 * (in the data's order), then registrations before withdrawals and VLE activity before submissions, then by the
 * row's line (registrations and withdrawals by the students' order in {@code studentInfo}). A total, deterministic
 * order: the events of one presentation come in the same relative order alone or merged with others.
 */
public final class OuladTimeline {
    private OuladTimeline() {}

    /** One presentation's events, in order. */
    public static List<OuladEvent> of(OuladPresentation presentation) {
        return of(List.of(presentation));
    }

    /** The events of several presentations merged into one order. */
    public static List<OuladEvent> of(List<OuladPresentation> presentations) {
        List<Ranked> ranked = new ArrayList<>();
        for (int p = 0; p < presentations.size(); p++) {
            OuladPresentation presentation = presentations.get(p);
            int order = 0;
            for (OuladStudent student : presentation.students().values()) {
                if (student.registrationDay().isPresent()) {
                    int day = student.registrationDay().getAsInt();
                    ranked.add(new Ranked(new OuladEvent.Registration(presentation.id(), student.id(), day,
                            OuladCalendar.enrollmentTime(presentation.start(), day)), p, 0, order));
                }
                if (student.unregistrationDay().isPresent()) {
                    int day = student.unregistrationDay().getAsInt();
                    ranked.add(new Ranked(new OuladEvent.Withdrawal(presentation.id(), student.id(), day,
                            OuladCalendar.enrollmentTime(presentation.start(), day)), p, 1, order));
                }
                order++;
            }
            for (OuladEvent.VleActivity activity : presentation.vleActivity()) ranked.add(new Ranked(activity, p, 2, activity.line()));
            for (OuladEvent.Submission submission : presentation.submissions()) ranked.add(new Ranked(submission, p, 3, submission.line()));
        }
        ranked.sort(Comparator.comparing((Ranked r) -> r.event().timestamp()).thenComparingInt(Ranked::presentation)
                .thenComparingInt(Ranked::kind).thenComparingLong(Ranked::place));
        List<OuladEvent> events = new ArrayList<>(ranked.size());
        for (Ranked r : ranked) events.add(r.event());
        return events;
    }

    /**
     * Ordered events cut into consecutive steps of event time: each step starts with the first event not in an
     * earlier one and holds the events less than {@code step} after it. A zero step is one step of everything.
     */
    public static List<List<OuladEvent>> steps(List<OuladEvent> events, Duration step) {
        if (step.isNegative()) throw new IllegalArgumentException("a step must not be negative, was " + step);
        if (step.isZero()) return events.isEmpty() ? List.of() : List.of(events);
        List<List<OuladEvent>> steps = new ArrayList<>();
        int from = 0;
        while (from < events.size()) {
            Instant end = events.get(from).timestamp().plus(step);
            int to = from + 1;
            while (to < events.size() && events.get(to).timestamp().isBefore(end)) to++;
            steps.add(events.subList(from, to));
            from = to;
        }
        return steps;
    }

    /** An event and what breaks ties of its timestamp. */
    private record Ranked(OuladEvent event, int presentation, int kind, long place) {}
}

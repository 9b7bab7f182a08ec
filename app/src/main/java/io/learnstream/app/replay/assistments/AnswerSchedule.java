package io.learnstream.app.replay.assistments;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * When each answer of a file happens on the replay's event clock. The files carry no usable times (Gervet's
 * timestamps are 0), only each user's order, so answer k of every user (counted from 0) is at minute k after the
 * start, and answers are sent in that order: all users' first answers, then all second answers, and so on, as a
 * class working through a problem set side by side. Each user's answers are strictly increasing in time, and the
 * stream time never runs ahead of an answer by more than a minute, well within the mastery grace period.
 */
public final class AnswerSchedule {
    /** An answer and its place: {@code index} is the user's k-th answer. */
    public record Scheduled(AssistmentsRow row, int index) {}

    private AnswerSchedule() {}

    public static List<Scheduled> of(List<AssistmentsRow> rows) {
        Map<String, List<AssistmentsRow>> byUser = new LinkedHashMap<>();
        for (AssistmentsRow row : rows) byUser.computeIfAbsent(row.userId(), u -> new ArrayList<>()).add(row);
        int longest = byUser.values().stream().mapToInt(List::size).max().orElse(0);
        List<Scheduled> out = new ArrayList<>(rows.size());
        for (int k = 0; k < longest; k++) {
            for (List<AssistmentsRow> answers : byUser.values()) {
                if (k < answers.size()) out.add(new Scheduled(answers.get(k), k));
            }
        }
        return out;
    }
}

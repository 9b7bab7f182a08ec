package io.learnstream.app.replay.assistments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerScheduleTest {
    @Test
    void shouldSendEveryUsersKthAnswerBeforeAnyoneIsNext() {
        // given Ann answered three items and Bob two, the file listing each user's answers together
        AssistmentsRow a0 = row("ann", "1"), a1 = row("ann", "2"), a2 = row("ann", "3");
        AssistmentsRow b0 = row("bob", "1"), b1 = row("bob", "4");

        List<AnswerSchedule.Scheduled> schedule = AnswerSchedule.of(List.of(a0, a1, a2, b0, b1));

        // then the replay sends the first answers, then the second ones, then Ann's third, each with its place
        assertThat(schedule).containsExactly(
                new AnswerSchedule.Scheduled(a0, 0), new AnswerSchedule.Scheduled(b0, 0),
                new AnswerSchedule.Scheduled(a1, 1), new AnswerSchedule.Scheduled(b1, 1),
                new AnswerSchedule.Scheduled(a2, 2));
    }

    @Test
    void shouldKeepEachUsersOrderWhenTheFileInterleavesThem() {
        AssistmentsRow a0 = row("ann", "1"), b0 = row("bob", "1"), a1 = row("ann", "2");

        assertThat(AnswerSchedule.of(List.of(a0, b0, a1))).extracting(AnswerSchedule.Scheduled::index).containsExactly(0, 0, 1);
    }

    private static AssistmentsRow row(String user, String item) {
        return new AssistmentsRow(0, user, item, true, "s");
    }
}

package io.learnstream.app.replay.oulad;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class OuladTimelineTest {
    private final OuladData data = OuladFixture.read();

    @Test
    void shouldGiveEveryEventOfAPresentationOnceInTimestampOrder() {
        OuladPresentation aaa = data.presentation(OuladFixture.AAA).orElseThrow();

        List<OuladEvent> events = OuladTimeline.of(aaa);

        assertThat(events).hasSize(aaa.statementCount()).isSortedAccordingTo(Comparator.comparing(OuladEvent::timestamp));
        assertThat(events.stream().filter(e -> e instanceof OuladEvent.Registration)).hasSize(3);
        assertThat(events.stream().filter(e -> e instanceof OuladEvent.Withdrawal)).singleElement()
                .satisfies(w -> assertThat(w.timestamp()).hasToString("2013-10-13T08:00:00Z"));
        // the first is the earliest registration (day -159), the last the exam (day 265)
        assertThat(events.getFirst()).isEqualTo(new OuladEvent.Registration(OuladFixture.AAA, "11391", -159,
                java.time.Instant.parse("2013-04-25T08:00:00Z")));
        assertThat(events.getLast()).isInstanceOf(OuladEvent.Submission.class).extracting(OuladEvent::day).isEqualTo(265);
    }

    @Test
    void shouldKeepIdenticalRowsApartInTheirFilesOrder() {
        List<OuladEvent> sameDay = OuladTimeline.of(data.presentation(OuladFixture.AAA).orElseThrow()).stream()
                .filter(e -> e instanceof OuladEvent.VleActivity && e.day() == -10).toList();

        assertThat(sameDay).extracting(e -> ((OuladEvent.VleActivity) e).line()).containsExactly(2L, 3L, 4L);
    }

    @Test
    void shouldMergePresentationsWithoutChangingTheOrderWithinEach() {
        List<OuladEvent> merged = OuladTimeline.of(data.presentations());

        assertThat(merged).hasSize(OuladFixture.STATEMENTS).isSortedAccordingTo(Comparator.comparing(OuladEvent::timestamp));
        for (OuladPresentation presentation : data.presentations()) {
            assertThat(merged.stream().filter(e -> e.classId().equals(presentation.id())).toList()).isEqualTo(OuladTimeline.of(presentation));
        }
        // and the same every time
        assertThat(OuladTimeline.of(data.presentations())).isEqualTo(merged);
    }

    @Test
    void shouldCutTheEventsIntoStepsOfEventTimeEachStartingAtItsFirstEvent() {
        List<OuladEvent> events = OuladTimeline.of(data.presentations());

        List<List<OuladEvent>> steps = OuladTimeline.steps(events, Duration.ofDays(1));

        assertThat(steps.stream().flatMap(List::stream).toList()).isEqualTo(events);
        for (List<OuladEvent> step : steps) {
            assertThat(Duration.between(step.getFirst().timestamp(), step.getLast().timestamp())).isLessThan(Duration.ofDays(1));
        }
        for (int i = 1; i < steps.size(); i++) {
            assertThat(Duration.between(steps.get(i - 1).getFirst().timestamp(), steps.get(i).getFirst().timestamp()))
                    .isGreaterThanOrEqualTo(Duration.ofDays(1));
        }
        // the three VLE rows of day -10 and nothing else are one step; a zero step is everything at once
        assertThat(steps).anySatisfy(step -> assertThat(step).hasSize(3).allMatch(e -> e.day() == -10));
        assertThat(OuladTimeline.steps(events, Duration.ZERO)).containsExactly(events);
    }
}

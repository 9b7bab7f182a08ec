package io.learnstream.app.replay.oulad;

import static org.assertj.core.api.Assertions.assertThat;

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
}

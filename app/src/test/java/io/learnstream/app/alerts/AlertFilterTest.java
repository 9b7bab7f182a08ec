package io.learnstream.app.alerts;

import static io.learnstream.app.alerts.AlertRecords.closed;
import static io.learnstream.app.alerts.AlertRecords.open;
import static io.learnstream.app.alerts.AlertRecords.teacher;
import static org.assertj.core.api.Assertions.assertThat;

import io.learnstream.schemas.avro.Alert;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which alerts {@code alerts list} shows. */
class AlertFilterTest {
    private final Alert math = open("riverside", "math-7a", "st-1", 1, 0.8, teacher("t-rivera", true), teacher("t-okafor", false));
    private final Alert art = open("riverside", "art-2", "st-1", 2, 0.7, teacher("t-chen", true));
    private final Alert hillcrest = open("hillcrest", "math-7a", "st-9", 3, 0.9, teacher("t-rivera", true));
    private final Alert acknowledged = closed(open("riverside", "math-7a", "st-2", 0, 0.6, teacher("t-rivera", true)),
            "acknowledged", Instant.parse("2026-09-15T08:00:00Z"), "t-rivera");
    private final List<Alert> all = List.of(math, art, hillcrest, acknowledged);

    @Test
    void shouldShowEveryOpenAlertWhenNothingElseIsAsked() {
        // given
        AlertFilter filter = new AlertFilter(Optional.empty(), Optional.empty(), Optional.empty(), true);

        // when / then
        assertThat(all.stream().filter(filter::matches)).containsExactly(math, art, hillcrest);
    }

    @Test
    void shouldShowClosedAlertsTooWithStatusAll() {
        // given
        AlertFilter filter = new AlertFilter(Optional.of("riverside"), Optional.of("math-7a"), Optional.empty(), false);

        // when / then
        assertThat(all.stream().filter(filter::matches)).containsExactly(math, acknowledged);
    }

    @Test
    void shouldShowATeachersAlertsAsPrimaryTeacherOrCoTeacher() {
        // given
        AlertFilter rivera = new AlertFilter(Optional.of("riverside"), Optional.empty(), Optional.of("t-rivera"), true);
        AlertFilter okafor = new AlertFilter(Optional.empty(), Optional.empty(), Optional.of("t-okafor"), true);

        // when / then
        assertThat(all.stream().filter(rivera::matches)).containsExactly(math);
        assertThat(all.stream().filter(okafor::matches)).containsExactly(math);
    }

    @Test
    void shouldShowOneClassesAlertsAcrossDistrictsWithoutADistrict() {
        // given
        AlertFilter filter = new AlertFilter(Optional.empty(), Optional.of("math-7a"), Optional.empty(), true);

        // when / then
        assertThat(all.stream().filter(filter::matches)).containsExactly(math, hillcrest);
    }
}

package io.learnstream.app.alerts;

import static io.learnstream.app.alerts.AlertRecords.open;
import static io.learnstream.app.alerts.AlertRecords.teacher;
import static org.assertj.core.api.Assertions.assertThat;

import io.learnstream.schemas.avro.Alert;
import io.learnstream.sinks.spi.QueryResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The table {@code alerts list} prints. */
class AlertListingTest {
    @Test
    void shouldListAlertsNewestRaisedFirstWithTheirTeachersPrimaryMarked() {
        // given
        Alert older = open("riverside", "math-7a", "st-1", 1, 0.8, teacher("t-rivera", true), teacher("t-okafor", false));
        Alert newer = open("riverside", "art-2", "st-2", 5, 0.654, teacher("t-chen", true));

        // when
        QueryResult table = AlertListing.table(List.of(older, newer));

        // then
        assertThat(table.columnNames()).containsExactly("id", "class", "student", "factor", "probability", "raised", "status",
                "teachers", "text");
        assertThat(table.rows()).containsExactly(
                List.of(newer.getAlertId(), "art-2", "st-2", "silence", "0.65", "2026-09-14T13:00:00Z", "open", "t-chen (primary)",
                        "65% risk: no activity for 9 days"),
                List.of(older.getAlertId(), "math-7a", "st-1", "silence", "0.80", "2026-09-14T09:00:00Z", "open",
                        "t-rivera (primary), t-okafor", "80% risk: no activity for 9 days"));
    }

    @Test
    void shouldNeverCutAnAlertsIdSoItCanBeAnswered() {
        // given an alert id as long as a real one (a pseudonymous student key is a 64-character hash)
        Alert alert = open("riverside", "northside-math-6-2", "a".repeat(64), 1, 0.8, teacher("t-rivera", true));

        // when
        String printed = AlertListing.render(List.of(alert));

        // then
        assertThat(printed).contains(alert.getAlertId()).contains("(1 row)");
    }
}

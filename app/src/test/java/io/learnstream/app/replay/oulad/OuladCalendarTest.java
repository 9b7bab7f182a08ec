package io.learnstream.app.replay.oulad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class OuladCalendarTest {
    @Test
    void shouldStartBPresentationsInFebruaryAndJPresentationsInOctober() {
        assertThat(OuladCalendar.start("2013B")).isEqualTo(LocalDate.of(2013, 2, 1));
        assertThat(OuladCalendar.start("2014J")).isEqualTo(LocalDate.of(2014, 10, 1));
    }

    @Test
    void shouldTakeAnyLetterFromAToLAsTheMonthOfItsPlaceInTheAlphabet() {
        assertThat(OuladCalendar.start("2015A")).isEqualTo(LocalDate.of(2015, 1, 1));
        assertThat(OuladCalendar.start("2015D")).isEqualTo(LocalDate.of(2015, 4, 1));
        assertThat(OuladCalendar.start("2015L")).isEqualTo(LocalDate.of(2015, 12, 1));
    }

    @Test
    void shouldRefuseOtherCodes() {
        for (String code : new String[] {"2013M", "13J", "2013j", "2013", "J2013"}) {
            assertThatThrownBy(() -> OuladCalendar.start(code)).as(code).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("presentation '" + code + "'");
        }
    }

    @Test
    void shouldPutActivityAtNoonAndEnrollmentAtEightOfTheDayCountedFromTheStart() {
        LocalDate start = LocalDate.of(2013, 10, 1);

        assertThat(OuladCalendar.eventTime(start, 0)).isEqualTo(Instant.parse("2013-10-01T12:00:00Z"));
        assertThat(OuladCalendar.eventTime(start, 19)).isEqualTo(Instant.parse("2013-10-20T12:00:00Z"));
        assertThat(OuladCalendar.enrollmentTime(start, -159)).isEqualTo(Instant.parse("2013-04-25T08:00:00Z"));
    }
}

package io.learnstream.app.eval.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnstream.app.replay.oulad.OuladData;
import io.learnstream.app.replay.oulad.OuladPresentation;
import io.learnstream.app.replay.oulad.OuladStudent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RiskCohortTest {
    @TempDir
    Path dir;

    /** AAA-2014J (from 2014-10-01): 1 passes (registered day -10), 2 fails (registered day 20), 3 withdraws on day 28, 4 has no registration date. */
    private OuladPresentation presentation() throws Exception {
        Files.write(dir.resolve("courses.csv"), List.of("code_module,code_presentation,module_presentation_length", "AAA,2014J,100"));
        Files.write(dir.resolve("assessments.csv"), List.of("code_module,code_presentation,id_assessment,assessment_type,date,weight", "AAA,2014J,1,TMA,19,100"));
        Files.write(dir.resolve("vle.csv"), List.of("id_site,code_module,code_presentation,activity_type,week_from,week_to"));
        Files.write(dir.resolve("studentInfo.csv"), List.of("code_module,code_presentation,id_student,gender,region,highest_education,imd_band,"
                        + "age_band,num_of_prev_attempts,studied_credits,disability,final_result",
                "AAA,2014J,1,F,Wales,HE Qualification,10-20%,0-35,0,60,N,Pass", "AAA,2014J,2,M,Wales,HE Qualification,,35-55,0,60,Y,Fail",
                "AAA,2014J,3,M,Wales,HE Qualification,20-30%,0-35,0,60,N,Withdrawn", "AAA,2014J,4,F,Wales,HE Qualification,20-30%,0-35,0,60,N,Pass"));
        Files.write(dir.resolve("studentRegistration.csv"), List.of("code_module,code_presentation,id_student,date_registration,date_unregistration",
                "AAA,2014J,1,-10,", "AAA,2014J,2,20,", "AAA,2014J,3,-10,28", "AAA,2014J,4,,"));
        Files.write(dir.resolve("studentAssessment.csv"), List.of("id_assessment,id_student,date_submitted,is_banked,score"));
        Files.write(dir.resolve("studentVle.csv"), List.of("code_module,code_presentation,id_student,id_site,date,sum_click"));
        return OuladData.read(dir).presentations().getFirst();
    }

    @Test
    void shouldCountAStudentAtAWeekWhenRegisteredBeforeItsMidnightAndNotWithdrawnBeforeIt() throws Exception {
        Map<String, OuladStudent> students = presentation().students();

        // registered on day -10: every week; on day 20: from week 3 (day 21); withdrawn on day 28: up to week 4; no date: never
        assertThat(RiskCohort.counts(students.get("1"), 14)).isTrue();
        assertThat(RiskCohort.counts(students.get("2"), 14)).isFalse();
        assertThat(RiskCohort.counts(students.get("2"), 21)).isTrue();
        assertThat(RiskCohort.counts(students.get("2"), 20)).isFalse();
        assertThat(RiskCohort.counts(students.get("3"), 28)).isTrue();
        assertThat(RiskCohort.counts(students.get("3"), 35)).isFalse();
        assertThat(RiskCohort.counts(students.get("4"), 56)).isFalse();
        // and the groups are studentInfo's, an empty IMD band as unknown
        assertThat(RiskCohort.groups(students.get("2"))).containsExactly(Map.entry("gender", "M"), Map.entry("age_band", "35-55"),
                Map.entry("imd_band", RiskCohort.UNKNOWN), Map.entry("disability", "Y"));
    }

    @Test
    void shouldJoinTheWeeklyRecordsToTheStudentsCountedAndTheFirstFlagsToTheWithdrawals() throws Exception {
        OuladPresentation p = presentation();
        // given weekly records of weeks 2 and 4 for students 1 and 3, of week 4 for 2, and one for 2 at week 2 (not registered yet)
        List<RiskCohort.WeekRecord> records = new ArrayList<>();
        for (String s : List.of("1", "3")) for (int week : List.of(2, 4)) records.add(new RiskCohort.WeekRecord(p.id(), "k" + s, 7 * week, 0.5, false, 9));
        records.add(new RiskCohort.WeekRecord(p.id(), "k2", 28, 0.8, true, 9));
        records.add(new RiskCohort.WeekRecord(p.id(), "k2", 14, 0.8, true, 9));
        // and student 3 first flagged on day 14, before withdrawing on day 28 at 08:00
        long flagged = Instant.parse("2014-10-15T00:00:00Z").toEpochMilli();

        // when joined, for weeks 2, 4 and 8
        RiskCohort.Joined joined = RiskCohort.join(List.of(p), s -> "k" + s.id(), List.of(2, 4, 8), records, Map.of(p.id() + "/k3", flagged));

        // then 5 counted students have their record, with their labels; week 8's student 1 and 2 have none; one record is of a student not counted
        assertThat(joined.scored()).extracting(ScoredStudent::studentId, ScoredStudent::week, ScoredStudent::atRisk).containsExactly(
                org.assertj.core.groups.Tuple.tuple("1", 2, false), org.assertj.core.groups.Tuple.tuple("1", 4, false),
                org.assertj.core.groups.Tuple.tuple("2", 4, true), org.assertj.core.groups.Tuple.tuple("3", 2, true),
                org.assertj.core.groups.Tuple.tuple("3", 4, true));
        assertThat(joined.counted().get(p.id())).containsExactly(Map.entry(2, 2), Map.entry(4, 3), Map.entry(8, 2));
        assertThat(joined.missing()).isEqualTo(2);
        assertThat(joined.uncounted()).containsExactly(Map.entry(2, 1));
        // and the withdrawal of student 3 was warned 2 weeks and 8 hours ahead
        assertThat(joined.withdrawals()).singleElement().satisfies(w -> {
            assertThat(w.studentId()).isEqualTo("3");
            assertThat(w.withdrewAt()).isEqualTo(Instant.parse("2014-10-29T08:00:00Z").toEpochMilli());
            assertThat(w.leadWeeks()).isEqualTo(2 + 8 / (7 * 24.0));
        });
    }
}

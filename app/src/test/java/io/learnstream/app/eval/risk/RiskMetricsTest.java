package io.learnstream.app.eval.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RiskMetricsTest {
    private static ScoredStudent row(String classId, int week, double p, boolean flagged, boolean atRisk, String gender) {
        return new ScoredStudent(classId, "s" + p, week, p, flagged, atRisk, Map.of("gender", gender));
    }

    @Test
    void shouldScoreTheProbabilitiesByAucAndTheFlagsByPrecisionRecallAndFalsePositiveRate() {
        // given four students: two at risk (0.9 flagged, 0.4 not), two not (0.6 flagged, 0.1 not)
        List<ScoredStudent> rows = List.of(row("A", 4, 0.9, true, true, "F"), row("A", 4, 0.4, false, true, "F"),
                row("A", 4, 0.6, true, false, "M"), row("A", 4, 0.1, false, false, "M"));

        // when scored
        RiskMetrics.Scores s = RiskMetrics.scores(rows);

        // then 3 of the 4 (at risk, not) pairs are ordered right; one flag of two is right; one at-risk student of two flagged; one of two others flagged
        assertThat(s.auc()).isEqualTo(0.75);
        assertThat(s.precision()).isEqualTo(0.5);
        assertThat(s.recall()).isEqualTo(0.5);
        assertThat(s.fpr()).isEqualTo(0.5);
        assertThat(s.n()).isEqualTo(4);
        assertThat(s.atRisk()).isEqualTo(2);
        assertThat(s.flagged()).isEqualTo(2);
    }

    @Test
    void shouldLeaveWhatCannotBeMeasuredUndefined() {
        // given students none of whom is flagged, all at risk
        RiskMetrics.Scores s = RiskMetrics.scores(List.of(row("A", 2, 0.3, false, true, "F"), row("A", 2, 0.2, false, true, "M")));

        // then neither AUC, precision nor the false-positive rate is a number, and recall is 0
        assertThat(s.auc()).isNaN();
        assertThat(s.precision()).isNaN();
        assertThat(s.fpr()).isNaN();
        assertThat(s.recall()).isZero();
    }

    @Test
    void shouldSplitByPresentationInTheirOrderAndByWeekAscending() {
        List<ScoredStudent> rows = List.of(row("B", 8, 0.9, true, true, "F"), row("B", 2, 0.8, true, false, "F"), row("A", 4, 0.7, false, false, "M"));

        Map<String, Map<Integer, RiskMetrics.Scores>> split = RiskMetrics.byPresentationAndWeek(rows);

        assertThat(split.keySet()).containsExactly("B", "A");
        assertThat(split.get("B").keySet()).containsExactly(2, 8);
        assertThat(RiskMetrics.byWeek(rows).keySet()).containsExactly(2, 4, 8);
        assertThat(RiskMetrics.byWeek(rows).get(8).n()).isEqualTo(1);
    }

    @Test
    void shouldScoreEachGroupAndTakeTheGapBetweenGroupsLargeEnoughOnly() {
        // given 60 women ranked perfectly, 60 men ranked at chance, and 4 of another group ranked the wrong way round
        List<ScoredStudent> rows = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            rows.add(new ScoredStudent("A", "f" + i, 8, i < 30 ? 0.9 : 0.1, i < 30, i < 30, Map.of("gender", "F")));
            rows.add(new ScoredStudent("A", "m" + i, 8, 0.5, false, i % 2 == 0, Map.of("gender", "M")));
        }
        for (int i = 0; i < 4; i++) rows.add(new ScoredStudent("A", "x" + i, 8, i < 2 ? 0.1 : 0.9, i >= 2, i < 2, Map.of("gender", "X")));

        // when grouped
        RiskMetrics.Attribute gender = RiskMetrics.groups(rows).get("gender");

        // then each group has its AUC and false-positive rate, and the gap is between F and M only (X has fewer than 50)
        assertThat(gender.groups().keySet()).containsExactly("F", "M", "X");
        assertThat(gender.groups().get("F").auc()).isEqualTo(1.0);
        assertThat(gender.groups().get("M").auc()).isEqualTo(0.5);
        assertThat(gender.groups().get("X").auc()).isZero();
        assertThat(gender.groups().get("X").fpr()).isEqualTo(1.0);
        assertThat(gender.aucGap()).isEqualTo(0.5);
        assertThat(gender.highest()).isEqualTo("F");
        assertThat(gender.lowest()).isEqualTo("M");
        assertThat(RiskMetrics.largestGap(Map.of("gender", gender, "none", new RiskMetrics.Attribute(Map.of(), Double.NaN, null, null))))
                .isEqualTo(0.5);
    }

    @Test
    void shouldMeasureTheWarningBeforeEachWithdrawalInWeeks() {
        long week = RiskMetrics.WEEK_MILLIS;
        // given three withdrawals warned 3, 1 and 4 weeks ahead, and one never warned
        List<RiskMetrics.Withdrawal> withdrawals = List.of(new RiskMetrics.Withdrawal("A", "1", 10 * week, 7 * week),
                new RiskMetrics.Withdrawal("A", "2", 10 * week, 9 * week), new RiskMetrics.Withdrawal("A", "3", 10 * week, 6 * week),
                new RiskMetrics.Withdrawal("A", "4", 10 * week, null));

        // when their lead times are taken
        RiskMetrics.LeadTimes lead = RiskMetrics.leadTimes(withdrawals);

        // then three were warned, the median 3 weeks, and two of the four at least 2 weeks ahead
        assertThat(lead.withdrawn()).isEqualTo(4);
        assertThat(lead.warned()).isEqualTo(3);
        assertThat(lead.medianWeeks()).isEqualTo(3.0);
        assertThat(lead.warnedInTime()).isEqualTo(2);
        assertThat(lead.shareWarnedInTime()).isCloseTo(0.5, within(1e-12));
        assertThat(withdrawals.get(3).leadWeeks()).isNaN();
        assertThat(RiskMetrics.median(new double[] {1, 2})).isEqualTo(1.5);
        assertThat(RiskMetrics.leadTimes(List.of()).medianWeeks()).isNaN();
    }
}

package io.learnstream.streams.risk.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RiskModelTest {
    private static final long START = Days.start(20_000);
    private static final long NOON = 12 * 3_600_000L;

    private static long day(int d) {
        return START + d * Days.MILLIS + NOON;
    }

    private static ClassContext context(List<ClassContext.LineItem> items) {
        return new ClassContext(START, items, 10, ActivityDistribution.empty(), true);
    }

    @Test
    void shouldCountSilentDaysFromTheLastActivity() {
        StudentActivity s = StudentActivity.empty();
        s.apply(RiskEvent.registered(day(-3)));
        s.apply(RiskEvent.activity(day(1), "a"));

        RiskFeatures.Vector f = RiskFeatures.of(s, context(List.of()), Days.start(Days.of(day(10))), null);

        assertThat(f.silentDays()).isEqualTo(9);
        assertThat(f.day()).isEqualTo(10);
        assertThat(f.values()[RiskFeatures.SILENCE]).isEqualTo(Math.log1p(9));
    }

    @Test
    void shouldCountTheLastSevenFullDaysAtAMidnightTick() {
        StudentActivity s = StudentActivity.empty();
        for (int d = 0; d < 14; d++) s.apply(RiskEvent.activity(day(d), "a" + d));

        long tick = Days.start(Days.of(day(14)));

        assertThat(RiskFeatures.events7(s, tick)).isEqualTo(7);
        RiskFeatures.Vector f = RiskFeatures.of(s, context(List.of()), tick, null);
        assertThat(f.eventsPrevious7()).isEqualTo(7);
        assertThat(f.values()[RiskFeatures.ACTIVE_DAYS_28D]).isEqualTo(1.0);
    }

    @Test
    void shouldCountAnAssignmentMissedOnlyAfterItsDueDay() {
        StudentActivity s = StudentActivity.empty();
        s.apply(RiskEvent.submission(day(12), "late-one", 0.5));
        List<ClassContext.LineItem> items = List.of(
                new ClassContext.LineItem("missed-one", START + 5 * Days.MILLIS),
                new ClassContext.LineItem("late-one", START + 8 * Days.MILLIS),
                new ClassContext.LineItem("not-yet", START + 20 * Days.MILLIS));

        RiskFeatures.Vector f = RiskFeatures.of(s, context(items), Days.start(Days.of(day(14))), null);

        assertThat(f.due()).isEqualTo(2);
        assertThat(f.missed()).isEqualTo(1);
        assertThat(f.late()).isEqualTo(1);
        assertThat(f.meanScore()).isEqualTo(0.5);
    }

    @Test
    void shouldPlaceAStudentWithinTheClassDistribution() {
        ActivityDistribution d = ActivityDistribution.empty();
        for (int i = 0; i < 100; i++) d.add(i);

        assertThat(d.percentile(5)).isBetween(0.04, 0.08);
        assertThat(d.percentile(90)).isBetween(0.88, 0.93);
        assertThat(ActivityDistribution.fromBytes(d.toBytes()).percentile(50)).isBetween(0.47, 0.53);
    }

    @Test
    void shouldNameSilenceAndMissedAssignmentsAsReasonsWithTheirNumbers() {
        StudentActivity s = StudentActivity.empty();
        s.apply(RiskEvent.activity(day(1), "a"));
        List<ClassContext.LineItem> items = List.of(new ClassContext.LineItem("x", START + 3 * Days.MILLIS),
                new ClassContext.LineItem("y", START + 5 * Days.MILLIS), new ClassContext.LineItem("z", START + 30 * Days.MILLIS));
        RiskFeatures.Vector f = RiskFeatures.of(s, context(items), Days.start(Days.of(day(10))), null);
        double[] weights = new double[RiskFeatures.NAMES.size()];
        weights[RiskFeatures.SILENCE] = 1.0;
        weights[RiskFeatures.MISSED_SHARE] = 2.0;
        RiskModel model = new RiskModel(1, List.of(0), Map.of(RiskModel.key(RiskModel.WITH_ACTIVITY, 0),
                new RiskModel.Coefficients(-1, weights, new double[weights.length])), 0.7, 0.5);

        RiskModel.Score score = model.score(f, true);
        List<RiskReasons.Reason> reasons = RiskReasons.top(f, score.contributions(), 3);

        assertThat(score.probability()).isEqualTo(1 / (1 + Math.exp(-(-1 + Math.log1p(9) + 2.0))));
        assertThat(reasons).extracting(RiskReasons.Reason::text)
                .containsExactly("no activity for 9 days", "2 of 2 assignments missed");
    }

    @Test
    void shouldRecoverTheDirectionAndSizeOfKnownCoefficients() {
        Random random = new Random(7);
        List<RiskFitter.Snapshot> rows = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            double[] v = new double[RiskFeatures.NAMES.size()];
            v[RiskFeatures.SILENCE] = random.nextDouble() * 3;
            v[RiskFeatures.MISSED_SHARE] = random.nextDouble();
            v[RiskFeatures.ACTIVITY_7D] = random.nextDouble() * 4;
            double z = -0.5 + 1.2 * (v[RiskFeatures.SILENCE] - 1.5) + 2.0 * (v[RiskFeatures.MISSED_SHARE] - 0.5)
                    - 0.8 * (v[RiskFeatures.ACTIVITY_7D] - 2);
            boolean atRisk = random.nextDouble() < 1 / (1 + Math.exp(-z));
            RiskFeatures.Vector f = new RiskFeatures.Vector(v, 14, 0, 0, 0, 0.5, 0, 0, 0, 0, null, null, 0, 0);
            rows.add(new RiskFitter.Snapshot(f, true, atRisk));
        }

        RiskModel model = new RiskFitter(10).fit(rows, List.of(0), 0.7, 0.5, 1);

        RiskModel.Coefficients c = model.sets().get(RiskModel.key(RiskModel.WITH_ACTIVITY, 0));
        assertThat(c.weights()[RiskFeatures.SILENCE]).isCloseTo(1.2, org.assertj.core.data.Offset.offset(0.1));
        assertThat(c.weights()[RiskFeatures.MISSED_SHARE]).isCloseTo(2.0, org.assertj.core.data.Offset.offset(0.15));
        assertThat(c.weights()[RiskFeatures.ACTIVITY_7D]).isCloseTo(-0.8, org.assertj.core.data.Offset.offset(0.1));
        assertThat(c.intercept()).isCloseTo(-0.5, org.assertj.core.data.Offset.offset(0.1));
    }

    @Test
    void shouldDropAFactorPointingAgainstWhatATeacherExpects() {
        Random random = new Random(3);
        List<RiskFitter.Snapshot> rows = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            double[] v = new double[RiskFeatures.NAMES.size()];
            v[RiskFeatures.ACTIVITY_7D] = random.nextDouble() * 4;
            boolean atRisk = random.nextDouble() < 1 / (1 + Math.exp(-(v[RiskFeatures.ACTIVITY_7D] - 2)));  // more activity, more risk
            rows.add(new RiskFitter.Snapshot(new RiskFeatures.Vector(v, 0, 0, 0, 0, 0.5, 0, 0, 0, 0, null, null, 0, 0), true, atRisk));
        }

        RiskModel model = new RiskFitter(1).fit(rows, List.of(0), 0.7, 0.5, 1);

        assertThat(model.sets().get(RiskModel.key(RiskModel.WITH_ACTIVITY, 0)).weights()[RiskFeatures.ACTIVITY_7D]).isZero();
    }
}

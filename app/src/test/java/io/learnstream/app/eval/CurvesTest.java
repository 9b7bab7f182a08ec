package io.learnstream.app.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class CurvesTest {
    @Test
    void shouldTraceTheRocCurveThresholdByThreshold() {
        // given scores 0.9 (positive), 0.8 (negative), 0.7 (positive), 0.1 (negative)
        double[] predicted = {0.9, 0.8, 0.7, 0.1};
        boolean[] actual = {true, false, true, false};

        List<Curves.RocPoint> roc = Curves.roc(predicted, actual, 100);

        assertThat(roc).containsExactly(new Curves.RocPoint(0, 0), new Curves.RocPoint(0, 0.5), new Curves.RocPoint(0.5, 0.5),
                new Curves.RocPoint(0.5, 1), new Curves.RocPoint(1, 1));
    }

    @Test
    void shouldMoveDiagonallyThroughTiedScores() {
        List<Curves.RocPoint> roc = Curves.roc(new double[] {0.5, 0.5}, new boolean[] {true, false}, 100);

        assertThat(roc).containsExactly(new Curves.RocPoint(0, 0), new Curves.RocPoint(1, 1));
    }

    @Test
    void shouldThinALongCurveKeepingBothEnds() {
        int n = 1000;
        double[] predicted = new double[n];
        boolean[] actual = new boolean[n];
        for (int i = 0; i < n; i++) {
            predicted[i] = i / (double) n;
            actual[i] = i % 3 == 0;
        }

        List<Curves.RocPoint> roc = Curves.roc(predicted, actual, 50);

        assertThat(roc).hasSize(50);
        assertThat(roc.getFirst()).isEqualTo(new Curves.RocPoint(0, 0));
        assertThat(roc.getLast()).isEqualTo(new Curves.RocPoint(1, 1));
    }

    @Test
    void shouldBinPredictionsWithTheirObservedRate() {
        double[] predicted = {0.05, 0.15, 0.12, 0.95, 1.0};
        boolean[] actual = {false, true, false, true, true};

        List<Curves.CalibrationBin> bins = Curves.calibration(predicted, actual, 10);

        assertThat(bins).extracting(Curves.CalibrationBin::count).containsExactly(1L, 2L, 2L);
        Curves.CalibrationBin second = bins.get(1);
        assertThat(second.lower()).isEqualTo(0.1);
        assertThat(second.meanPredicted()).isCloseTo(0.135, within(1e-12));
        assertThat(second.observed()).isEqualTo(0.5);
        // a prediction of exactly 1 is in the last bin
        assertThat(bins.get(2).observed()).isEqualTo(1.0);
    }
}

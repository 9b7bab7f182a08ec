package io.learnstream.app.eval.risk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.learnstream.app.replay.oulad.OuladData;
import io.learnstream.app.replay.oulad.OuladReplay;
import io.learnstream.app.risk.SyntheticOulad;
import io.learnstream.streams.risk.model.RiskModelEntries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RiskReportTest {
    @TempDir
    Path dir;

    @TempDir
    Path out;

    /** Weeks 2 to 12 of AAA (clicks: perfectly ranked) and BBB (no clicks: at chance); 60 students each, half at risk, half women. */
    private RiskEvaluation.Result result() throws Exception {
        OuladData data = OuladData.read(SyntheticOulad.write(dir));
        List<ScoredStudent> rows = new ArrayList<>();
        for (String classId : List.of(SyntheticOulad.AAA, SyntheticOulad.BBB)) {
            for (int week : RiskCohort.WEEKS) {
                for (int i = 0; i < 60; i++) {
                    boolean atRisk = i % 2 == 0;
                    double p = classId.equals(SyntheticOulad.AAA) ? (atRisk ? 0.9 : 0.1) : 0.5;
                    rows.add(new ScoredStudent(classId, "s" + i, week, p, p >= 0.7, atRisk, Map.of("gender", i < 30 ? "F" : "M",
                            "age_band", "0-35", "imd_band", RiskCohort.UNKNOWN, "disability", "N")));
                }
            }
        }
        RiskCohort.Joined joined = new RiskCohort.Joined(rows, Map.of(SyntheticOulad.AAA, Map.of(4, 61)), 1, Map.of(),
                List.of(new RiskMetrics.Withdrawal(SyntheticOulad.AAA, "21", 5 * RiskMetrics.WEEK_MILLIS, 2 * RiskMetrics.WEEK_MILLIS)));
        RiskEvaluation.Fit fit = new RiskEvaluation.Fit(Optional.empty(), Optional.empty(), RiskModelEntries.defaults(), 7, 0);
        return RiskEvaluation.score(fit, data, new OuladReplay.Outcome(100, 1, 2, 100, true), Map.of(7L, 500L), Map.of("week", 480L), joined, 3);
    }

    @Test
    void shouldWriteMetricsInTheAgreedShapeWithTheTargetsJudged() throws Exception {
        // when the report of a synthetic result is written
        RiskReport.write(out, result(), "./learnstream eval risk --data d --out o");

        // then metrics.json has per presentation and week auc, precision, recall and n, and per attribute and group auc and fpr
        JsonNode metrics = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
        JsonNode week4 = metrics.path("presentations").path(SyntheticOulad.AAA).path("week4");
        assertThat(week4.path("auc").asDouble()).isEqualTo(1.0);
        assertThat(week4.path("precision").asDouble()).isEqualTo(1.0);
        assertThat(week4.path("recall").asDouble()).isEqualTo(1.0);
        assertThat(week4.path("n").asInt()).isEqualTo(60);
        assertThat(metrics.path("presentations").path(SyntheticOulad.BBB).path("week8").path("auc").asDouble()).isEqualTo(0.5);
        // BBB flags no one: no precision to give
        assertThat(metrics.path("presentations").path(SyntheticOulad.BBB).path("week8").path("precision").isNull()).isTrue();
        assertThat(metrics.path("groups").path("gender").path("M").has("auc")).isTrue();
        assertThat(metrics.path("groups").path("gender").path("F").path("fpr").asDouble()).isZero();
        assertThat(metrics.path("presentations").fieldNames()).toIterable().containsExactly(SyntheticOulad.AAA, SyntheticOulad.BBB);
        // and the targets: AAA (clicks) meets its AUC targets, BBB (assessments only, at chance) does not
        assertThat(metrics.path("targets").path("auc_week4_with_clicks").asBoolean()).isTrue();
        assertThat(metrics.path("targets").path("auc_week8_with_clicks").asBoolean()).isTrue();
        assertThat(metrics.path("targets").path("auc_week8_assessments_only").asBoolean()).isFalse();
        assertThat(metrics.path("lead_time").path("median_weeks").asDouble()).isEqualTo(3.0);

        // and the report and every plot are there
        String report = Files.readString(out.resolve("report.md"));
        assertThat(report).contains("**met**", "**not met**", "shipped default model", "| AAA-2014J (clicks) | 4 | 61 | 60 |");
        for (String png : List.of("auc-by-week.png", "roc-week2.png", "roc-week12.png", "calibration.png", "groups-gender.png")) {
            assertThat(out.resolve(png)).isNotEmptyFile();
        }
    }
}

package io.learnstream.app.eval.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.learnstream.app.replay.oulad.OuladData;
import io.learnstream.app.risk.RiskSnapshots;
import io.learnstream.app.risk.SyntheticOulad;
import io.learnstream.streams.risk.model.RiskModel;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eval risk} end to end on the embedded stack, on the synthetic OULAD-shaped presentations. */
class RiskEvaluationIT {
    @TempDir
    Path data;

    @TempDir
    Path work;

    @TempDir
    Path out;

    @Test
    void shouldScoreTheWeeklyRecordsThePipelineWroteForEveryCountedStudentWithTheFittedModelAsTheFitterSawThem() throws Exception {
        // given the synthetic presentations, fitted on and scored (a check of the machinery, not evidence)
        OuladData oulad = OuladData.read(SyntheticOulad.write(data));
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());

        // when evaluated through the pipeline (the evaluation waits for the model and the risk history itself)
        RiskEvaluation.Result result = new RiskEvaluation(oulad, Optional.of(oulad), work, Optional.empty(), 2, Duration.ofDays(1), quiet).run();
        RiskReport.write(out, result, "eval risk (IT)");

        // then every counted student had their weekly record, and the only records of students not counted are those of AAA's student
        // without a registration date (the topology knows them by their VLE activity); all were scored by the fitted model. (Before the
        // replay waited for the intake to hold the roster, the registrations sent first had other student keys than the rest.)
        assertThat(result.joined().missing()).isZero();
        assertThat(result.joined().uncounted()).containsExactly(Map.entry(2, 1), Map.entry(4, 1), Map.entry(8, 1));
        assertThat(result.versions().keySet()).containsExactly(result.fit().version());
        // AAA: students 1 to 20, the one withdrawn on day 30 up to week 4, the one registered on day 10; week 12 is past both ends
        assertThat(result.joined().counted().get(SyntheticOulad.AAA)).containsExactly(Map.entry(2, 22), Map.entry(4, 22), Map.entry(8, 21));
        assertThat(result.joined().counted().get(SyntheticOulad.BBB)).containsExactly(Map.entry(2, 8), Map.entry(4, 8), Map.entry(8, 8));

        // and the pipeline's probabilities are the fitted model's on the fitter's own snapshots of those weeks
        RiskModel model = result.fit().model();
        for (RiskSnapshots.Presentation p : result.fit().training().orElseThrow().presentations()) {
            for (int week : List.of(2, 4, 8)) {
                double[] fitter = p.snapshots().stream().filter(s -> s.features().day() == 7L * week)
                        .mapToDouble(s -> model.score(s.features(), s.withActivityData()).probability()).sorted().toArray();
                double[] pipeline = result.joined().scored().stream().filter(s -> s.classId().equals(p.classId()) && s.week() == week)
                        .mapToDouble(ScoredStudent::probability).sorted().toArray();
                assertThat(pipeline).as("%s week %d", p.classId(), week).hasSameSizeAs(fitter);
                for (int i = 0; i < fitter.length; i++) assertThat(pipeline[i]).isCloseTo(fitter[i], within(1e-9));
            }
        }

        // and the student who withdrew was flagged before
        assertThat(result.joined().withdrawals()).singleElement().satisfies(w -> assertThat(w.firstFlag()).isNotNull());
        // and the report's figures are there
        JsonNode metrics = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
        assertThat(metrics.path("presentations").path(SyntheticOulad.AAA).path("week8").path("n").asInt()).isEqualTo(21);
        assertThat(metrics.path("groups").path("gender").path("F").has("auc")).isTrue();
    }
}

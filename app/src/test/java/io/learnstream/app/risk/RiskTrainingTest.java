package io.learnstream.app.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnstream.app.replay.oulad.OuladData;
import io.learnstream.streams.risk.model.RiskFitter;
import io.learnstream.streams.risk.model.RiskModel;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RiskTrainingTest {
    @TempDir
    Path dir;

    @Test
    void shouldFitEveryStageOfBothKindsOfClassAndSummarizeThem() throws Exception {
        // given the synthetic presentations, one with VLE activity and one without
        OuladData data = OuladData.read(SyntheticOulad.write(dir));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        // when the model is fitted on them
        RiskTraining.Result result = RiskTraining.fit(data, RiskFitter.DEFAULT_C, RiskTraining.HIGH, RiskTraining.LOW, 42,
                new PrintStream(printed, true, StandardCharsets.UTF_8));

        // then each kind has a fitted stage for each of the four stages, with the thresholds and the version asked for
        RiskModel model = result.model();
        assertThat(model.version()).isEqualTo(42);
        assertThat(model.stageWeeks()).isEqualTo(RiskTraining.STAGE_WEEKS);
        assertThat(model.sets().keySet()).containsExactlyInAnyOrder("activity/0", "activity/1", "activity/2", "activity/3",
                "assessments/0", "assessments/1", "assessments/2", "assessments/3");
        assertThat(model.high()).isEqualTo(RiskTraining.HIGH);
        assertThat(model.low()).isEqualTo(RiskTraining.LOW);
        // and the stages from week 3 on, when a TMA has been due, tell the students at risk from the others
        assertThat(result.stages()).filteredOn(s -> !s.key().endsWith("/0")).allSatisfy(s -> assertThat(s.auc()).isGreaterThan(0.9));
        assertThat(result.snapshots()).isEqualTo(result.stages().stream().mapToInt(RiskTraining.Stage::snapshots).sum());
        // and a higher threshold flags no more
        for (int i = 1; i < result.thresholds().size(); i++) {
            assertThat(result.thresholds().get(i).flaggedShare()).isLessThanOrEqualTo(result.thresholds().get(i - 1).flaggedShare());
        }
        // and the summary was printed
        String out = printed.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("AAA-2014J", "BBB-2014J", "activity/3", "assessments/0", "(the high threshold)");
    }
}

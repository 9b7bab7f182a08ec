package io.learnstream.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnstream.app.Main;
import io.learnstream.app.risk.RiskTraining;
import io.learnstream.app.risk.SyntheticOulad;
import io.learnstream.streams.risk.model.RiskModel;
import io.learnstream.streams.risk.model.RiskModelEntries;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fit risk --write}: no Kafka needed. */
class FitRiskCommandTest {
    @TempDir
    Path dir;

    @Test
    void shouldWriteTheModelFittedOnThePresentationsAskedForInTheFormatOfTheShippedDefaults() throws Exception {
        // given the synthetic presentations
        Path data = SyntheticOulad.write(dir.resolve("oulad"));
        Path file = dir.resolve("out/model.tsv");

        // when fitted on AAA alone and written
        int exit = Main.commandLine().execute("fit", "risk", "--data", data.toString(), "--presentations", SyntheticOulad.AAA,
                "--write", file.toString(), "--c", "0.5");

        // then the file reads back as a model of the activity kind only, with the default stages and thresholds
        assertThat(exit).isZero();
        RiskModel model;
        try (InputStream in = Files.newInputStream(file)) {
            model = RiskModelEntries.model(RiskModelEntries.read(in), 1);
        }
        assertThat(model.sets().keySet()).containsExactlyInAnyOrder("activity/0", "activity/1", "activity/2", "activity/3");
        assertThat(model.stageWeeks()).isEqualTo(RiskTraining.STAGE_WEEKS);
        assertThat(model.high()).isEqualTo(RiskTraining.HIGH);
        assertThat(model.low()).isEqualTo(RiskTraining.LOW);
    }

    @Test
    void shouldRefuseAnUnknownPresentationBeforeFitting() throws Exception {
        Path data = SyntheticOulad.write(dir.resolve("oulad"));

        int exit = Main.commandLine().execute("fit", "risk", "--data", data.toString(), "--presentations", "ZZZ-2014J");

        assertThat(exit).isNotZero();
    }
}

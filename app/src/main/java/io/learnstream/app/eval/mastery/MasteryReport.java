package io.learnstream.app.eval.mastery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.learnstream.app.eval.Curves;
import io.learnstream.app.eval.Plots;
import io.learnstream.streams.mastery.model.BinaryScores;
import io.learnstream.streams.mastery.model.RegularizationSearch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes an evaluation's {@code report.md}, {@code metrics.json} and PNG plots (ROC and calibration per model). */
public final class MasteryReport {
    /** Next-response AUC on the same ASSISTments 2009 split, Gervet et al. (2020), Table 3. */
    public static final Map<String, Double> PUBLISHED_AUC = publishedAuc();
    static final int ROC_POINTS = 400;
    static final int CALIBRATION_BINS = 10;

    private MasteryReport() {}

    public static void write(Path dir, MasteryEvaluation.Result result, String command) throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<String, double[]> model : result.predictions().byModel().entrySet()) {
            String name = model.getKey();
            double[] p = model.getValue();
            BinaryScores scores = result.scores().get(name);
            Plots.roc(dir.resolve("roc-" + name + ".png"), "ROC: " + name + " (pipeline predictions, test students)",
                    Curves.roc(p, result.predictions().actual(), ROC_POINTS), scores.auc());
            Plots.calibration(dir.resolve("calibration-" + name + ".png"), "Calibration: " + name,
                    Curves.calibration(p, result.predictions().actual(), CALIBRATION_BINS));
        }
        Files.writeString(dir.resolve("metrics.json"), metrics(result), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("report.md"), markdown(result, command), StandardCharsets.UTF_8);
    }

    static String metrics(MasteryEvaluation.Result result) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        ObjectNode models = root.putObject("models");
        result.scores().forEach((name, s) -> models.putObject(name).put("auc", round(s.auc())).put("rmse", round(s.rmse()))
                .put("log_loss", round(s.logLoss())).put("n", s.count()));
        ObjectNode published = root.putObject("published_auc");
        PUBLISHED_AUC.forEach(published::put);
        MasteryEvaluation.DataSummary d = result.data();
        root.putObject("data").put("train_answers", d.trainAnswers()).put("train_students", d.trainStudents())
                .put("test_answers", d.testAnswers()).put("test_students", d.testStudents())
                .put("test_items_unseen_in_train", d.testItemsUnseen()).put("test_skills_unseen_in_train", d.testSkillsUnseen());
        root.putObject("fit").put("chosen_c", result.fit().chosenC()).put("seconds", round(result.fitSeconds()));
        root.putObject("pipeline").put("statements", result.replay().statements()).put("predictions", result.predictions().count())
                .put("replay_seconds", round(result.replay().totalSeconds())).put("parameters_version", result.parametersVersion());
        root.put("total_seconds", round(result.totalSeconds()));
        return json.writeValueAsString(root) + "\n";
    }

    static String markdown(MasteryEvaluation.Result r, String command) {
        MasteryEvaluation.DataSummary d = r.data();
        StringBuilder md = new StringBuilder();
        md.append("# Mastery evaluation: next-answer prediction through the pipeline\n\n");
        md.append("Written by `").append(command).append("` on ").append(Instant.now().toString(), 0, 10).append(".\n\n");
        md.append("**Protocol.** Both models are fitted on `train` only. The test students' answers are then sent as xAPI statements ")
                .append("through the LRS front door, Kafka (intake, exactly once) and the mastery topology on the embedded stack; ")
                .append("every figure below scores the predictions the topology made *before* each answer, read back from ClickHouse ")
                .append("(`mastery_predictions`), against the outcome. Nothing of the test file is used for fitting.\n\n");
        md.append("## Results on the test students\n\n| model | AUC | RMSE | log-loss | answers |\n|---|---|---|---|---|\n");
        r.scores().forEach((name, s) -> md.append(String.format(Locale.ROOT, "| **%s** | **%.4f** | %.4f | %.4f | %,d |%n",
                name, s.auc(), s.rmse(), s.logLoss(), s.count())));
        md.append("\nPublished next-answer AUC on the same ASSISTments 2009 split (Gervet et al. 2020): ");
        List<String> published = PUBLISHED_AUC.entrySet().stream().map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue())).toList();
        md.append(String.join(", ", published)).append(". They apply only when the data is that split.\n\n");
        md.append("| model | ROC | calibration |\n|---|---|---|\n");
        r.scores().keySet().forEach(name -> md.append("| ").append(name).append(" | ![ROC ").append(name).append("](roc-").append(name)
                .append(".png) | ![calibration ").append(name).append("](calibration-").append(name).append(".png) |\n"));
        md.append("\n## Data\n\n");
        md.append(String.format(Locale.ROOT, "- train: %,d answers of %,d students%n", d.trainAnswers(), d.trainStudents()));
        md.append(String.format(Locale.ROOT, "- test: %,d answers of %,d students, %,d items (%,d never seen in train: cold start),"
                + " %,d skills (%,d never seen in train), %,d answers without a skill%n", d.testAnswers(), d.testStudents(), d.testItems(),
                d.testItemsUnseen(), d.testSkills(), d.testSkillsUnseen(), d.testAnswersWithoutSkill()));
        md.append("\n## Fitting (train only)\n\n");
        md.append("BKT per skill (prior, learn, guess, slip, forget) by EM; the logistic model (Best-LR features with recency and BKT's ")
                .append("mastery, see README) by L2-regularised maximum likelihood (liblinear). Its C was chosen by fitting each candidate ")
                .append("on 80% of the training students and scoring the other 20%:\n\n| C | logistic AUC (held-out train) | bkt AUC | fit |\n|---|---|---|---|\n");
        for (RegularizationSearch.Trial t : r.fit().trials()) {
            md.append(String.format(Locale.ROOT, "| %s%s | %.4f | %.4f | %.1f s |%n", t.c(), t.c() == r.fit().chosenC() ? " (chosen)" : "",
                    t.logisticAuc(), t.bktAuc(), t.fitMillis() / 1000.0));
        }
        md.append(String.format(Locale.ROOT, "%nFitting took %.1f s in all; the parameters were published as version %d and every one of "
                + "the %,d predictions used them.%n", r.fitSeconds(), r.parametersVersion(), r.predictions().count()));
        md.append("\n## Pipeline\n\n");
        md.append(String.format(Locale.ROOT, "%,d statements accepted by the LRS in %.1f s; the pipeline had predicted every answer %.1f s after "
                + "the replay began. The whole evaluation took %.0f s.%n", r.replay().statements(), r.replay().sendSeconds(),
                r.replay().totalSeconds(), r.totalSeconds()));
        md.append("\nEach test answer becomes a statement: actor = account (`https://assistments.replay.learnstream.io`, user_id), ")
                .append("verb `answered`, object = the item, `result.success`, the skill as a `category` context activity of type ")
                .append("objective; answer k of each user is at minute k of the event clock (the files carry the order only).\n");
        md.append("\nData: ASSISTments 2009-2010 skill builder (Feng, Heffernan & Koedinger 2009), as preprocessed and split by Gervet, ")
                .append("Koedinger, Schneider & Mitchell (2020), *When is deep learning the best approach to knowledge tracing?*, JEDM 12(3).\n");
        return md.toString();
    }

    private static Map<String, Double> publishedAuc() {
        Map<String, Double> auc = new LinkedHashMap<>();
        auc.put("IRT", 0.69);
        auc.put("PFA", 0.72);
        auc.put("DKT", 0.75);
        auc.put("SAKT", 0.75);
        auc.put("Best-LR", 0.77);
        return java.util.Collections.unmodifiableMap(auc);
    }

    private static double round(double value) {
        return Math.round(value * 1e6) / 1e6;
    }
}

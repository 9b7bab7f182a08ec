package io.learnstream.app.eval.risk;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.learnstream.app.eval.Curves;
import io.learnstream.app.eval.Plots;
import io.learnstream.app.replay.oulad.OuladPresentation;
import io.learnstream.app.risk.RiskTraining;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/** Writes the risk evaluation's {@code report.md}, {@code metrics.json} and PNG plots. */
public final class RiskReport {
    static final int ROC_POINTS = 400;
    static final int CALIBRATION_BINS = 10;
    static final double GAP_TARGET = 0.05;

    /** A target of issue #13 and whether the figures met it. */
    public record Target(String name, String what, String figures, Boolean met) {
        Target(String name, String what, Boolean met) {
            this(name, what, "", met);
        }

        Target withFigures(String figures) {
            return new Target(name, what, figures, met);
        }

        public String verdict() {
            return met == null ? "not measured" : met ? "met" : "not met";
        }
    }

    private RiskReport() {}

    public static void write(Path dir, RiskEvaluation.Result r, String command) throws IOException {
        Files.createDirectories(dir);
        plots(dir, r);
        Files.writeString(dir.resolve("metrics.json"), metrics(r), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("report.md"), markdown(r, command), StandardCharsets.UTF_8);
    }

    static void plots(Path dir, RiskEvaluation.Result r) throws IOException {
        Map<String, double[][]> aucByWeek = new LinkedHashMap<>();
        r.byPresentation().forEach((classId, weeks) -> {
            List<Integer> ws = weeks.keySet().stream().filter(w -> !Double.isNaN(weeks.get(w).auc())).toList();
            aucByWeek.put(classId + (r.withClicks().contains(classId) ? " (clicks)" : ""), new double[][] {
                    ws.stream().mapToDouble(w -> w).toArray(), ws.stream().mapToDouble(w -> weeks.get(w).auc()).toArray()});
        });
        Plots.lines(dir.resolve("auc-by-week.png"), "AUC by week (pipeline's weekly risk records)", "week", "AUC", aucByWeek, 0.5);
        for (int week : RiskCohort.WEEKS) {
            List<ScoredStudent> rows = r.joined().scored().stream().filter(s -> s.week() == week).toList();
            if (rows.isEmpty()) continue;
            Plots.roc(dir.resolve("roc-week" + week + ".png"), "ROC at week " + week + " (all scored presentations)",
                    Curves.roc(probabilities(rows), outcomes(rows), ROC_POINTS), RiskMetrics.scores(rows).auc());
        }
        List<ScoredStudent> all = r.joined().scored();
        Plots.calibration(dir.resolve("calibration.png"), "Calibration (weeks " + RiskCohort.WEEKS + ", all scored presentations)",
                Curves.calibration(probabilities(all), outcomes(all), CALIBRATION_BINS), "mean predicted P(fail or withdraw)", "observed rate at risk");
        for (Map.Entry<String, RiskMetrics.Attribute> a : r.groupsWeek8().entrySet()) {
            List<String> groups = new ArrayList<>(a.getValue().groups().keySet());
            Map<String, List<Double>> series = new LinkedHashMap<>();
            series.put("AUC", groups.stream().map(g -> zeroIfNaN(a.getValue().groups().get(g).auc())).toList());
            series.put("false-positive rate", groups.stream().map(g -> zeroIfNaN(a.getValue().groups().get(g).fpr())).toList());
            Plots.bars(dir.resolve("groups-" + a.getKey() + ".png"), "Week 8 by " + a.getKey(), "", groups, series);
        }
    }

    static String metrics(RiskEvaluation.Result r) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        ObjectNode presentations = root.putObject("presentations");
        r.byPresentation().forEach((classId, weeks) -> {
            ObjectNode p = presentations.putObject(classId);
            weeks.forEach((week, s) -> scores(p.putObject("week" + week), s)
                    .put("counted", r.joined().counted().getOrDefault(classId, Map.of()).getOrDefault(week, 0)));
        });
        groups(root.putObject("groups"), r.groupsWeek8());
        groups(root.putObject("groups_all_weeks"), r.groupsAllWeeks());
        ObjectNode gaps = root.putObject("group_auc_gap_week8");
        r.groupsWeek8().forEach((attribute, a) -> number(gaps, attribute, a.aucGap()));
        ObjectNode pooled = root.putObject("pooled");
        r.pooled().forEach((week, s) -> scores(pooled.putObject("week" + week), s));
        RiskMetrics.LeadTimes lead = r.leadTimes();
        ObjectNode leadNode = root.putObject("lead_time").put("withdrawn", lead.withdrawn()).put("warned", lead.warned())
                .put("warned_2_weeks_ahead", lead.warnedInTime());
        number(leadNode, "median_weeks", lead.medianWeeks());
        number(leadNode, "share_warned_2_weeks_ahead", lead.shareWarnedInTime());
        ObjectNode targets = root.putObject("targets");
        for (Target t : targets(r)) {
            if (t.met() == null) targets.putNull(t.name()); else targets.put(t.name(), t.met());
        }
        ObjectNode model = root.putObject("model").put("version", r.fit().version()).put("high", r.fit().model().high())
                .put("low", r.fit().model().low()).put("fitted", r.fit().training().isPresent());
        r.fit().training().ifPresent(t -> model.put("fit_snapshots", t.snapshots()).putPOJO("fit_presentations",
                t.presentations().stream().map(p -> p.classId()).toList()));
        root.putObject("pipeline").put("statements", r.replay().statements()).put("replay_seconds", round(r.replay().totalSeconds()))
                .put("scored_records", r.joined().scored().size()).put("counted_without_record", r.joined().missing())
                .put("records_of_students_not_counted", r.joined().uncountedRecords());
        root.put("total_seconds", round(r.totalSeconds()));
        return json.writeValueAsString(root) + "\n";
    }

    private static ObjectNode scores(ObjectNode node, RiskMetrics.Scores s) {
        number(node, "auc", s.auc());
        number(node, "precision", s.precision());
        number(node, "recall", s.recall());
        node.put("n", s.n());
        number(node, "fpr", s.fpr());
        return node.put("at_risk", s.atRisk()).put("flagged", s.flagged());
    }

    private static void groups(ObjectNode node, Map<String, RiskMetrics.Attribute> attributes) {
        attributes.forEach((attribute, a) -> {
            ObjectNode groups = node.putObject(attribute);
            a.groups().forEach((group, s) -> {
                ObjectNode g = groups.putObject(group);
                number(g, "auc", s.auc());
                number(g, "fpr", s.fpr());
                g.put("n", s.n()).put("at_risk", s.atRisk());
            });
        });
    }

    /** A figure, or null when there is none (JSON has no NaN). */
    private static void number(ObjectNode node, String name, double value) {
        if (Double.isNaN(value)) node.putNull(name); else node.put(name, round(value));
    }

    public static List<Target> targets(RiskEvaluation.Result r) {
        List<Target> targets = new ArrayList<>();
        targets.add(aucTarget(r, "auc_week4_with_clicks", "AUC >= 0.80 at week 4, presentations with click data", 4, 0.80, r.withClicks()::contains));
        targets.add(aucTarget(r, "auc_week8_with_clicks", "AUC >= 0.85 at week 8, presentations with click data", 8, 0.85, r.withClicks()::contains));
        targets.add(aucTarget(r, "auc_week8_assessments_only", "AUC >= 0.75 at week 8, presentations with assessments only", 8, 0.75,
                id -> !r.withClicks().contains(id)));
        List<String> figures = new ArrayList<>();
        Boolean met = null;
        for (Map.Entry<String, RiskMetrics.Attribute> a : r.groupsWeek8().entrySet()) {
            double gap = a.getValue().aucGap();
            if (Double.isNaN(gap)) continue;
            figures.add(String.format(Locale.ROOT, "%s %.3f (%s %.3f, %s %.3f)", a.getKey(), gap, a.getValue().highest(),
                    a.getValue().groups().get(a.getValue().highest()).auc(), a.getValue().lowest(), a.getValue().groups().get(a.getValue().lowest()).auc()));
            met = (met == null || met) && gap <= GAP_TARGET;
        }
        targets.add(new Target("group_auc_gap_week8", "group AUC gap <= 0.05 at week 8 (each attribute, groups of " + RiskMetrics.MIN_GROUP
                + "+ students, all scored presentations)", met).withFigures(String.join("; ", figures)));
        return targets;
    }

    private static Target aucTarget(RiskEvaluation.Result r, String name, String what, int week, double bound, Predicate<String> which) {
        List<String> figures = new ArrayList<>();
        Boolean met = null;
        for (Map.Entry<String, Map<Integer, RiskMetrics.Scores>> p : r.byPresentation().entrySet()) {
            RiskMetrics.Scores s = p.getValue().get(week);
            if (!which.test(p.getKey()) || s == null || Double.isNaN(s.auc())) continue;
            figures.add(String.format(Locale.ROOT, "%s %.3f", p.getKey(), s.auc()));
            met = (met == null || met) && s.auc() >= bound;
        }
        return new Target(name, what, met).withFigures(String.join(", ", figures));
    }

    static String markdown(RiskEvaluation.Result r, String command) {
        StringBuilder md = new StringBuilder();
        md.append("# Risk evaluation: at-risk flags through the pipeline, on OULAD\n\n");
        md.append("Written by `").append(command).append("` on ").append(Instant.now().toString(), 0, 10).append(".\n\n");
        RiskEvaluation.Fit fit = r.fit();
        md.append("**Protocol.** ");
        if (fit.training().isPresent()) {
            RiskTraining.Result t = fit.training().get();
            md.append(String.format(Locale.ROOT, "The model was fitted (`fit risk`) on %d presentations of `%s` only: %s (%,d weekly snapshots). ",
                    t.presentations().size(), fit.directory().orElseThrow(), String.join(", ", t.presentations().stream().map(p -> p.classId()).toList()),
                    t.snapshots()));
        } else {
            md.append("The shipped default model (`RiskModelEntries.defaults()`) was evaluated; it was fitted on every shared presentation, so ")
                    .append("presentations scored here may have been fitted on: these figures are not held-out evidence. ");
        }
        md.append("It was published to the risk-parameters topic of a fresh embedded stack (version ").append(fit.version()).append("). ")
                .append("The scored presentations were then replayed as their district would send them: the OneRoster export imported, then ")
                .append("every statement (registrations, withdrawals, VLE clicks, submissions) through the LRS front door, Kafka, the intake ")
                .append("and the risk topology, in event-time order. Every figure below scores the **weekly records the topology wrote to ")
                .append("ClickHouse** (`risk_history`, `trigger = 'week'`, as of the midnight starting day 7k of the class) against the final ")
                .append("result (Fail or Withdrawn = at risk). A student counts at week k when OULAD's `studentRegistration` has them registered ")
                .append("before day 7k and not withdrawn before it. Flags are the topology's (raised at ").append(fit.model().high())
                .append(", cleared below ").append(fit.model().low()).append("): precision and recall are of the flags.\n\n");

        md.append("Scored: ");
        List<String> scored = new ArrayList<>();
        for (OuladPresentation p : r.scored().presentations()) {
            scored.add(String.format(Locale.ROOT, "%s (%,d students, %s)", p.id(), p.students().size(), p.hasVleActivity() ? "with VLE clicks" : "assessments only"));
        }
        md.append(String.join(", ", scored)).append(".\n\n");

        md.append("## Targets\n\n| target | figures | verdict |\n|---|---|---|\n");
        for (Target t : targets(r)) md.append("| ").append(t.what()).append(" | ").append(t.figures().isEmpty() ? "(none)" : t.figures())
                .append(" | **").append(t.verdict()).append("** |\n");

        md.append("\n## By presentation and week\n\n| presentation | week | counted | scored n | at risk | AUC | precision | recall | false-positive rate |\n")
                .append("|---|---|---|---|---|---|---|---|---|\n");
        r.byPresentation().forEach((classId, weeks) -> weeks.forEach((week, s) -> md.append(String.format(Locale.ROOT,
                "| %s%s | %d | %,d | %,d | %,d | %s | %s | %s | %s |%n", classId, r.withClicks().contains(classId) ? " (clicks)" : "", week,
                r.joined().counted().getOrDefault(classId, Map.of()).getOrDefault(week, 0), s.n(), s.atRisk(), f(s.auc()), f(s.precision()),
                f(s.recall()), f(s.fpr())))));
        md.append("\nAll scored presentations pooled:\n\n| week | n | at risk | flagged | AUC | precision | recall | false-positive rate |\n|---|---|---|---|---|---|---|---|\n");
        r.pooled().forEach((week, s) -> md.append(String.format(Locale.ROOT, "| %d | %,d | %,d | %,d | %s | %s | %s | %s |%n", week, s.n(), s.atRisk(),
                s.flagged(), f(s.auc()), f(s.precision()), f(s.recall()), f(s.fpr()))));
        md.append("\n![AUC by week](auc-by-week.png)\n\n| ");
        for (int week : RiskCohort.WEEKS) md.append("week ").append(week).append(" | ");
        md.append("\n|").append("---|".repeat(RiskCohort.WEEKS.size())).append("\n| ");
        for (int week : RiskCohort.WEEKS) md.append("![ROC week ").append(week).append("](roc-week").append(week).append(".png) | ");
        md.append("\n\n![calibration](calibration.png)\n");

        RiskMetrics.LeadTimes lead = r.leadTimes();
        md.append("\n## Warning ahead of withdrawal\n\n");
        md.append(String.format(Locale.ROOT, "Of the %,d students who withdrew on or after the first day of their presentation, %,d were flagged "
                + "before withdrawing (first flagged record of `risk_history`, any trigger); median warning %s weeks; %,d (%s) were warned at least "
                + "%.0f weeks ahead.%n", lead.withdrawn(), lead.warned(), f(lead.medianWeeks()), lead.warnedInTime(), percent(lead.shareWarnedInTime()),
                RiskMetrics.LEAD_WEEKS));

        md.append("\n## Groups (studentInfo), week 8, all scored presentations\n\n");
        groupTable(md, r.groupsWeek8());
        for (String attribute : r.groupsWeek8().keySet()) md.append("![").append(attribute).append("](groups-").append(attribute).append(".png) ");
        md.append("\n\nPooled over weeks ").append(RiskCohort.WEEKS).append(":\n\n");
        groupTable(md, r.groupsAllWeeks());

        if (fit.training().isPresent()) {
            RiskTraining.Result t = fit.training().get();
            md.append("\n## Fitting\n\n").append(String.format(Locale.ROOT, "C = %s, stages from weeks %s, fitted in %.1f s. AUC here is on the "
                    + "stage's own fitting snapshots (a check that the fit took, not evidence):%n%n", t.c(), t.model().stageWeeks(), t.seconds()));
            md.append("| stage | snapshots | at risk | fit AUC | features weighed |\n|---|---|---|---|---|\n");
            for (RiskTraining.Stage s : t.stages()) {
                md.append(String.format(Locale.ROOT, "| %s | %,d | %.0f%% | %.3f | %s |%n", s.key(), s.snapshots(), 100.0 * s.atRisk() / Math.max(1, s.snapshots()),
                        s.auc(), String.join(", ", s.features())));
            }
        }

        md.append("\n## Pipeline\n\n");
        md.append(String.format(Locale.ROOT, "%,d statements accepted by the LRS; the replay with the pipeline's catch-up took %.0f s, the "
                + "whole evaluation %.0f s. Risk records by trigger: %s; by model version: %s. %,d counted students had their weekly record, %,d "
                + "had none, and %,d weekly records were of students not counted (by week: %s).%n", r.replay().statements(), r.replay().totalSeconds(),
                r.totalSeconds(), r.triggers(), r.versions(), r.joined().scored().size(), r.joined().missing(), r.joined().uncountedRecords(), r.joined().uncounted()));
        md.append("\nData: Open University Learning Analytics Dataset (Kuzilek, Hlosta & Zdrahal 2017, *Scientific Data* 4:170171, CC BY 4.0).\n");
        return md.toString();
    }

    private static void groupTable(StringBuilder md, Map<String, RiskMetrics.Attribute> attributes) {
        md.append("| attribute | group | n | at risk | AUC | false-positive rate |\n|---|---|---|---|---|---|\n");
        attributes.forEach((attribute, a) -> {
            a.groups().forEach((group, s) -> md.append(String.format(Locale.ROOT, "| %s | %s | %,d | %,d | %s | %s |%n", attribute, group, s.n(),
                    s.atRisk(), f(s.auc()), f(s.fpr()))));
            md.append(String.format(Locale.ROOT, "| %s | **largest AUC gap** | | | **%s** | |%n", attribute, f(a.aucGap())));
        });
        md.append('\n');
    }

    private static double[] probabilities(List<ScoredStudent> rows) {
        return rows.stream().mapToDouble(ScoredStudent::probability).toArray();
    }

    private static boolean[] outcomes(List<ScoredStudent> rows) {
        boolean[] y = new boolean[rows.size()];
        for (int i = 0; i < y.length; i++) y[i] = rows.get(i).atRisk();
        return y;
    }

    private static String f(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String percent(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.0f%%", 100 * v);
    }

    private static double zeroIfNaN(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    private static double round(double value) {
        return Math.round(value * 1e6) / 1e6;
    }
}

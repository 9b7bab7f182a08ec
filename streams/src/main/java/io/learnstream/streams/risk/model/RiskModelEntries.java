package io.learnstream.streams.risk.model;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@link RiskModel} as named entries of named values, the shape of the risk-parameters topic and of the shipped
 * defaults file:
 * <ul>
 *   <li>{@code meta/thresholds}: {@code high}, {@code low};</li>
 *   <li>{@code meta/stages}: the first week of stage {@code i} under the name {@code i};</li>
 *   <li>{@code coefficients/<family>/<stage>}: {@code intercept}, {@code weight/<feature>}, {@code mean/<feature>}.</li>
 * </ul>
 * The file form is one entry a line: the key, then tab-separated {@code name=value}.
 */
public final class RiskModelEntries {
    public static final String THRESHOLDS = "meta/thresholds";
    public static final String STAGES = "meta/stages";
    public static final String COEFFICIENTS = "coefficients/";
    /** The classpath resource (next to this class) of {@link #defaults()}. */
    static final String DEFAULTS_RESOURCE = "default-risk-model.tsv";
    private static final String INTERCEPT = "intercept";
    private static final String WEIGHT = "weight/";
    private static final String MEAN = "mean/";

    private RiskModelEntries() {}

    public static Map<String, Map<String, Double>> of(RiskModel model) {
        Map<String, Map<String, Double>> entries = new TreeMap<>();
        entries.put(THRESHOLDS, Map.of("high", model.high(), "low", model.low()));
        Map<String, Double> stages = new TreeMap<>();
        for (int i = 0; i < model.stageWeeks().size(); i++) stages.put(Integer.toString(i), (double) model.stageWeeks().get(i));
        entries.put(STAGES, stages);
        model.sets().forEach((key, c) -> {
            Map<String, Double> values = new TreeMap<>();
            values.put(INTERCEPT, c.intercept());
            for (int i = 0; i < RiskFeatures.NAMES.size(); i++) {
                values.put(WEIGHT + RiskFeatures.NAMES.get(i), c.weights()[i]);
                values.put(MEAN + RiskFeatures.NAMES.get(i), c.means()[i]);
            }
            entries.put(COEFFICIENTS + key, values);
        });
        return entries;
    }

    /**
     * The model the entries describe. A feature an entry does not name weighs 0 (a model fitted before the feature
     * existed still loads); entries of other kinds (bookkeeping) are ignored.
     */
    public static RiskModel model(Map<String, Map<String, Double>> entries, long version) {
        Map<String, Double> thresholds = required(entries, THRESHOLDS);
        Map<String, Double> stageEntry = required(entries, STAGES);
        List<Integer> stages = new ArrayList<>();
        for (int i = 0; stageEntry.containsKey(Integer.toString(i)); i++) stages.add(stageEntry.get(Integer.toString(i)).intValue());
        Map<String, RiskModel.Coefficients> sets = new HashMap<>();
        entries.forEach((key, values) -> {
            if (!key.startsWith(COEFFICIENTS)) return;
            int n = RiskFeatures.NAMES.size();
            double[] weights = new double[n];
            double[] means = new double[n];
            for (int i = 0; i < n; i++) {
                weights[i] = values.getOrDefault(WEIGHT + RiskFeatures.NAMES.get(i), 0.0);
                means[i] = values.getOrDefault(MEAN + RiskFeatures.NAMES.get(i), 0.0);
            }
            Double intercept = values.get(INTERCEPT);
            if (intercept == null) throw new IllegalArgumentException("risk model entry " + key + " has no " + INTERCEPT);
            sets.put(key.substring(COEFFICIENTS.length()), new RiskModel.Coefficients(intercept, weights, means));
        });
        if (sets.isEmpty()) throw new IllegalArgumentException("the risk model entries hold no coefficients");
        return new RiskModel(version, stages, sets, thresholds.get("high"), thresholds.get("low"));
    }

    private static Map<String, Double> required(Map<String, Map<String, Double>> entries, String key) {
        Map<String, Double> values = entries.get(key);
        if (values == null) throw new IllegalArgumentException("the risk model entries have no " + key);
        return values;
    }

    /**
     * The model shipped with learnstream (version 0), served until a first publication. Made by
     * {@code ./learnstream fit risk --data ../shared/datasets/oulad --write
     * streams/src/main/resources/io/learnstream/streams/risk/model/default-risk-model.tsv}: all 15 shared OULAD
     * presentations (2013B, 2013J and 2014B of modules AAA to GGG; only AAA-2013J and BBB-2013B with VLE activity),
     * each lived through as the xAPI statements the replay sends, normalized as the intake does and mapped by
     * {@code RiskEvents} with the line items as the roster export makes them; 782,404 weekly snapshots (weeks 1 on, of
     * students registered and not withdrawn), labelled at risk when the final result is Fail or Withdrawn; stages
     * from weeks 0, 3, 6 and 10; C = 1; flags raised at 0.7 and cleared below 0.5. {@code eval risk} scores it on
     * presentations it was fitted on only when asked without {@code --fit}: its evidence is a fit on other presentations.
     */
    public static RiskModel defaults() {
        try (InputStream in = RiskModelEntries.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource " + DEFAULTS_RESOURCE);
            return model(read(in), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(RiskModel model, OutputStream out) throws IOException {
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        for (Map.Entry<String, Map<String, Double>> entry : of(model).entrySet()) {
            writer.write(entry.getKey());
            for (Map.Entry<String, Double> value : new TreeMap<>(entry.getValue()).entrySet()) {
                writer.write('\t');
                writer.write(value.getKey() + "=" + value.getValue());
            }
            writer.newLine();
        }
        writer.flush();
    }

    /** Reads what {@link #write} wrote. */
    public static Map<String, Map<String, Double>> read(InputStream in) throws IOException {
        Map<String, Map<String, Double>> entries = new TreeMap<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int lineNumber = 0;
        for (String line; (line = reader.readLine()) != null; ) {
            lineNumber++;
            if (line.isBlank()) continue;
            String[] fields = line.split("\t");
            Map<String, Double> values = new TreeMap<>();
            for (int i = 1; i < fields.length; i++) {
                int eq = fields[i].lastIndexOf('=');
                if (eq <= 0) throw new IllegalArgumentException("line " + lineNumber + ", field " + (i + 1) + ": expected name=value, got " + fields[i]);
                try {
                    values.put(fields[i].substring(0, eq), Double.parseDouble(fields[i].substring(eq + 1)));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("line " + lineNumber + ", field " + (i + 1) + ": not a number: " + fields[i].substring(eq + 1));
                }
            }
            entries.put(fields[0], values);
        }
        return entries;
    }
}

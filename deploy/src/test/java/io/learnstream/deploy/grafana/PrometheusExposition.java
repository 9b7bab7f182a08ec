package io.learnstream.deploy.grafana;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The samples of a Prometheus text exposition ({@code GET /metrics}), by metric name: each sample's labels. What
 * Prometheus would store from a scrape, before it adds its target labels ({@code job}, {@code instance}).
 */
record PrometheusExposition(Map<String, List<Map<String, String>>> samples) {
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+\\S+.*$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    static PrometheusExposition parse(String text) {
        Map<String, List<Map<String, String>>> samples = new LinkedHashMap<>();
        for (String line : text.lines().toList()) {
            if (line.isBlank() || line.startsWith("#")) continue;
            Matcher sample = SAMPLE.matcher(line);
            if (!sample.matches()) throw new IllegalArgumentException("not a sample of the text exposition: " + line);
            Map<String, String> labels = new HashMap<>();
            if (sample.group(2) != null) {
                Matcher label = LABEL.matcher(sample.group(2));
                while (label.find()) labels.put(label.group(1), label.group(2));
            }
            samples.computeIfAbsent(sample.group(1), name -> new ArrayList<>()).add(Map.copyOf(labels));
        }
        return new PrometheusExposition(Map.copyOf(samples));
    }

    Optional<List<Map<String, String>>> metric(String name) {
        return Optional.ofNullable(samples.get(name));
    }
}

package io.learnstream.deploy.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One dashboard file of {@code deploy/grafana/dashboards}, as Grafana's file provisioning reads it: its panels (those of
 * rows included, the rows themselves left out) and its template variables.
 */
record GrafanaDashboard(Path file, JsonNode json) {
    /** The directory the dashboards' provider reads, relative to this module (the tests' working directory). */
    static final Path DIRECTORY = Path.of("grafana", "dashboards");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern RELATIVE_TIME = Pattern.compile("(\\d+)([smhdw])");

    /** A panel, its targets and its position in the dashboard, for messages. */
    record Panel(GrafanaDashboard dashboard, JsonNode json) {
        String title() {
            return json.path("title").asText();
        }

        String type() {
            return json.path("type").asText();
        }

        List<JsonNode> targets() {
            List<JsonNode> targets = new ArrayList<>();
            json.path("targets").forEach(targets::add);
            return targets;
        }

        /** The panel's own relative time ({@code timeFrom}, e.g. {@code 8w}) when it overrides the dashboard's. */
        Optional<Duration> timeFrom() {
            String timeFrom = json.path("timeFrom").asText("");
            if (timeFrom.isEmpty()) return Optional.empty();
            Matcher matcher = RELATIVE_TIME.matcher(timeFrom);
            if (!matcher.matches()) throw new IllegalArgumentException("panel '" + title() + "': timeFrom '" + timeFrom + "' is not like 8w");
            long amount = Long.parseLong(matcher.group(1));
            return Optional.of(switch (matcher.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                case "d" -> Duration.ofDays(amount);
                default -> Duration.ofDays(7 * amount);
            });
        }

        @Override
        public String toString() {
            return dashboard.uid() + " / " + title();
        }
    }

    /** One query of a panel. */
    record Target(Panel panel, JsonNode json) {
        @Override
        public String toString() {
            return panel + " / " + json.path("refId").asText();
        }
    }

    /** Every target of every dashboard that queries a data source of the given plugin type. */
    static List<Target> targetsOf(String dataSourceType) {
        List<Target> targets = new ArrayList<>();
        for (GrafanaDashboard dashboard : all()) {
            for (Panel panel : dashboard.panels()) {
                for (JsonNode target : panel.targets()) {
                    if (target.path("datasource").path("type").asText().equals(dataSourceType)) targets.add(new Target(panel, target));
                }
            }
        }
        return targets;
    }

    static List<GrafanaDashboard> all() {
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            List<GrafanaDashboard> dashboards = files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted()
                    .map(GrafanaDashboard::read).toList();
            if (dashboards.isEmpty()) throw new IllegalStateException("no dashboard (*.json) in " + DIRECTORY.toAbsolutePath());
            return dashboards;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + DIRECTORY.toAbsolutePath(), e);
        }
    }

    static GrafanaDashboard read(Path file) {
        try {
            return new GrafanaDashboard(file, JSON.readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("dashboard " + file + " is not JSON: " + e.getMessage(), e);
        }
    }

    String uid() {
        return json.path("uid").asText();
    }

    String title() {
        return json.path("title").asText();
    }

    /** Every panel that shows data: top-level panels and those nested in rows, rows themselves left out. */
    List<Panel> panels() {
        List<Panel> panels = new ArrayList<>();
        for (JsonNode panel : json.path("panels")) {
            if (panel.path("type").asText().equals("row")) {
                panel.path("panels").forEach(nested -> panels.add(new Panel(this, nested)));
            } else {
                panels.add(new Panel(this, panel));
            }
        }
        return panels;
    }

    /** Every panel object, rows included (what ids and grid positions are checked on). */
    List<JsonNode> panelObjects() {
        List<JsonNode> objects = new ArrayList<>();
        for (JsonNode panel : json.path("panels")) {
            objects.add(panel);
            panel.path("panels").forEach(objects::add);
        }
        return objects;
    }

    List<JsonNode> templateVariables() {
        List<JsonNode> variables = new ArrayList<>();
        json.path("templating").path("list").forEach(variables::add);
        return variables;
    }

    @Override
    public String toString() {
        return file.getFileName().toString();
    }
}

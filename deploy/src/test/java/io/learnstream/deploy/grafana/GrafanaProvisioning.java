package io.learnstream.deploy.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The provisioning files of {@code deploy/grafana/provisioning} (data sources and dashboard providers) and the
 * environment variables they take, as Grafana reads them at start.
 */
final class GrafanaProvisioning {
    static final Path DIRECTORY = Path.of("grafana", "provisioning");
    static final Path COMPOSE_FILE = Path.of("grafana", "docker-compose.yml");
    static final Path README = Path.of("grafana", "README.md");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** How Grafana names an environment variable in a provisioning file: $VAR or ${VAR}. */
    private static final Pattern ENVIRONMENT_VARIABLE = Pattern.compile("\\$\\{?([A-Z][A-Z0-9_]*)}?");

    private GrafanaProvisioning() {
    }

    /** The provisioned data sources, uid to type. */
    static Map<String, String> dataSources() {
        Map<String, String> dataSources = new LinkedHashMap<>();
        for (Path file : yamlFiles(DIRECTORY.resolve("datasources"))) {
            for (JsonNode dataSource : read(file).path("datasources")) {
                String uid = dataSource.path("uid").asText();
                if (uid.isEmpty()) throw new IllegalStateException(file + ": a data source without uid; dashboards name data sources by uid");
                if (dataSources.put(uid, dataSource.path("type").asText()) != null) {
                    throw new IllegalStateException(file + ": data source uid '" + uid + "' provisioned twice");
                }
            }
        }
        return dataSources;
    }

    /** The dashboard providers (providers of every file of provisioning/dashboards). */
    static List<JsonNode> dashboardProviders() {
        List<JsonNode> providers = new ArrayList<>();
        for (Path file : yamlFiles(DIRECTORY.resolve("dashboards"))) read(file).path("providers").forEach(providers::add);
        return providers;
    }

    /** Every environment variable a provisioning file names. */
    static Set<String> environmentVariables() {
        Set<String> names = new LinkedHashSet<>();
        for (Path file : yamlFiles(DIRECTORY.resolve("datasources"), DIRECTORY.resolve("dashboards"))) {
            Matcher matcher = ENVIRONMENT_VARIABLE.matcher(withoutComments(text(file)));
            while (matcher.find()) names.add(matcher.group(1));
        }
        return names;
    }

    /** The environment the compose file gives the Grafana service. */
    static JsonNode composedGrafana() {
        return read(COMPOSE_FILE).path("services").path("grafana");
    }

    static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.toAbsolutePath(), e);
        }
    }

    static JsonNode read(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(file + " is not YAML: " + e.getMessage(), e);
        }
    }

    private static String withoutComments(String yaml) {
        return yaml.lines().map(line -> line.replaceFirst("(^|\\s)#.*$", "")).reduce("", (a, b) -> a + b + "\n");
    }

    private static List<Path> yamlFiles(Path... directories) {
        List<Path> files = new ArrayList<>();
        for (Path directory : directories) {
            try (Stream<Path> listed = Files.list(directory)) {
                listed.filter(f -> f.getFileName().toString().matches(".*\\.ya?ml")).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + directory.toAbsolutePath(), e);
            }
        }
        return files;
    }
}

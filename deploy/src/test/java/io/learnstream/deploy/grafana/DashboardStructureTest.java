package io.learnstream.deploy.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.learnstream.deploy.grafana.GrafanaDashboard.Panel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * What Grafana needs of every dashboard file and provisioning file before it shows anything: ids, titles, panels with
 * a provisioned data source and targets, and provisioning that finds the dashboards and gets every setting from the
 * environment the compose file and the README name.
 */
class DashboardStructureTest {
    private static final String CLICKHOUSE = "grafana-clickhouse-datasource";
    private static final String PROMETHEUS = "prometheus";
    /** The data source plugins the dashboards may use, and what their targets carry. */
    private static final Set<String> PLUGINS = Set.of(CLICKHOUSE, PROMETHEUS);

    private final List<GrafanaDashboard> dashboards = GrafanaDashboard.all();
    private final Map<String, String> dataSources = GrafanaProvisioning.dataSources();

    @Test
    void shouldGiveEveryDashboardItsOwnUidAndATitle() {
        Set<String> uids = new HashSet<>();
        SoftAssertions softly = new SoftAssertions();
        for (GrafanaDashboard dashboard : dashboards) {
            softly.assertThat(dashboard.uid()).as("%s: uid", dashboard).matches("[a-zA-Z0-9_-]{1,40}");
            softly.assertThat(uids.add(dashboard.uid())).as("%s: uid %s used by another file", dashboard, dashboard.uid()).isTrue();
            softly.assertThat(dashboard.title()).as("%s: title", dashboard).isNotBlank();
            softly.assertThat(dashboard.json().path("schemaVersion").isInt()).as("%s: schemaVersion", dashboard).isTrue();
            softly.assertThat(dashboard.json().path("id").isMissingNode() || dashboard.json().path("id").isNull())
                    .as("%s: a provisioned dashboard has no database id", dashboard).isTrue();
            softly.assertThat(dashboard.panels()).as("%s: panels", dashboard).isNotEmpty();
        }
        softly.assertAll();
    }

    @Test
    void shouldPlaceEveryPanelOnTheGridWithItsOwnId() {
        SoftAssertions softly = new SoftAssertions();
        for (GrafanaDashboard dashboard : dashboards) {
            Set<Integer> ids = new HashSet<>();
            for (JsonNode panel : dashboard.panelObjects()) {
                String name = dashboard + " / " + panel.path("title").asText();
                softly.assertThat(panel.path("id").isInt() && ids.add(panel.path("id").asInt())).as("%s: id unique in the dashboard", name).isTrue();
                softly.assertThat(panel.path("type").asText()).as("%s: type", name).isNotBlank();
                softly.assertThat(panel.path("title").asText()).as("%s: title", name).isNotBlank();
                JsonNode grid = panel.path("gridPos");
                int x = grid.path("x").asInt(-1);
                int w = grid.path("w").asInt(0);
                softly.assertThat(x >= 0 && w > 0 && x + w <= 24 && grid.path("h").asInt(0) > 0 && grid.path("y").asInt(-1) >= 0)
                        .as("%s: gridPos %s inside the 24 columns", name, grid).isTrue();
            }
        }
        softly.assertAll();
    }

    @Test
    void shouldQueryAProvisionedDataSourceFromEveryPanel() {
        SoftAssertions softly = new SoftAssertions();
        for (GrafanaDashboard dashboard : dashboards) {
            for (Panel panel : dashboard.panels()) {
                softly.assertThat(panel.targets()).as("%s: targets", panel).isNotEmpty();
                checkDataSource(softly, panel + ": datasource", panel.json().path("datasource"));
                Set<String> refIds = new HashSet<>();
                for (JsonNode target : panel.targets()) {
                    String name = panel + " / " + target.path("refId").asText();
                    softly.assertThat(refIds.add(target.path("refId").asText())).as("%s: refId unique in the panel", name).isTrue();
                    checkDataSource(softly, name + ": datasource", target.path("datasource"));
                    checkTarget(softly, name, panel, target);
                }
            }
        }
        softly.assertAll();
    }

    @Test
    void shouldQueryAProvisionedDataSourceForEveryTemplateVariable() {
        SoftAssertions softly = new SoftAssertions();
        for (GrafanaDashboard dashboard : dashboards) {
            for (JsonNode variable : dashboard.templateVariables()) {
                String name = dashboard + " / $" + variable.path("name").asText();
                softly.assertThat(variable.path("name").asText()).as("%s: name", name).matches("[a-zA-Z]\\w*");
                softly.assertThat(variable.path("type").asText()).as("%s: type", name).isEqualTo("query");
                checkDataSource(softly, name + ": datasource", variable.path("datasource"));
                softly.assertThat(variable.path("query").asText()).as("%s: query", name).isNotBlank();
            }
        }
        softly.assertAll();
    }

    @Test
    void shouldFilterEveryQueryOfADashboardWithADistrictVariableOnTheDistrict() {
        SoftAssertions softly = new SoftAssertions();
        int filtered = 0;
        for (GrafanaDashboard dashboard : dashboards) {
            boolean perDistrict = dashboard.templateVariables().stream().anyMatch(v -> v.path("name").asText().equals("district"));
            if (!perDistrict) continue;
            for (Panel panel : dashboard.panels()) {
                for (JsonNode target : panel.targets()) {
                    filtered++;
                    softly.assertThat(target.path("rawSql").asText()).as("%s / %s", panel, target.path("refId").asText())
                            .contains("tenant_id = ${district:sqlstring}");
                }
            }
        }
        softly.assertAll();
        assertThat(filtered).as("queries of dashboards with a district variable").isPositive();
    }

    @Test
    void shouldProvisionTheDashboardsDirectoryFromTheEnvironmentTheComposeFileSets() {
        List<JsonNode> providers = GrafanaProvisioning.dashboardProviders();
        assertThat(providers).singleElement().satisfies(provider -> {
            assertThat(provider.path("type").asText()).isEqualTo("file");
            assertThat(provider.path("options").path("path").asText()).isEqualTo("${LEARNSTREAM_GRAFANA_DASHBOARDS}");
        });
        JsonNode grafana = GrafanaProvisioning.composedGrafana();
        String mountedAt = grafana.path("environment").path("LEARNSTREAM_GRAFANA_DASHBOARDS").asText();
        List<String> volumes = textsOf(grafana.path("volumes"));
        assertThat(volumes).as("the compose file mounts ./dashboards where the provider reads")
                .contains("./dashboards:" + mountedAt + ":ro")
                .contains("./provisioning:/etc/grafana/provisioning:ro");
    }

    @Test
    void shouldTakeEveryProvisioningSettingFromAVariableTheComposeFileSetsAndTheReadmeExplains() {
        Set<String> variables = GrafanaProvisioning.environmentVariables();
        JsonNode environment = GrafanaProvisioning.composedGrafana().path("environment");
        String readme = GrafanaProvisioning.text(GrafanaProvisioning.README);
        assertThat(variables).contains("LEARNSTREAM_CLICKHOUSE_HOST", "LEARNSTREAM_CLICKHOUSE_PASSWORD", "LEARNSTREAM_GRAFANA_DASHBOARDS");
        SoftAssertions softly = new SoftAssertions();
        for (String variable : variables) {
            softly.assertThat(environment.has(variable)).as("docker-compose.yml sets %s for grafana", variable).isTrue();
            softly.assertThat(readme).as("README.md explains %s", variable).contains("`" + variable + "`");
        }
        softly.assertAll();
    }

    private void checkDataSource(SoftAssertions softly, String name, JsonNode dataSource) {
        String uid = dataSource.path("uid").asText();
        softly.assertThat(dataSources).as("%s: uid '%s' is provisioned", name, uid).containsKey(uid);
        softly.assertThat(dataSource.path("type").asText()).as("%s: type of data source %s", name, uid)
                .isEqualTo(dataSources.getOrDefault(uid, "(not provisioned)")).isIn(PLUGINS);
    }

    private static void checkTarget(SoftAssertions softly, String name, Panel panel, JsonNode target) {
        switch (target.path("datasource").path("type").asText()) {
            case CLICKHOUSE -> {
                softly.assertThat(target.path("editorType").asText()).as("%s: editorType", name).isEqualTo("sql");
                softly.assertThat(target.path("rawSql").asText()).as("%s: rawSql", name).isNotBlank();
                // the plugin's Format: 0 time series, 1 table; the query type must say the same
                int format = target.path("format").asInt(-1);
                String queryType = target.path("queryType").asText();
                softly.assertThat(format == 0 && queryType.equals("timeseries") || format == 1 && queryType.equals("table"))
                        .as("%s: format %s with queryType %s", name, format, queryType).isTrue();
                softly.assertThat(format == 0).as("%s: a %s panel reads time series (format 0)", name, panel.type())
                        .isEqualTo(panel.type().equals("timeseries"));
            }
            case PROMETHEUS -> softly.assertThat(target.path("expr").asText()).as("%s: expr", name).isNotBlank();
            default -> softly.fail("%s: no check for data source type %s", name, target.path("datasource").path("type"));
        }
    }

    private static List<String> textsOf(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}

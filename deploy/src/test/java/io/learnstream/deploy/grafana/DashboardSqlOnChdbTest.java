package io.learnstream.deploy.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.learnstream.deploy.grafana.ClickHouseMacros.TimeRange;
import io.learnstream.deploy.grafana.GrafanaDashboard.Panel;
import io.learnstream.deploy.grafana.GrafanaDashboard.Target;
import io.learnstream.deploy.grafana.TemplateVariables.Value;
import io.learnstream.sinks.clickhouse.chdb.ChdbColumnStore;
import io.learnstream.sinks.schema.ClickHouseSchema;
import io.learnstream.sinks.spi.ColumnStoreException;
import io.learnstream.sinks.spi.QueryResult;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every query of every dashboard, run as Grafana and the ClickHouse plugin would send it, on the real embedded
 * ClickHouse (chDB) over the production schema ({@link ClickHouseSchema}) and a few rows of each table
 * ({@link LearnstreamRows}): the template variables' queries first (each value of a variable is the first its query
 * gives, or all of them for a variable set to All, as Grafana picks them), then each panel's targets with the variables
 * and the plugin's macros replaced, for the last 7 days (a panel's own {@code timeFrom} wins). A query fails on any
 * ClickHouse error (an unknown table, column or function, a type mismatch), and on giving no row over data made to
 * give rows.
 */
@Timeout(180)
class DashboardSqlOnChdbTest {
    private static final String CLICKHOUSE = "grafana-clickhouse-datasource";
    /** Grafana's value for "All" in a variable's current selection. */
    private static final String ALL = "$__all";
    private static final Duration PERIOD = Duration.ofDays(7);
    private static final Duration INTERVAL = Duration.ofMinutes(5);
    private static final Pattern FROM_TABLE = Pattern.compile("\\bFROM\\s+(\\w+)");

    @TempDir
    static Path dataDir;
    static ChdbColumnStore store;
    static Instant now;

    @BeforeAll
    static void openTheStoreWithTheProductionSchemaAndAFewRows() {
        store = ChdbColumnStore.open(dataDir);
        ClickHouseSchema.apply(store);
        now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        new LearnstreamRows(store, now).writeAll();
    }

    @AfterAll
    static void closeStore() {
        if (store != null) store.close();
    }

    @TestFactory
    Stream<DynamicTest> shouldRunEveryPanelsSqlOnTheProductionSchema() {
        Map<GrafanaDashboard, TemplateVariables> variables = new HashMap<>();
        List<Target> targets = GrafanaDashboard.targetsOf(CLICKHOUSE);
        assertThat(targets).as("ClickHouse queries in the dashboards").isNotEmpty();
        return targets.stream().map(target -> DynamicTest.dynamicTest(target.toString(), () -> runTarget(target.panel(),
                target.json(), variables.computeIfAbsent(target.panel().dashboard(), DashboardSqlOnChdbTest::resolveVariables))));
    }

    @Test
    void shouldGiveTheDataTeamOneDistrictAtATimeFromTheDistrictsInTheTables() {
        GrafanaDashboard dataTeam = GrafanaDashboard.all().stream().filter(d -> d.uid().equals("learnstream-data-team")).findFirst()
                .orElseThrow();
        JsonNode district = dataTeam.templateVariables().getFirst();
        assertThat(district.path("name").asText()).isEqualTo("district");
        assertThat(district.path("multi").asBoolean()).as("one district at a time").isFalse();
        assertThat(district.path("includeAll").asBoolean()).as("no All districts").isFalse();
        assertThat(store.query(district.path("query").asText()).column("tenant_id"))
                .containsExactly(LearnstreamRows.DISTRICT, LearnstreamRows.OTHER_DISTRICT);
    }

    @Test
    void shouldShowTheFreshnessOfEveryTableTheSchemaCreates() {
        Set<String> tables = new TreeSet<>(store.query(
                "SELECT name FROM system.tables WHERE database = currentDatabase() AND engine LIKE '%MergeTree%'").column("name"));
        Panel freshness = GrafanaDashboard.all().stream().flatMap(d -> d.panels().stream())
                .filter(p -> p.title().equals("Freshness per table")).findFirst().orElseThrow();
        Set<String> shown = new TreeSet<>();
        Matcher matcher = FROM_TABLE.matcher(freshness.targets().getFirst().path("rawSql").asText());
        while (matcher.find()) shown.add(matcher.group(1));
        assertThat(tables).as("the schema's tables").isNotEmpty();
        assertThat(shown).as("tables in the operators' freshness panel").isEqualTo(tables);
    }

    private static void runTarget(Panel panel, JsonNode target, TemplateVariables variables) {
        Instant from = now.minus(panel.timeFrom().orElse(PERIOD));
        String sql = new ClickHouseMacros(new TimeRange(from, now, INTERVAL)).expand(variables.interpolate(target.path("rawSql").asText()));
        assertThat(sql).as("what is left to replace in:%n%s", sql).doesNotContain("$");
        QueryResult result;
        try {
            result = store.query(sql);
        } catch (ColumnStoreException e) {
            throw new AssertionError("ClickHouse refused the query of " + panel + ":\n" + sql + "\n" + e.getMessage(), e);
        }
        assertThat(result.rowCount()).as("rows of%n%s", sql).isPositive();
        if (target.path("format").asInt() == 0) {
            assertThat(result.columnNames().getFirst()).as("a time series' first column").isEqualTo("time");
            assertThat(result.columnTypes().getFirst()).as("type of column time").startsWith("DateTime");
        }
    }

    /** Each variable in order (a later one may name an earlier one), valued as Grafana values it on a first load. */
    private static TemplateVariables resolveVariables(GrafanaDashboard dashboard) {
        TemplateVariables variables = new TemplateVariables();
        for (JsonNode variable : dashboard.templateVariables()) {
            String name = variable.path("name").asText();
            String query = variables.interpolate(variable.path("query").asText());
            List<String> options = store.query(query).rows().stream().map(List::getFirst).toList();
            assertThat(options).as("options of $%s (%s)", name, query).isNotEmpty();
            boolean multi = variable.path("multi").asBoolean();
            boolean all = variable.path("current").path("value").toString().contains(ALL);
            variables.set(name, new Value(all ? options : List.of(options.getFirst()), multi));
        }
        return variables;
    }
}

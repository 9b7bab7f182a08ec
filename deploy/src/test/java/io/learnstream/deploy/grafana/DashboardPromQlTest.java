package io.learnstream.deploy.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnstream.deploy.grafana.GrafanaDashboard.Target;
import io.learnstream.deploy.grafana.PromQlSelectors.LabelMatcher;
import io.learnstream.deploy.grafana.PromQlSelectors.Selector;
import io.learnstream.ingest.IngestMetrics;
import io.learnstream.schemas.registry.InMemorySchemaRegistryClient;
import io.learnstream.schemas.serde.AvroSerdes;
import io.learnstream.schemas.topic.Topics;
import io.learnstream.sinks.alerts.AlertRows;
import io.learnstream.sinks.kafka.TopicSink;
import io.learnstream.streams.alerts.AlertsMetrics;
import io.learnstream.streams.intake.IntakeMetrics;
import io.learnstream.streams.mastery.MasteryMetrics;
import io.learnstream.streams.risk.RiskMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Every PromQL expression of the dashboards reads meters the code registers, under the names and labels the Prometheus
 * registry exposes them with ({@code learnstream.sink.rows} as {@code learnstream_sink_rows_total}, a timer's
 * {@code _seconds_sum}, ...): the production meter classes register their meters in a {@link PrometheusMeterRegistry}
 * as {@code serve} does, and the expressions are checked against its scrape. A renamed meter or tag fails here, not on
 * an operator's empty panel.
 */
class DashboardPromQlTest {
    private static final String PROMETHEUS = "prometheus";
    /** Labels Prometheus adds to every series it scrapes (the scrape target's). */
    private static final Set<String> TARGET_LABELS = Set.of("job", "instance");

    @Test
    void shouldReadOnlyMetersTheCodeRegistersUnderTheirPrometheusNamesAndLabels() {
        PrometheusExposition exposition = PrometheusExposition.parse(productionMeters().scrape());
        SoftAssertions softly = new SoftAssertions();
        List<Target> targets = GrafanaDashboard.targetsOf(PROMETHEUS);
        for (Target target : targets) check(softly, target.toString(), target.json().path("expr").asText(), exposition);
        softly.assertAll();
        assertThat(targets).as("PromQL expressions in the dashboards").isNotEmpty();
    }

    private static void check(SoftAssertions softly, String name, String expression, PrometheusExposition exposition) {
        PromQlSelectors read = PromQlSelectors.of(expression);
        softly.assertThat(read.selectors()).as("%s: learnstream metrics in %s", name, expression).isNotEmpty();
        for (Selector selector : read.selectors()) {
            List<Map<String, String>> samples = exposition.metric(selector.metric()).orElse(null);
            if (samples == null) {
                softly.fail("%s: no meter of the code is exposed as %s (exposed: %s)", name, selector.metric(),
                        exposition.samples().keySet().stream().filter(m -> m.startsWith("learnstream_")).sorted().toList());
                continue;
            }
            for (LabelMatcher matcher : selector.matchers()) {
                softly.assertThat(samples.stream().anyMatch(labels -> matches(labels, matcher)))
                        .as("%s: a sample of %s with %s%s\"%s\" (samples: %s)", name, selector.metric(), matcher.label(),
                                matcher.operator(), matcher.value(), samples).isTrue();
            }
            for (String label : read.groupingLabels()) {
                if (TARGET_LABELS.contains(label)) continue;
                softly.assertThat(samples.stream().allMatch(labels -> labels.containsKey(label)))
                        .as("%s: every sample of %s has the label %s it is aggregated by (samples: %s)", name, selector.metric(),
                                label, samples).isTrue();
            }
        }
    }

    private static boolean matches(Map<String, String> labels, LabelMatcher matcher) {
        String value = labels.get(matcher.label());
        return switch (matcher.operator()) {
            case "=" -> matcher.value().equals(value);
            case "=~" -> value != null && Pattern.compile(matcher.value()).matcher(value).matches();
            default -> true; // a negative matcher never selects nothing because a label is absent
        };
    }

    /**
     * The meters of the parts the operators' dashboard shows, registered by their own classes: the front door, the
     * intake, mastery, risk and alerts, and a sink (its meters carry the table it writes). Meters a class registers on
     * first use (refusals by reason) are used once.
     */
    private static PrometheusMeterRegistry productionMeters() {
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        IngestMetrics ingest = new IngestMetrics(meters);
        ingest.caliperAccepted(1);
        ingest.rejected("invalid_statement", 1);
        ingest.unauthorized("unknown_key");
        new IntakeMetrics(meters);
        new MasteryMetrics(meters);
        new RiskMetrics(meters);
        new AlertsMetrics(meters);
        Topics topics = Topics.create(AvroSerdes.create(new InMemorySchemaRegistryClient()));
        // never run, never closed: only the meters it registers are wanted
        new TopicSink<>(topics.alerts(), new MockConsumer<>("earliest"), null, new AlertRows(Clock.systemUTC()),
                letter -> CompletableFuture.completedFuture(null), Duration.ofMillis(10), meters);
        return meters;
    }
}

package io.learnstream.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

/** The meters as the Prometheus endpoint shows them: Prometheus refuses series of one name with other tag keys. */
class IngestMetricsTest {
    @Test
    void shouldExportAcceptedDuplicateAndRejectedStatementsToPrometheus() {
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        IngestMetrics metrics = new IngestMetrics(prometheus);

        metrics.accepted(3);
        metrics.duplicates(1);
        metrics.rejected("invalid_statement", 2);
        metrics.rejected("method_not_allowed", 1);
        metrics.unauthorized("unknown_key");
        metrics.caliperAccepted(4);
        String scrape = prometheus.scrape();

        assertThat(scrape)
                .contains("learnstream_ingest_statements_total{outcome=\"accepted\"} 3.0")
                .contains("learnstream_ingest_statements_total{outcome=\"duplicate\"} 1.0")
                .contains("learnstream_ingest_rejections_total{reason=\"invalid_statement\"} 2.0")
                .contains("learnstream_ingest_rejections_total{reason=\"method_not_allowed\"} 1.0")
                .contains("learnstream_ingest_unauthorized_total{reason=\"unknown_key\"} 1.0")
                .contains("learnstream_ingest_caliper_events_total{outcome=\"accepted\"} 4.0");
    }
}

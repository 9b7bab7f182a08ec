package io.learnstream.app.pipeline;

import io.learnstream.app.dashboard.DashboardConfig;
import io.learnstream.app.delivery.DeliveryConfig;
import io.learnstream.ingest.IngestConfig;
import io.learnstream.ingest.xapi.SkillSources;
import io.learnstream.sinks.retention.RetentionPolicy;
import io.learnstream.streams.alerts.AlertsOptions;
import io.learnstream.streams.mastery.MasteryOptions;
import io.learnstream.streams.risk.RiskOptions;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Everything the pipeline needs to run, whatever hosts Kafka, the registry and ClickHouse.
 *
 * @param bootstrapServers Kafka bootstrap servers
 * @param registryUrl Confluent-compatible schema registry
 * @param stateDir where Kafka Streams keeps its local state
 * @param partitions partitions of learnstream's topics when they are created
 * @param commitInterval how often Streams commits (and so how fresh its output is)
 * @param ingest the HTTP front door
 * @param secretsDir local secrets, e.g. the key that signs {@code more} links (instances behind one address share it)
 * @param parts what this instance runs besides the LRS front door; without {@link Part#ANALYTICS} it is an LRS tier
 *     scaled apart from the Streams instances
 * @param skillSources where statements name the skills their object exercises
 * @param mastery how mastery is tracked (grace period, mastery threshold, practice items)
 * @param risk how risk is computed over time (grace period, publication on change, stream-time and wall-clock ticks)
 * @param alerts how alerts are raised (the cooldown before the same alert repeats)
 * @param delivery how alerts are delivered to teachers (SMTP server, dashboard base URL for links, retries), when
 *     {@link Part#DELIVERY} runs
 * @param dashboard the teacher dashboard's address and sessions, when this instance runs {@link Part#DASHBOARD}
 * @param retention how long each district's statements and attachments are kept (the archives' TTL)
 */
public record PipelineConfig(String bootstrapServers, URI registryUrl, Path stateDir, int partitions,
        Duration commitInterval, IngestConfig ingest, Path secretsDir, Set<Part> parts, SkillSources skillSources,
        MasteryOptions mastery, RiskOptions risk, AlertsOptions alerts, DeliveryConfig delivery, DashboardConfig dashboard,
        RetentionPolicy retention) {
    /** With the default skill sources and mastery, risk and alert options. */
    public PipelineConfig(String bootstrapServers, URI registryUrl, Path stateDir, int partitions,
            Duration commitInterval, IngestConfig ingest, Path secretsDir, Set<Part> parts) {
        this(bootstrapServers, registryUrl, stateDir, partitions, commitInterval, ingest, secretsDir, parts,
                SkillSources.defaults(), MasteryOptions.defaults(), RiskOptions.defaults(), AlertsOptions.defaults());
    }

    /** With the default alert delivery (no SMTP server) and dashboard (any free port on 127.0.0.1). */
    public PipelineConfig(String bootstrapServers, URI registryUrl, Path stateDir, int partitions, Duration commitInterval,
            IngestConfig ingest, Path secretsDir, Set<Part> parts, SkillSources skillSources, MasteryOptions mastery, RiskOptions risk,
            AlertsOptions alerts) {
        this(bootstrapServers, registryUrl, stateDir, partitions, commitInterval, ingest, secretsDir, parts, skillSources, mastery, risk,
                alerts, DeliveryConfig.defaults(), DashboardConfig.defaults(), RetentionPolicy.keepForever());
    }

    public PipelineConfig withDelivery(DeliveryConfig settings) {
        return new PipelineConfig(bootstrapServers, registryUrl, stateDir, partitions, commitInterval, ingest, secretsDir, parts,
                skillSources, mastery, risk, alerts, settings, dashboard, retention);
    }

    /** The same, with the dashboard configured so. */
    public PipelineConfig withDashboard(DashboardConfig other) {
        return new PipelineConfig(bootstrapServers, registryUrl, stateDir, partitions, commitInterval, ingest, secretsDir, parts,
                skillSources, mastery, risk, alerts, delivery, other, retention);
    }

    /** With each district's statements and attachments kept as {@code policy} says. */
    public PipelineConfig withRetention(RetentionPolicy policy) {
        return new PipelineConfig(bootstrapServers, registryUrl, stateDir, partitions, commitInterval, ingest, secretsDir, parts,
                skillSources, mastery, risk, alerts, delivery, dashboard, policy);
    }

    public PipelineConfig {
        Objects.requireNonNull(skillSources, "skillSources");
        Objects.requireNonNull(mastery, "mastery");
        Objects.requireNonNull(risk, "risk");
        Objects.requireNonNull(alerts, "alerts");
        Objects.requireNonNull(delivery, "delivery");
        Objects.requireNonNull(dashboard, "dashboard");
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(registryUrl, "registryUrl");
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(ingest, "ingest");
        Objects.requireNonNull(secretsDir, "secretsDir");
        parts = Set.copyOf(parts);
        if (partitions < 1) throw new IllegalArgumentException("partitions must be at least 1, got " + partitions);
        if (commitInterval.isNegative() || commitInterval.isZero()) {
            throw new IllegalArgumentException("commitInterval must be positive, got " + commitInterval);
        }
    }

    public boolean runs(Part part) {
        return parts.contains(part);
    }
}

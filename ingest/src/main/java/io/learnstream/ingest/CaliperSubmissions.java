package io.learnstream.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.learnstream.ingest.caliper.CaliperIntake;
import io.learnstream.schemas.avro.CaliperEventRecord;
import io.learnstream.schemas.topic.TopicPublisher;
import io.learnstream.schemas.topic.Topics;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The Caliper use case, apart from HTTP: validate a sensor's envelope (all or nothing) and store its events on
 * Kafka; completes with the event ids once Kafka acknowledged every one. Duplicate event ids are counted once by
 * the intake topology.
 */
public final class CaliperSubmissions {
    private final Topics topics;
    private final TopicPublisher publisher;
    private final Clock clock;
    private final IngestMetrics metrics;
    private final CaliperIntake intake = new CaliperIntake();

    public CaliperSubmissions(Topics topics, TopicPublisher publisher, Clock clock, IngestMetrics metrics) {
        this.topics = topics;
        this.publisher = publisher;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** @throws io.learnstream.ingest.xapi.StatementRejectedException naming the first offending property */
    public CompletableFuture<List<String>> submit(Submitter submitter, JsonNode envelope) {
        List<CaliperEventRecord> events = intake.accept(envelope, submitter.tenantId(), submitter.tool(), clock.instant());
        List<CompletableFuture<?>> acks = new ArrayList<>(events.size());
        List<String> ids = new ArrayList<>(events.size());
        for (CaliperEventRecord event : events) {
            ids.add(event.getEventId());
            // urn:uuid ids are case-insensitive: one key however the sensor cases a resent event's id
            String key = Topics.tenantScopedKey(submitter.tenantId(), event.getEventId().toLowerCase(java.util.Locale.ROOT));
            acks.add(publisher.send(topics.caliperEvents(), key, event, event.getReceived().toEpochMilli()));
        }
        return CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).thenApply(done -> {
            metrics.caliperAccepted(events.size());
            return ids;
        });
    }
}

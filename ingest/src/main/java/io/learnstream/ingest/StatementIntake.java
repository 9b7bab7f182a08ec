package io.learnstream.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.learnstream.ingest.identity.TenantKeys;
import io.learnstream.schemas.topic.TopicPublisher;
import io.learnstream.ingest.xapi.Statement;
import io.learnstream.ingest.xapi.StatementNormalizer;
import io.learnstream.ingest.xapi.StatementRejectedException;
import io.learnstream.ingest.xapi.StatementValidator;
import io.learnstream.ingest.xapi.UnprocessableStatementException;
import io.learnstream.ingest.xapi.XapiTimestamps;
import io.learnstream.schemas.avro.DeadLetter;
import io.learnstream.schemas.avro.LearningEvent;
import io.learnstream.schemas.topic.Topics;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The ingest use case, apart from HTTP: validate a request's statements (all or nothing), set what the server
 * sets, normalize them to learning events and publish them. The returned future completes only once Kafka
 * acknowledged every record, so a caller answers 200 only for statements that are durably stored.
 */
public final class StatementIntake {
    private final Topics topics;
    private final TopicPublisher publisher;
    private final TenantKeys tenantKeys;
    private final Clock clock;
    private final IngestMetrics metrics;
    private final StatementValidator validator = new StatementValidator();
    private final StatementNormalizer normalizer = new StatementNormalizer();

    public StatementIntake(Topics topics, TopicPublisher publisher, TenantKeys tenantKeys, Clock clock, IngestMetrics metrics) {
        this.topics = topics;
        this.publisher = publisher;
        this.tenantKeys = tenantKeys;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * Validates one statement or an array of statements and prepares them for storage.
     *
     * @throws StatementRejectedException naming the first offending property; nothing of the request is kept
     */
    public List<Statement> prepare(JsonNode body) {
        boolean batch = body.isArray();
        if (!batch && !body.isObject()) {
            throw new StatementRejectedException("", "the request body must be a statement (JSON object) or an array of statements");
        }
        if (batch && body.isEmpty()) {
            throw new StatementRejectedException("", "the array of statements is empty");
        }
        Instant stored = clock.instant();
        List<Statement> statements = new ArrayList<>(batch ? body.size() : 1);
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < (batch ? body.size() : 1); i++) {
            JsonNode json = batch ? body.get(i) : body;
            String prefix = batch ? "statements[" + i + "]" : "";
            Statement statement;
            try {
                validator.validate(json);
                statement = complete((ObjectNode) json, stored);
            } catch (StatementRejectedException e) {
                throw batch ? e.under(prefix) : e;
            }
            if (!ids.add(statement.id())) {
                throw new StatementRejectedException(prefix + ".id", "the batch holds two statements with the id " + statement.id());
            }
            statements.add(statement);
        }
        return statements;
    }

    /** Publishes prepared statements for a tenant; completes with their ids once Kafka acknowledged all of them. */
    public CompletableFuture<List<UUID>> publish(String tenantId, String tool, List<Statement> statements) {
        var key = tenantKeys.keyFor(tenantId);
        List<CompletableFuture<?>> acks = new ArrayList<>(statements.size());
        List<UUID> ids = new ArrayList<>(statements.size());
        int[] deadLettered = {0};
        long started = System.nanoTime();
        for (Statement statement : statements) {
            ids.add(statement.id());
            try {
                LearningEvent event = normalizer.normalize(statement, tenantId, key, tool);
                acks.add(publisher.send(topics.learningEvents(), event.getStudentKey(), event, event.getEventTime().toEpochMilli()));
            } catch (UnprocessableStatementException e) {
                deadLettered[0]++;
                DeadLetter letter = DeadLetter.newBuilder()
                        .setTenantId(tenantId)
                        .setSource("ingest.xapi")
                        .setReason(e.getMessage())
                        .setPayload(statement.json().toString())
                        .setReceivedTime(statement.stored())
                        .build();
                acks.add(publisher.send(topics.deadLetters(), statement.id().toString(), letter, statement.stored().toEpochMilli()));
            }
        }
        return CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).thenApply(done -> {
            metrics.publishLatency().record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
            metrics.accepted(statements.size() - deadLettered[0]);
            metrics.deadLettered(deadLettered[0]);
            return ids;
        });
    }

    /** Sets the properties the LRS sets: {@code id} when absent, {@code timestamp} when absent, {@code stored}. */
    private static Statement complete(ObjectNode json, Instant stored) {
        UUID id;
        if (json.hasNonNull("id")) {
            id = UUID.fromString(json.get("id").asText());
        } else {
            id = UUID.randomUUID();
            json.put("id", id.toString());
        }
        Instant timestamp;
        if (json.hasNonNull("timestamp")) {
            timestamp = XapiTimestamps.parse(json.get("timestamp").asText());
        } else {
            timestamp = stored;
            json.put("timestamp", XapiTimestamps.format(stored));
        }
        json.put("stored", XapiTimestamps.format(stored));
        return new Statement(id, json, timestamp, stored);
    }
}

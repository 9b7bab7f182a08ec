package io.learnstream.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.learnstream.ingest.xapi.ContentHash;
import io.learnstream.ingest.xapi.ContextActivities;
import io.learnstream.ingest.xapi.ReceivedText;
import io.learnstream.ingest.xapi.Statement;
import io.learnstream.ingest.xapi.StatementRejectedException;
import io.learnstream.ingest.xapi.StatementValidator;
import io.learnstream.ingest.xapi.XapiTimestamps;
import io.learnstream.ingest.xapi.XapiVersion;
import io.learnstream.schemas.avro.XapiStatementRecord;
import io.learnstream.schemas.topic.TopicPublisher;
import io.learnstream.schemas.topic.Topics;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The LRS write use case, apart from HTTP: validate a request's statements (all or nothing), set what the LRS
 * sets, refuse ids the district already has with other content, and store the new statements on Kafka. The
 * returned future completes only once Kafka acknowledged every record, so a caller answers 200 only for
 * statements that are durably stored. Statements the district already has with the same content are accepted
 * again without being stored twice.
 */
public final class StatementIntake {
    /** How many recently stored statement ids are remembered in memory for the duplicate check. */
    static final int RECENT_IDS = 200_000;

    private final Topics topics;
    private final TopicPublisher publisher;
    private final KnownStatements known;
    private final Clock clock;
    private final IngestMetrics metrics;
    private final String authorityHomePage;
    private final StatementValidator validator = new StatementValidator();
    private final RecentStatements recent;
    private final Map<String, Instant> latestStored = new ConcurrentHashMap<>();

    public StatementIntake(Topics topics, TopicPublisher publisher, KnownStatements known, Clock clock, IngestMetrics metrics,
            String authorityHomePage) {
        this(topics, publisher, known, clock, metrics, authorityHomePage, RECENT_IDS);
    }

    /** @param recentIds how many of the statements it stored last this instance remembers for the duplicate check */
    StatementIntake(Topics topics, TopicPublisher publisher, KnownStatements known, Clock clock, IngestMetrics metrics,
            String authorityHomePage, int recentIds) {
        this.recent = new RecentStatements(recentIds);
        this.topics = topics;
        this.publisher = publisher;
        this.known = known;
        this.clock = clock;
        this.metrics = metrics;
        this.authorityHomePage = authorityHomePage;
    }

    /**
     * Validates one statement or an array of statements and prepares them for storage.
     *
     * @throws StatementRejectedException naming the first offending property; nothing of the request is kept
     */
    public List<Statement> prepare(JsonNode body, XapiVersion version) {
        return prepare(body, null, version);
    }

    /**
     * Validates one statement or an array of statements and prepares them for storage; {@code received} holds each
     * statement's text as sent (by its index; the root object's at 0), or is {@code null}. A statement whose text is
     * known and on which the LRS only adds properties is stored as that text with them appended.
     *
     * @throws StatementRejectedException naming the first offending property; nothing of the request is kept
     */
    public List<Statement> prepare(JsonNode body, List<ReceivedText> received, XapiVersion version) {
        boolean batch = body.isArray();
        if (!batch && !body.isObject()) {
            throw new StatementRejectedException("", "the request body must be a statement (JSON object) or an array of statements");
        }
        if (batch && body.isEmpty()) {
            throw new StatementRejectedException("", "the array of statements is empty");
        }
        Instant stored = clock.instant();
        String storedText = XapiTimestamps.format(stored); // one stored time for the whole request
        List<Statement> statements = new ArrayList<>(batch ? body.size() : 1);
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < (batch ? body.size() : 1); i++) {
            JsonNode json = batch ? body.get(i) : body;
            String prefix = batch ? "statements[" + i + "]" : "";
            Statement statement;
            try {
                validator.validate(json, version);
                statement = complete((ObjectNode) json, stored, storedText, version, received == null ? null : received.get(i));
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

    /**
     * Stores prepared statements for a submitter; completes with their ids once Kafka acknowledged all new ones.
     *
     * @throws StatementConflictException when the district has one of the ids with other content (nothing is stored)
     */
    public CompletableFuture<List<UUID>> store(Submitter submitter, XapiVersion version, List<Statement> statements) {
        Set<String> alreadyStored = duplicates(submitter.tenantId(), statements);
        ObjectNode authority = authority(submitter);
        List<CompletableFuture<?>> acks = new ArrayList<>(statements.size());
        List<UUID> ids = new ArrayList<>(statements.size());
        List<Statement> written = new ArrayList<>(statements.size());
        long started = System.nanoTime();
        for (Statement statement : statements) {
            ids.add(statement.id());
            String id = statement.id().toString();
            if (alreadyStored.contains(id)) continue;
            // appended: a statement that came with an authority has no received text (the LRS replaces it in place)
            statement.json().set("authority", authority);
            XapiStatementRecord record = XapiStatementRecord.newBuilder()
                    .setTenantId(submitter.tenantId())
                    .setStatementId(id)
                    .setStored(statement.stored())
                    .setXapiVersion(version.header())
                    .setTool(submitter.tool())
                    .setCredentialKey(submitter.credentialKey())
                    .setContentHash(statement.contentHash())
                    .setStatement(statement.storedJson())
                    .build();
            acks.add(publisher.send(topics.xapiStatements(), StatementKeys.of(submitter.tenantId(), statement), record,
                    statement.stored().toEpochMilli()));
            written.add(statement);
        }
        int duplicates = alreadyStored.size();
        return CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).thenApply(done -> {
            // remembered only once Kafka acknowledged them: a concurrent duplicate of a statement still in flight is
            // stored again (and counted once by the intake) rather than answered 200 for a write that may yet fail
            recent.remember(submitter.tenantId(), written);
            for (Statement statement : written) known.stored(submitter.tenantId(), statement.id().toString());
            if (!written.isEmpty()) latestStored.merge(submitter.tenantId(), written.getFirst().stored(), StatementIntake::later);
            metrics.publishLatency().record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            metrics.accepted(written.size());
            metrics.duplicates(duplicates);
            return ids;
        });
    }

    /** Whether this instance stored the statement (lower-case id) for the district lately and Kafka acknowledged it. */
    public boolean storedHere(String tenantId, String statementId) {
        return recent.contains(tenantId, statementId);
    }

    /** The {@code stored} instant of the latest statements this instance stored for the district (Kafka acknowledged them). */
    public Optional<Instant> latestStored(String tenantId) {
        return Optional.ofNullable(latestStored.get(tenantId));
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /**
     * The ids of {@code statements} the district already has with the same content.
     *
     * @throws StatementConflictException for the first id it has with other content
     */
    private Set<String> duplicates(String tenantId, List<Statement> statements) {
        List<String> ids = new ArrayList<>(statements.size());
        for (Statement statement : statements) ids.add(statement.id().toString());
        Map<String, String> hashes = recent.contentHashes(tenantId, ids);
        if (hashes.size() < ids.size()) {
            List<String> unknown = new ArrayList<>(ids.size() - hashes.size());
            for (String id : ids) {
                if (!hashes.containsKey(id)) unknown.add(id);
            }
            hashes.putAll(known.contentHashes(tenantId, unknown));
        }
        Set<String> same = new HashSet<>();
        for (Statement statement : statements) {
            String id = statement.id().toString();
            String existing = hashes.get(id);
            if (existing == null) continue;
            if (!existing.equals(statement.contentHash())) throw new StatementConflictException(id);
            same.add(id);
        }
        return same;
    }

    private ObjectNode authority(Submitter submitter) {
        ObjectNode authority = JsonNodeFactory.instance.objectNode();
        authority.put("objectType", "Agent");
        authority.put("name", submitter.tool());
        ObjectNode account = authority.putObject("account");
        account.put("homePage", authorityHomePage);
        account.put("name", submitter.credentialKey());
        return authority;
    }

    /**
     * Sets the properties the LRS sets: {@code id} and {@code timestamp} when absent, {@code stored}, and
     * {@code version} when absent; a single context activity becomes an array of one. The content hash is taken
     * first, from the statement as sent. The received text is kept only when all of that adds properties after the
     * statement's own and changes none of them (nor does the {@code authority} set when it is stored).
     */
    private static Statement complete(ObjectNode json, Instant stored, String storedText, XapiVersion version, ReceivedText received) {
        String contentHash = ContentHash.of(json);
        // what is set below in place of what the tool sent: stored and authority always, id, timestamp and version if null
        boolean onlyAdded = received != null && received.properties() == json.size() && !json.has("stored") && !json.has("authority")
                && !isNull(json, "id") && !isNull(json, "timestamp") && !isNull(json, "version");
        if (ContextActivities.asArrays(json)) onlyAdded = false;
        UUID id;
        if (json.hasNonNull("id")) {
            id = UUID.fromString(json.get("id").asText());
            if (!json.get("id").asText().equals(id.toString())) onlyAdded = false;
            json.put("id", id.toString());
        } else {
            id = UUID.randomUUID();
            json.put("id", id.toString());
        }
        Instant timestamp;
        if (json.hasNonNull("timestamp")) {
            timestamp = XapiTimestamps.parse(json.get("timestamp").asText());
        } else {
            timestamp = stored;
            json.put("timestamp", storedText);
        }
        json.put("stored", storedText);
        if (!json.hasNonNull("version")) json.put("version", version.statementVersion());
        return new Statement(id, json, timestamp, stored, contentHash, onlyAdded ? received : null);
    }

    private static boolean isNull(ObjectNode json, String property) {
        JsonNode value = json.get(property);
        return value != null && value.isNull();
    }
}

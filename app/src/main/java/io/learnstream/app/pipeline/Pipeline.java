package io.learnstream.app.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.learnstream.app.dashboard.Dashboard;
import io.learnstream.ingest.IngestMetrics;
import io.learnstream.ingest.BloomKnownStatements;
import io.learnstream.ingest.CaliperSubmissions;
import io.learnstream.ingest.attachments.AttachmentIntake;
import io.learnstream.ingest.auth.TenantDirectory;
import io.learnstream.ingest.documents.DocumentKind;
import io.learnstream.ingest.documents.DocumentMetrics;
import io.learnstream.ingest.documents.DocumentStore;
import io.learnstream.ingest.documents.DocumentTable;
import io.learnstream.ingest.documents.TopicDocumentTable;
import io.learnstream.schemas.avro.XapiDocumentRecord;
import java.util.EnumMap;
import io.learnstream.ingest.http.StatementsRead;
import io.learnstream.ingest.lrs.ActivityReader;
import io.learnstream.ingest.lrs.MoreCursor;
import io.learnstream.ingest.lrs.StatementReader;
import io.learnstream.schemas.avro.XapiAttachmentRecord;
import io.learnstream.schemas.avro.XapiStatementRecord;
import io.learnstream.schemas.topic.Topic;
import io.learnstream.schemas.topic.TopicTableConfig;
import io.learnstream.sinks.kafka.RowMapper;
import io.learnstream.sinks.lrs.ArchiveWatermark;
import io.learnstream.sinks.lrs.ArchivedStatementIds;
import io.learnstream.sinks.lrs.ClickHouseAttachmentArchive;
import io.learnstream.sinks.lrs.ClickHouseStatementArchive;
import io.learnstream.sinks.lrs.KafkaTopicProgress;
import io.learnstream.sinks.lrs.XapiAttachmentRows;
import io.learnstream.sinks.lrs.XapiStatementRows;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import io.learnstream.ingest.StatementIntake;
import io.learnstream.ingest.http.IngestServer;
import io.learnstream.ingest.publish.ProducerSettings;
import io.learnstream.schemas.avro.DeadLetter;
import io.learnstream.schemas.avro.EngagementDaily;
import io.learnstream.schemas.avro.StudentCourseDay;
import io.learnstream.schemas.registry.RestSchemaRegistryClient;
import io.learnstream.schemas.registry.SchemaRegistryClientConfig;
import io.learnstream.schemas.serde.AvroSerdes;
import io.learnstream.schemas.topic.TopicPublisher;
import io.learnstream.schemas.topic.Topics;
import io.learnstream.sinks.engagement.EngagementDailyRows;
import io.learnstream.sinks.kafka.TopicSink;
import io.learnstream.sinks.schema.ClickHouseSchema;
import io.learnstream.sinks.spi.ColumnStore;
import io.learnstream.streams.engagement.EngagementOptions;
import io.learnstream.streams.engagement.EngagementTopology;
import io.learnstream.streams.errors.DeadLetterDeserializationHandler;
import io.learnstream.streams.intake.IntakeMetrics;
import io.learnstream.streams.intake.IntakeTopology;
import io.learnstream.streams.mastery.MasteryMetrics;
import io.learnstream.streams.mastery.MasteryTopology;
import io.learnstream.streams.mastery.ParameterPublication;
import io.learnstream.streams.roster.RosterIndexMetrics;
import io.learnstream.streams.roster.RosterIndexTopology;
import io.learnstream.schemas.avro.RiskParameter;
import io.learnstream.streams.risk.RiskMetrics;
import io.learnstream.streams.risk.RiskModelPublication;
import io.learnstream.streams.risk.RiskTopology;
import io.learnstream.streams.alerts.AlertsMetrics;
import io.learnstream.streams.alerts.AlertsTopology;
import io.learnstream.app.delivery.AlertDeliveryService;
import org.apache.kafka.streams.state.KeyValueIterator;
import io.learnstream.schemas.avro.MasteryParameter;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import io.learnstream.sinks.mastery.MasteryCurrentRows;
import io.learnstream.sinks.mastery.MasteryHistoryRows;
import io.learnstream.sinks.mastery.MasteryPredictionRows;
import io.learnstream.sinks.mastery.StudentMasteryRows;
import io.learnstream.sinks.alerts.AlertFeedbackRows;
import io.learnstream.sinks.alerts.AlertRows;
import io.learnstream.sinks.risk.RiskScoreRows;
import io.learnstream.sinks.roster.RosterRows;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * learnstream's moving parts, wired over a Kafka cluster, a schema registry and a column store that someone
 * else provides (the embedded stack, or servers): the HTTP front door, the Streams topology and the sink into
 * ClickHouse. Starting it creates missing topics and tables; closing it stops the parts in reverse order.
 */
public final class Pipeline implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Pipeline.class);
    public static final String STREAMS_APPLICATION_ID = "learnstream-engagement";
    public static final String INTAKE_APPLICATION_ID = "learnstream-intake";
    public static final String MASTERY_APPLICATION_ID = "learnstream-mastery";
    public static final String ROSTER_INDEX_APPLICATION_ID = "learnstream-roster-index";
    public static final String RISK_APPLICATION_ID = "learnstream-risk";
    public static final String ALERTS_APPLICATION_ID = "learnstream-alerts";
    public static final String DELIVERY_APPLICATION_ID = AlertDeliveryService.APPLICATION_ID;
    /** How long one question to the broker may take while waiting for the pipeline to catch up. */
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);

    public static final String ENGAGEMENT_SINK_GROUP = "learnstream-sink-engagement-daily";
    public static final String ARCHIVE_SINK_GROUP = "learnstream-sink-xapi-statements";
    /** Client id prefix of the document tables' consumers and producers (the State and profile documents). */
    static final String DOCUMENTS_CLIENT_ID = "learnstream-documents";
    public static final String ATTACHMENT_SINK_GROUP = "learnstream-sink-xapi-attachments";
    public static final String MASTERY_PREDICTIONS_SINK_GROUP = "learnstream-sink-mastery-predictions";
    public static final String MASTERY_HISTORY_SINK_GROUP = "learnstream-sink-mastery-history";
    public static final String MASTERY_CURRENT_SINK_GROUP = "learnstream-sink-mastery-current";
    public static final String STUDENT_MASTERY_SINK_GROUP = "learnstream-sink-student-mastery";
    public static final String RISK_HISTORY_SINK_GROUP = "learnstream-sink-risk-history";
    public static final String RISK_CURRENT_SINK_GROUP = "learnstream-sink-risk-current";
    public static final String ALERTS_SINK_GROUP = "learnstream-sink-alerts";
    public static final String ALERT_FEEDBACK_SINK_GROUP = "learnstream-sink-alert-feedback";
    public static final String ROSTER_ORGS_SINK_GROUP = "learnstream-sink-roster-orgs";
    public static final String ROSTER_CLASSES_SINK_GROUP = "learnstream-sink-roster-classes";
    public static final String ROSTER_ENROLLMENTS_SINK_GROUP = "learnstream-sink-roster-enrollments";
    /** Attachment records one insert of the attachment sink takes at most (each up to 1 MB of data, sent as base64). */
    static final int ATTACHMENT_SINK_BATCH = 16;
    /** Statement ids the duplicate filter is sized for (about 24 MB at 1% false positives); more only raise that rate. */
    static final long KNOWN_IDS_CAPACITY = 20_000_000;
    /** How long a GET by statementId of a statement this instance just stored waits for the archive, rather than answer 404. */
    static final Duration READ_YOUR_WRITES = Duration.ofSeconds(3);

    private final PipelineConfig config;
    private final AvroSerdes serdes;
    private final Topics topics;
    private final IngestMetrics ingestMetrics;
    private final IngestServer ingest;
    private final Analytics analytics;
    private final TenantDirectory directory;
    private final ColumnStore store;
    private final Deque<AutoCloseable> closeables = new ArrayDeque<>();
    private final Admin admin;
    /** The teacher dashboard, when this instance runs it. */
    private Dashboard dashboard;

    /** The analytics half, when this instance runs it. */
    /**
     * The analytics part. {@code intakeInputs} and {@code engagementInputs} are each Streams application's input topics
     * (sources and repartition topics), in the order data flows through them.
     */
    private record Analytics(KafkaStreams intake, List<String> intakeInputs, KafkaStreams engagement, List<String> engagementInputs,
            TopicSink<StudentCourseDay, EngagementDaily> sink, KafkaStreams mastery, List<String> masteryInputs,
            MasteryMetrics masteryMetrics, KafkaStreams rosterIndex, KafkaStreams risk, List<String> riskInputs, RiskMetrics riskMetrics,
            KafkaStreams alerts, List<String> alertsInputs, AlertsMetrics alertsMetrics) {}

    private Pipeline(PipelineConfig config, AvroSerdes serdes, Topics topics, TenantDirectory directory, IngestMetrics ingestMetrics,
            IngestServer ingest, Analytics analytics, ColumnStore store, Admin admin) {
        this.config = config;
        this.serdes = serdes;
        this.admin = admin;
        this.directory = directory;
        this.analytics = analytics;
        this.topics = topics;
        this.ingestMetrics = ingestMetrics;
        this.ingest = ingest;
        this.store = store;
    }

    /** The State, Activity Profile and Agent Profile tables on their topics, each pushed on {@code started} once open. */
    private static DocumentStore openDocuments(PipelineConfig config, Topics topics, MeterRegistry meters, Deque<AutoCloseable> started) {
        TopicTableConfig tables = TopicTableConfig.of(config.bootstrapServers()).withClientId(DOCUMENTS_CLIENT_ID);
        Map<DocumentKind, DocumentTable> byKind = new EnumMap<>(DocumentKind.class);
        Map<DocumentKind, Topic<String, XapiDocumentRecord>> documentTopics = Map.of(DocumentKind.STATE, topics.xapiStates(),
                DocumentKind.ACTIVITY_PROFILE, topics.xapiActivityProfiles(), DocumentKind.AGENT_PROFILE, topics.xapiAgentProfiles());
        for (Map.Entry<DocumentKind, Topic<String, XapiDocumentRecord>> kind : documentTopics.entrySet()) {
            TopicDocumentTable table = TopicDocumentTable.open(kind.getValue(), tables);
            started.push(table);
            byKind.put(kind.getKey(), table);
        }
        return new DocumentStore(byKind, Clock.systemUTC(), new DocumentMetrics(meters), Topics.MAX_DOCUMENT_BYTES);
    }

    public static Pipeline start(PipelineConfig config, ColumnStore store, MeterRegistry meters) {
        AvroSerdes serdes = AvroSerdes.create(new RestSchemaRegistryClient(SchemaRegistryClientConfig.of(config.registryUrl())));
        Topics topics = Topics.create(serdes);
        Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers()));
        Deque<AutoCloseable> started = new ArrayDeque<>();
        started.push(admin);
        try {
            TopicSetup.ensure(admin, topics, config.partitions());
            ClickHouseSchema.apply(store);
            log.info("statements and attachments kept: {}", config.retention());
            TenantDirectory directory = TenantDirectory.open(TopicTableConfig.of(config.bootstrapServers()), topics, meters);
            started.push(directory);
            TopicPublisher publisher = new TopicPublisher(new KafkaProducer<>(
                    ProducerSettings.forIngest(config.bootstrapServers(), "learnstream-ingest")));
            started.push(publisher);
            Function<DeadLetter, CompletableFuture<?>> deadLetters =
                    letter -> publisher.send(topics.deadLetters(), null, letter, letter.getReceivedTime().toEpochMilli());

            // the LRS record: stored statements into ClickHouse, and how far that archive is complete
            ArchiveWatermark watermark = new ArchiveWatermark(
                    new KafkaTopicProgress(admin, topics.xapiStatements().name(), ARCHIVE_SINK_GROUP, Duration.ofSeconds(2)), Clock.systemUTC());
            ScheduledExecutorService probes = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("learnstream-archive-watermark").factory());
            probes.scheduleWithFixedDelay(() -> probeQuietly(watermark), 0, 250, TimeUnit.MILLISECONDS);
            started.push(probes::shutdownNow);
            ClickHouseStatementArchive archive = new ClickHouseStatementArchive(store, watermark::consistentThrough);
            ClickHouseAttachmentArchive attachmentArchive = new ClickHouseAttachmentArchive(store);

            // the document resources: a compacted topic per kind, each read into this instance's view
            DocumentStore documents = openDocuments(config, topics, meters, started);

            // the front door
            IngestMetrics ingestMetrics = new IngestMetrics(meters);
            BloomKnownStatements known = new BloomKnownStatements(archive::contentHashes, KNOWN_IDS_CAPACITY);
            long archived = ArchivedStatementIds.forEach(store, known::add);
            log.info("duplicate filter primed with {} archived statement ids", archived);
            StatementIntake statements = new StatementIntake(topics, publisher, known, Clock.systemUTC(), ingestMetrics,
                    config.ingest().authorityHomePage());
            MoreCursor cursors = new MoreCursor(SecretFile.loadOrCreate(config.secretsDir().resolve("more-cursor.key"), 32));
            IngestServer.Builder server = IngestServer.builder(config.ingest(), ingestMetrics)
                    .statements(statements)
                    .authentication(directory.authenticator()::authenticate)
                    .attachments(new AttachmentIntake(topics, publisher, attachmentArchive, Clock.systemUTC()))
                    .reads(new StatementsRead(new StatementReader(archive, cursors, IngestServer.STATEMENTS_PATH, statements::storedHere,
                            READ_YOUR_WRITES), attachmentArchive))
                    .activities(new ActivityReader(archive, statements::latestStored, READ_YOUR_WRITES))
                    .documents(documents)
                    .caliper(new CaliperSubmissions(topics, publisher, Clock.systemUTC(), ingestMetrics));
            if (meters instanceof PrometheusMeterRegistry prometheus) server.metricsScrape(prometheus::scrape);
            IngestServer ingest = server.build();

            // analytics: stored input to learning events, learning events to engagement, engagement into ClickHouse
            Analytics analytics = null;
            if (config.runs(Part.ANALYTICS)) {
                // each part is on the shutdown stack as soon as it exists, so a failed start closes what it made
                Topology intakeTopology = IntakeTopology.build(topics, serdes, new IntakeMetrics(meters), config.skillSources());
                KafkaStreams intake = new KafkaStreams(intakeTopology, streamsProperties(config, INTAKE_APPLICATION_ID));
                started.push(() -> intake.close(Duration.ofSeconds(30)));
                intake.setUncaughtExceptionHandler(stopOnError("intake"));
                Topology engagementTopology = EngagementTopology.build(topics, serdes, EngagementOptions.defaults());
                KafkaStreams streams = new KafkaStreams(engagementTopology, streamsProperties(config, STREAMS_APPLICATION_ID));
                started.push(() -> streams.close(Duration.ofSeconds(30)));
                streams.setUncaughtExceptionHandler(stopOnError("engagement"));
                MasteryMetrics masteryMetrics = new MasteryMetrics(meters);
                Topology masteryTopology = MasteryTopology.build(topics, serdes, config.mastery(), masteryMetrics);
                KafkaStreams mastery = new KafkaStreams(masteryTopology, streamsProperties(config, MASTERY_APPLICATION_ID));
                started.push(() -> mastery.close(Duration.ofSeconds(30)));
                mastery.setUncaughtExceptionHandler(stopOnError("mastery"));
                // the roster's indexes (identities, class teachers, class line items) the intake and later parts read
                Topology rosterIndexTopology = RosterIndexTopology.build(topics, serdes, new RosterIndexMetrics(meters));
                KafkaStreams rosterIndex = new KafkaStreams(rosterIndexTopology, streamsProperties(config, ROSTER_INDEX_APPLICATION_ID));
                started.push(() -> rosterIndex.close(Duration.ofSeconds(30)));
                rosterIndex.setUncaughtExceptionHandler(stopOnError("roster index"));
                // risk per student and class (ticking as days pass), and the alerts its flags raise for the teachers
                RiskMetrics riskMetrics = new RiskMetrics(meters);
                Topology riskTopology = RiskTopology.build(topics, serdes, config.risk(), riskMetrics);
                KafkaStreams risk = new KafkaStreams(riskTopology, streamsProperties(config, RISK_APPLICATION_ID));
                started.push(() -> risk.close(Duration.ofSeconds(30)));
                risk.setUncaughtExceptionHandler(stopOnError("risk"));
                AlertsMetrics alertsMetrics = new AlertsMetrics(meters);
                Topology alertsTopology = AlertsTopology.build(topics, serdes, config.alerts(), alertsMetrics);
                KafkaStreams alerts = new KafkaStreams(alertsTopology, streamsProperties(config, ALERTS_APPLICATION_ID));
                started.push(() -> alerts.close(Duration.ofSeconds(30)));
                alerts.setUncaughtExceptionHandler(stopOnError("alerts"));
                intake.start();
                streams.start();
                mastery.start();
                rosterIndex.start();
                risk.start();
                alerts.start();
                TopicSink<StudentCourseDay, EngagementDaily> engagementSink = sink(topics.engagementDaily(), ENGAGEMENT_SINK_GROUP,
                        config, store, new EngagementDailyRows(Clock.systemUTC()), deadLetters, meters);
                started.push(run(engagementSink, "learnstream-sink-engagement-daily"));
                started.push(run(sink(topics.masteryPredictions(), MASTERY_PREDICTIONS_SINK_GROUP, config, store,
                        new MasteryPredictionRows(Clock.systemUTC()), deadLetters, meters), MASTERY_PREDICTIONS_SINK_GROUP));
                started.push(run(sink(topics.skillMastery(), MASTERY_HISTORY_SINK_GROUP, config, store,
                        new MasteryHistoryRows(Clock.systemUTC()), deadLetters, meters), MASTERY_HISTORY_SINK_GROUP));
                started.push(run(sink(topics.skillMastery(), MASTERY_CURRENT_SINK_GROUP, config, store,
                        new MasteryCurrentRows(Clock.systemUTC()), deadLetters, meters), MASTERY_CURRENT_SINK_GROUP));
                started.push(run(sink(topics.studentMastery(), STUDENT_MASTERY_SINK_GROUP, config, store,
                        new StudentMasteryRows(Clock.systemUTC()), deadLetters, meters), STUDENT_MASTERY_SINK_GROUP));
                // risk scores, alerts and the teachers' answers to them (whoever writes those topics)
                started.push(run(sink(topics.riskScores(), RISK_HISTORY_SINK_GROUP, config, store,
                        RiskScoreRows.history(Clock.systemUTC()), deadLetters, meters), RISK_HISTORY_SINK_GROUP));
                started.push(run(sink(topics.riskScores(), RISK_CURRENT_SINK_GROUP, config, store,
                        RiskScoreRows.current(Clock.systemUTC()), deadLetters, meters), RISK_CURRENT_SINK_GROUP));
                started.push(run(sink(topics.alerts(), ALERTS_SINK_GROUP, config, store,
                        new AlertRows(Clock.systemUTC()), deadLetters, meters), ALERTS_SINK_GROUP));
                started.push(run(sink(topics.alertFeedback(), ALERT_FEEDBACK_SINK_GROUP, config, store,
                        new AlertFeedbackRows(Clock.systemUTC()), deadLetters, meters), ALERT_FEEDBACK_SINK_GROUP));
                // the roster's schools, classes and enrollments, for the data team's joins (removals as tombstone rows)
                started.push(run(sink(topics.rosterOrgs(), ROSTER_ORGS_SINK_GROUP, config, store,
                        RosterRows.orgs(Clock.systemUTC()), deadLetters, meters), ROSTER_ORGS_SINK_GROUP));
                started.push(run(sink(topics.rosterClasses(), ROSTER_CLASSES_SINK_GROUP, config, store,
                        RosterRows.classes(Clock.systemUTC()), deadLetters, meters), ROSTER_CLASSES_SINK_GROUP));
                started.push(run(sink(topics.rosterEnrollments(), ROSTER_ENROLLMENTS_SINK_GROUP, config, store,
                        RosterRows.enrollments(Clock.systemUTC()), deadLetters, meters), ROSTER_ENROLLMENTS_SINK_GROUP));
                analytics = new Analytics(intake, inputTopics(intakeTopology, INTAKE_APPLICATION_ID),
                        streams, inputTopics(engagementTopology, STREAMS_APPLICATION_ID), engagementSink,
                        mastery, inputTopics(masteryTopology, MASTERY_APPLICATION_ID), masteryMetrics, rosterIndex,
                        risk, inputTopics(riskTopology, RISK_APPLICATION_ID), riskMetrics,
                        alerts, inputTopics(alertsTopology, ALERTS_APPLICATION_ID), alertsMetrics);
            }
            if (config.runs(Part.DELIVERY)) {
                // alerts to teachers by e-mail and webhook, as their preferences say (digests, quiet hours)
                started.push(AlertDeliveryService.start(config.bootstrapServers(), streamsProperties(config, DELIVERY_APPLICATION_ID),
                        topics, serdes, config.delivery(), deadLetters, meters));
            }
            if (config.runs(Part.ARCHIVE)) {
                TopicSink<String, XapiStatementRecord> archiveSink = sink(topics.xapiStatements(), ARCHIVE_SINK_GROUP, config, store,
                        new XapiStatementRows(config.retention()), deadLetters, meters);
                started.push(run(archiveSink, "learnstream-sink-xapi-statements"));
                // attachment data into xapi_attachments, a few records per insert (each holds up to 1 MB)
                Map<String, Object> attachmentConsumer = TopicSink.consumerSettings(config.bootstrapServers(), ATTACHMENT_SINK_GROUP);
                attachmentConsumer.put("max.poll.records", ATTACHMENT_SINK_BATCH);
                TopicSink<String, XapiAttachmentRecord> attachmentSink = new TopicSink<>(topics.xapiAttachments(),
                        new KafkaConsumer<>(attachmentConsumer, topics.xapiAttachments().keySerde().deserializer(),
                                topics.xapiAttachments().valueSerde().deserializer()),
                        store, new XapiAttachmentRows(config.retention()), deadLetters, Duration.ofMillis(200), meters);
                started.push(run(attachmentSink, "learnstream-sink-xapi-attachments"));
            }
            Pipeline pipeline = new Pipeline(config, serdes, topics, directory, ingestMetrics, ingest, analytics, store, admin);
            if (config.runs(Part.DASHBOARD)) {
                pipeline.dashboard = Dashboard.start(config.dashboard(), config.bootstrapServers(), topics,
                        directory.districts()::pseudonymKey, store, meters);
                started.push(pipeline.dashboard);
            }
            started.push(ingest);
            ingest.start();
            pipeline.closeables.addAll(started);
            return pipeline;
        } catch (RuntimeException | Error e) {
            // Error too: a native library that fails to load must not leave clients and threads behind
            Shutdown.inReverseOrder(started);
            throw e;
        }
    }

    private static <K, V> TopicSink<K, V> sink(Topic<K, V> topic, String group, PipelineConfig config, ColumnStore store,
            RowMapper<K, V> rows, Function<DeadLetter, CompletableFuture<?>> deadLetters, MeterRegistry meters) {
        return new TopicSink<>(topic,
                new KafkaConsumer<>(TopicSink.consumerSettings(config.bootstrapServers(), group),
                        topic.keySerde().deserializer(), topic.valueSerde().deserializer()),
                store, rows, deadLetters, Duration.ofMillis(200), meters);
    }

    private static AutoCloseable run(TopicSink<?, ?> sink, String threadName) {
        Thread thread = Thread.ofPlatform().name(threadName).start(sink);
        return () -> {
            sink.close();
            thread.join(Duration.ofSeconds(15));
        };
    }

    private static void probeQuietly(ArchiveWatermark watermark) {
        try {
            watermark.probe();
        } catch (RuntimeException e) {
            log.debug("archive watermark probe failed; consistent-through stays where it was", e);
        }
    }

    private static StreamsUncaughtExceptionHandler stopOnError(String topology) {
        return error -> {
            log.error("the {} topology stopped on an error", topology, error);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        };
    }

    private static Properties streamsProperties(PipelineConfig config, String applicationId) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toString());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, (int) config.commitInterval().toMillis());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        props.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
        // Streams keeps dynamic members in the group after close (to spare a rebalance on a rolling bounce); for
        // a restarted single instance that means waiting out the session timeout before any task runs
        props.put(StreamsConfig.consumerPrefix("internal.leave.group.on.close"), true);
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterDeserializationHandler.class);
        props.put(SchemaRegistryClientConfig.URL, config.registryUrl().toString());
        return props;
    }

    public Topics topics() {
        return topics;
    }

    /** The serdes of the topics and stores, on this pipeline's schema registry. */
    public AvroSerdes serdes() {
        return serdes;
    }

    /**
     * The settings every Streams application of this pipeline runs with (exactly-once v2, the commit interval, the
     * state directory, the dead-letter handler), for {@code applicationId}: what a benchmark runs its topologies with.
     */
    public Properties streamsProperties(String applicationId) {
        return streamsProperties(config, applicationId);
    }

    /** The districts and their credentials. */
    public TenantDirectory directory() {
        return directory;
    }

    public String ingestUrl() {
        return ingest.baseUrl();
    }

    /** The teacher dashboard, if this instance runs it. */
    public Optional<Dashboard> dashboard() {
        return Optional.ofNullable(dashboard);
    }

    /** Scored answers the mastery topology has applied (0 on an instance without analytics). */
    public long answersTracked() {
        return analytics == null ? 0 : analytics.masteryMetrics().answers();
    }

    /** The risk topology's own counts (events applied, scores published), if it runs here. */
    public Optional<RiskMetrics> riskMetrics() {
        return analytics == null ? Optional.empty() : Optional.of(analytics.riskMetrics());
    }

    /** The alerts topology's own counts (raised, cleared, answered), if it runs here. */
    public Optional<AlertsMetrics> alertsMetrics() {
        return analytics == null ? Optional.empty() : Optional.of(analytics.alertsMetrics());
    }

    /** The mastery topology's own counts (answers held for ordering, re-sequenced, beyond the grace period), if it runs here. */
    public Optional<MasteryMetrics> masteryMetrics() {
        return analytics == null ? Optional.empty() : Optional.of(analytics.masteryMetrics());
    }

    /**
     * The parameter publication the mastery topology has read (its global store's {@code meta/version}; 0 while it
     * holds none, serves the built-in defaults, or is not running yet). The model switches to it on its next answer.
     */
    public long masteryParametersVersion() {
        if (analytics == null) return 0;
        try {
            ReadOnlyKeyValueStore<String, ValueAndTimestamp<MasteryParameter>> published = analytics.mastery().store(
                    StoreQueryParameters.fromNameAndType(MasteryTopology.PARAMETERS_STORE, QueryableStoreTypes.timestampedKeyValueStore()));
            ValueAndTimestamp<MasteryParameter> marker = published.get(ParameterPublication.VERSION_KEY);
            return marker == null ? 0 : marker.value().getVersion();
        } catch (InvalidStateStoreException notYet) {
            return 0;
        }
    }

    /**
     * The risk model publication the risk topology has read (its global store's {@code meta/version}; 0 while it holds
     * none and serves the shipped defaults, or is not running yet). The model switches to it on its next score.
     */
    public long riskModelVersion() {
        if (analytics == null) return 0;
        try {
            ReadOnlyKeyValueStore<String, ValueAndTimestamp<RiskParameter>> published = analytics.risk().store(
                    StoreQueryParameters.fromNameAndType(RiskTopology.PARAMETERS_STORE, QueryableStoreTypes.timestampedKeyValueStore()));
            ValueAndTimestamp<RiskParameter> marker = published.get(RiskModelPublication.VERSION_KEY);
            return marker == null ? 0 : marker.value().getVersion();
        } catch (InvalidStateStoreException notYet) {
            return 0;
        }
    }

    /**
     * How many roster identities (identifiers of roster users) the intake holds now, for all districts: what it links
     * learners by (0 on an instance without analytics, or before its global store is ready). Counts by reading the
     * store: for tests and status, not for a hot path.
     */
    public long rosterIdentitiesHeld() {
        return analytics == null ? 0 : countGlobal(IntakeTopology.IDENTITIES_STORE);
    }

    /** How many roster classes the intake holds now, for all districts: what it finds classes by. As {@link #rosterIdentitiesHeld()}. */
    public long rosterClassesHeld() {
        return analytics == null ? 0 : countGlobal(IntakeTopology.CLASSES_STORE);
    }

    /**
     * How many of {@code tokens} (roster identity tokens of district {@code tenant}, as {@code IdentityTokens.of}
     * gives them) the intake holds now: it links a learner to their roster user only once it holds their token.
     */
    public long rosterIdentitiesHeld(String tenant, Collection<String> tokens) {
        return analytics == null ? 0 : heldGlobal(IntakeTopology.IDENTITIES_STORE, tenant, tokens);
    }

    /** How many of the classes {@code classIds} of district {@code tenant} the intake holds now: it finds a statement's class only then. */
    public long rosterClassesHeld(String tenant, Collection<String> classIds) {
        return analytics == null ? 0 : heldGlobal(IntakeTopology.CLASSES_STORE, tenant, classIds);
    }

    private long heldGlobal(String storeName, String tenant, Collection<String> ids) {
        try {
            ReadOnlyKeyValueStore<String, ValueAndTimestamp<Object>> held = analytics.intake().store(
                    StoreQueryParameters.fromNameAndType(storeName, QueryableStoreTypes.timestampedKeyValueStore()));
            return ids.stream().filter(id -> held.get(Topics.tenantScopedKey(tenant, id)) != null).count();
        } catch (InvalidStateStoreException notYet) {
            return 0;
        }
    }

    private long countGlobal(String storeName) {
        try {
            ReadOnlyKeyValueStore<String, ValueAndTimestamp<Object>> held = analytics.intake().store(
                    StoreQueryParameters.fromNameAndType(storeName, QueryableStoreTypes.timestampedKeyValueStore()));
            long count = 0;
            try (KeyValueIterator<String, ValueAndTimestamp<Object>> all = held.all()) {
                while (all.hasNext()) {
                    all.next();
                    count++;
                }
            }
            return count;
        } catch (InvalidStateStoreException notYet) {
            return 0;
        }
    }

    public long statementsAccepted() {
        return ingestMetrics.acceptedCount();
    }

    /** Learning events the engagement topology has read from Kafka (0 on an instance without analytics). */
    public long eventsProcessed() {
        if (analytics == null) return 0;
        // the consumer registers each topic-level metric twice: under the topic's name and, for older
        // dashboards, with dots replaced by underscores; count one of them
        String topic = topics.learningEvents().name();
        double dotted = consumedTotal(topic);
        return (long) (dotted > 0 ? dotted : consumedTotal(topic.replace('.', '_')));
    }

    private double consumedTotal(String topicTag) {
        double total = 0;
        for (Map.Entry<MetricName, ? extends Metric> entry : analytics.engagement().metrics().entrySet()) {
            MetricName name = entry.getKey();
            if (name.name().equals("records-consumed-total")
                    && name.group().equals("consumer-fetch-manager-metrics")
                    && topicTag.equals(name.tags().get("topic"))
                    && !name.tags().getOrDefault("client-id", "").contains("restore")) {
                total += ((Number) entry.getValue().metricValue()).doubleValue();
            }
        }
        return total;
    }

    /**
     * Waits until everything accepted so far is in the column store, as the broker reports it (not as a consumer last
     * saw it): first each Streams application has committed its input to the end, upstream first (with exactly-once,
     * its output, including what its caches held, is committed in the same transaction, so the next one's input is
     * then complete); then the sink has committed, after inserting, everything on its topic. All of it twice in a row,
     * 200 ms apart; a broker that does not answer in time counts as not yet.
     *
     * @return true when caught up, false when {@code bound} passed first
     * @throws IllegalStateException when one of the topologies stopped on an error
     */
    public boolean awaitCaughtUp(Duration bound) throws InterruptedException {
        if (analytics == null) throw new IllegalStateException("this instance runs no analytics to catch up");
        long deadline = System.nanoTime() + bound.toNanos();
        // twice in a row: a transaction's offsets can show as committed a moment before its output's markers do
        int passes = 0;
        while (System.nanoTime() < deadline) {
            requireRunning("intake", analytics.intake());
            requireRunning("engagement", analytics.engagement());
            requireRunning("mastery", analytics.mastery());
            requireRunning("roster index", analytics.rosterIndex());
            requireRunning("risk", analytics.risk());
            requireRunning("alerts", analytics.alerts());
            passes = caughtUp(Duration.ofNanos(Math.max(1, Math.min(PROBE_TIMEOUT.toNanos(), deadline - System.nanoTime())))) ? passes + 1 : 0;
            if (passes == 2) return true;
            Thread.sleep(200);
        }
        return false;
    }

    /**
     * Waits until the intake has committed its input to the end, as the broker reports it: the learning events of
     * everything accepted so far are written, ahead of those of anything accepted later. What a replay that sends in
     * steps of event time waits for between steps (with the risk topology's repartition of them by class, which reads
     * several partitions of learning events as the intake reads several of statements), so that no learning event reaches the topologies behind events
     * more than a step later (each partition of the stored statements is in order, but the intake may write one
     * partition's backlog before another's).
     *
     * @return true when caught up, false when {@code bound} passed first
     * @throws IllegalStateException when the intake stopped on an error
     */
    public boolean awaitIntakeCaughtUp(Duration bound) throws InterruptedException {
        if (analytics == null) throw new IllegalStateException("this instance runs no analytics to catch up");
        long deadline = System.nanoTime() + bound.toNanos();
        while (System.nanoTime() < deadline) {
            requireRunning("intake", analytics.intake());
            try {
                Duration timeout = Duration.ofNanos(Math.max(1, Math.min(PROBE_TIMEOUT.toNanos(), deadline - System.nanoTime())));
                if (committedToEnd(INTAKE_APPLICATION_ID, analytics.intakeInputs(), timeout)
                        // the risk topology's repartition by class reads several partitions of learning events too
                        && committedToEnd(RISK_APPLICATION_ID, analytics.riskInputs().subList(0, 1), timeout)) return true;
            } catch (KafkaException e) {
                log.debug("could not tell whether the intake caught up: {}", e.getMessage());
            }
            Thread.sleep(20);
        }
        return false;
    }

    /** A topology that stopped on an error never catches up: say so rather than wait out the bound. */
    private static void requireRunning(String name, KafkaStreams streams) {
        KafkaStreams.State state = streams.state();
        if (state == KafkaStreams.State.ERROR || state == KafkaStreams.State.PENDING_ERROR || state == KafkaStreams.State.NOT_RUNNING
                || state == KafkaStreams.State.PENDING_SHUTDOWN) {
            throw new IllegalStateException("the " + name + " topology stopped (" + state + "); see the log");
        }
    }

    private boolean caughtUp(Duration timeout) {
        try {
            return committedToEnd(INTAKE_APPLICATION_ID, analytics.intakeInputs(), timeout)
                    && committedToEnd(STREAMS_APPLICATION_ID, analytics.engagementInputs(), timeout)
                    && committedToEnd(ENGAGEMENT_SINK_GROUP, List.of(topics.engagementDaily().name()), timeout)
                    && analytics.masteryMetrics().waiting() == 0 // none held back for ordering
                    && analytics.masteryMetrics().summariesDue() == 0 // every summary published
                    && committedToEnd(MASTERY_APPLICATION_ID, analytics.masteryInputs(), timeout)
                    // what the reorder buffer released last may still be in an open transaction
                    && KafkaTopicProgress.settled(admin, topics.masteryPredictions().name(), timeout)
                    && KafkaTopicProgress.settled(admin, topics.skillMastery().name(), timeout)
                    && KafkaTopicProgress.settled(admin, topics.studentMastery().name(), timeout)
                    && committedToEnd(MASTERY_PREDICTIONS_SINK_GROUP, List.of(topics.masteryPredictions().name()), timeout)
                    && committedToEnd(MASTERY_HISTORY_SINK_GROUP, List.of(topics.skillMastery().name()), timeout)
                    && committedToEnd(MASTERY_CURRENT_SINK_GROUP, List.of(topics.skillMastery().name()), timeout)
                    && committedToEnd(STUDENT_MASTERY_SINK_GROUP, List.of(topics.studentMastery().name()), timeout)
                    && committedToEnd(RISK_APPLICATION_ID, analytics.riskInputs(), timeout)
                    && KafkaTopicProgress.settled(admin, topics.riskScores().name(), timeout)
                    && committedToEnd(ALERTS_APPLICATION_ID, analytics.alertsInputs(), timeout)
                    && KafkaTopicProgress.settled(admin, topics.alerts().name(), timeout)
                    && committedToEnd(RISK_HISTORY_SINK_GROUP, List.of(topics.riskScores().name()), timeout)
                    && committedToEnd(RISK_CURRENT_SINK_GROUP, List.of(topics.riskScores().name()), timeout)
                    && committedToEnd(ALERTS_SINK_GROUP, List.of(topics.alerts().name()), timeout)
                    && committedToEnd(ALERT_FEEDBACK_SINK_GROUP, List.of(topics.alertFeedback().name()), timeout);
        } catch (KafkaException e) {
            // the broker did not answer in time, or a topic is not there yet: not caught up yet
            log.debug("could not tell whether the pipeline caught up: {}", e.getMessage());
            return false;
        }
    }

    /** Whether consumer group {@code group} has committed every partition of each topic, in order, up to its last stable offset. */
    private boolean committedToEnd(String group, List<String> inputs, Duration timeout) {
        for (String topic : inputs) {
            if (!new KafkaTopicProgress(admin, topic, group, timeout).reachedEnd()) return false;
        }
        return true;
    }

    /**
     * A Streams application's input topics as its consumers name them: the topology's sources, with the application id
     * before the name of each repartition topic, in the order of the sub-topologies (upstream first).
     */
    public static List<String> inputTopics(Topology topology, String applicationId) {
        List<String> inputs = new ArrayList<>();
        topology.describe().subtopologies().stream()
                .sorted(java.util.Comparator.comparingInt(TopologyDescription.Subtopology::id))
                .flatMap(subtopology -> subtopology.nodes().stream())
                .filter(node -> node instanceof TopologyDescription.Source)
                .flatMap(node -> ((TopologyDescription.Source) node).topicSet().stream().sorted())
                .map(topic -> topic.endsWith("-repartition") && !topic.startsWith(applicationId + "-") ? applicationId + "-" + topic : topic)
                .filter(topic -> !inputs.contains(topic))
                .forEach(inputs::add);
        return inputs;
    }

    public ColumnStore store() {
        return store;
    }

    @Override
    public void close() {
        Shutdown.inReverseOrder(closeables);
    }
}

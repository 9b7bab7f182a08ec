package io.learnstream.ingest.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.learnstream.ingest.CaliperSubmissions;
import io.learnstream.ingest.IngestConfig;
import io.learnstream.ingest.IngestMetrics;
import io.learnstream.ingest.StatementConflictException;
import io.learnstream.ingest.StatementIntake;
import io.learnstream.ingest.attachments.AttachmentIntake;
import io.learnstream.ingest.attachments.AttachmentRejectedException;
import io.learnstream.ingest.attachments.MultipartStatementReader;
import io.learnstream.ingest.documents.DocumentKind;
import io.learnstream.ingest.documents.DocumentRejectedException;
import io.learnstream.ingest.documents.DocumentStore;
import io.learnstream.ingest.lrs.ActivityReader;
import io.learnstream.ingest.lrs.StatementQueryException;
import io.learnstream.ingest.xapi.StatementRejectedException;
import io.learnstream.ingest.xapi.XapiVersion;
import io.learnstream.schemas.topic.TopicTableException;
import io.learnstream.schemas.topic.Topics;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import java.util.Map;
import org.eclipse.jetty.servlet.FilterHolder;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP front door: routes, the xAPI gate, error answers and request metrics. Each resource is its own class;
 * this one only assembles them.
 *
 * <pre>
 * GET  /xAPI/about        versions spoken (no credentials needed)
 * HEAD on every GET route: the GET's status and headers, no body
 * POST /xAPI/statements   store one statement or an array        (statements/write)
 * PUT  /xAPI/statements   store one statement under ?statementId (statements/write)
 * GET  /xAPI/statements   read by id or query                    (statements/read)
 * GET  /xAPI/activities   ?activityId: the Activity as last defined (statements/read)
 * POST /xAPI/statements?method=GET|PUT|POST   the 1.0.3 alternate request syntax: a form with headers, content, parameters
 * POST /xAPI/activities?method=GET             the same for the Activities resource
 * PUT|POST|GET|DELETE /xAPI/activities/state     State documents                (state)
 * PUT|POST|GET|DELETE /xAPI/activities/profile   Activity Profile documents     (profile)
 * PUT|POST|GET|DELETE /xAPI/agents/profile       Agent Profile documents        (profile)
 * GET  /xAPI/agents       ?agent: the Person object                              (profile)
 * POST /caliper           Caliper 1.2 envelope                   (statements/write)
 * GET  /metrics           Prometheus exposition of the meters
 * GET  /health
 * </pre>
 */
public final class IngestServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(IngestServer.class);
    public static final String STATEMENTS_PATH = "/xAPI/statements";
    public static final String ABOUT_PATH = "/xAPI/about";
    public static final String ACTIVITIES_PATH = "/xAPI/activities";
    public static final String STATE_PATH = "/xAPI/activities/state";
    public static final String ACTIVITY_PROFILE_PATH = "/xAPI/activities/profile";
    public static final String AGENT_PROFILE_PATH = "/xAPI/agents/profile";
    public static final String AGENTS_PATH = "/xAPI/agents";
    /** The paths of the document resources, by kind. */
    public static final Map<DocumentKind, String> DOCUMENT_PATHS = Map.of(DocumentKind.STATE, STATE_PATH,
            DocumentKind.ACTIVITY_PROFILE, ACTIVITY_PROFILE_PATH, DocumentKind.AGENT_PROFILE, AGENT_PROFILE_PATH);
    public static final String CALIPER_PATH = "/caliper";
    public static final String METRICS_PATH = "/metrics";
    /** Deepest JSON nesting accepted: real statements stay far below (a SubStatement with context is about 8). */
    public static final int MAX_JSON_DEPTH = 32;

    private final IngestConfig config;
    private final Javalin app;

    private IngestServer(Builder builder) {
        this.config = builder.config;
        IngestMetrics metrics = builder.metrics;
        ObjectMapper mapper = new ObjectMapper();
        JsonBodies bodies = new JsonBodies(MAX_JSON_DEPTH, config.maxStatementsPerRequest());
        PublishFailures failures = new PublishFailures(metrics);
        XapiGate gate = new XapiGate(builder.authentication, metrics, config.defaultXapiVersion());
        StatementsWrite write = new StatementsWrite(builder.statements, builder.attachments,
                new MultipartStatementReader(Topics.MAX_ATTACHMENT_BYTES), bodies, failures, builder.afterAcknowledgement);
        AboutResource about = new AboutResource(config.defaultXapiVersion());

        this.app = Javalin.create(javalin -> {
            javalin.showJavalinBanner = false;
            javalin.http.maxRequestSize = config.maxRequestBytes();
            javalin.jsonMapper(new JavalinJackson(mapper, false));
            FilterHolder alternateSyntax = new FilterHolder(new AlternateRequestSyntax((int) Math.min(Integer.MAX_VALUE - 1, config.maxRequestBytes())));
            javalin.jetty.modifyServletContextHandler(handler -> {
                handler.addFilter(alternateSyntax, STATEMENTS_PATH, EnumSet.of(DispatcherType.REQUEST));
                handler.addFilter(alternateSyntax, ACTIVITIES_PATH, EnumSet.of(DispatcherType.REQUEST));
                if (builder.documents != null) {
                    for (String path : DOCUMENT_PATHS.values()) handler.addFilter(alternateSyntax, path, EnumSet.of(DispatcherType.REQUEST));
                    handler.addFilter(alternateSyntax, AGENTS_PATH, EnumSet.of(DispatcherType.REQUEST));
                }
            });
        });
        app.before(ctx -> ctx.attribute("learnstream.started", System.nanoTime()));
        app.before("/xAPI/*", ctx -> {
            // every xAPI answer names a version, also when the request is refused before the version is negotiated
            gate.answerWithDefault(ctx);
            // a resource learnstream does not serve (State, profiles, Agents) still asks for the version first
            if (!ctx.path().equals(ABOUT_PATH) && !ctx.path().equals(STATEMENTS_PATH)) gate.negotiate(ctx);
        });
        app.before(STATEMENTS_PATH, StatementsMethods::requireSupported);
        app.before(STATEMENTS_PATH, AlternateRequestSyntax::requireWellFormed);
        app.before(STATEMENTS_PATH, gate::admit);
        app.before(CALIPER_PATH, gate::authenticate);
        if (builder.activities != null) {
            app.before(ACTIVITIES_PATH, AlternateRequestSyntax::requireWellFormed);
            app.before(ACTIVITIES_PATH, gate::authenticate);
        }
        if (builder.documents != null) {
            for (Map.Entry<DocumentKind, String> resource : DOCUMENT_PATHS.entrySet()) {
                String path = resource.getValue();
                DocumentsResource documents = new DocumentsResource(resource.getKey(), builder.documents);
                app.before(path, AlternateRequestSyntax::requireWellFormed);
                app.before(path, gate::authenticate);
                get(path, documents::get);
                app.put(path, documents::put);
                app.post(path, documents::post);
                app.delete(path, documents::delete);
            }
            app.before(AGENTS_PATH, AlternateRequestSyntax::requireWellFormed);
            app.before(AGENTS_PATH, gate::authenticate);
            get(AGENTS_PATH, new AgentsRead()::get);
        }
        // HEAD answers as GET would, without the body (Communication 1.1); Jetty leaves the body out
        get(ABOUT_PATH, about::get);
        app.post(STATEMENTS_PATH, write::post);
        app.put(STATEMENTS_PATH, write::put);
        if (builder.reads != null) get(STATEMENTS_PATH, builder.reads::get);
        if (builder.activities != null) get(ACTIVITIES_PATH, new ActivitiesRead(builder.activities)::get);
        if (builder.caliper != null) {
            CaliperResource caliper = new CaliperResource(builder.caliper, bodies, failures, builder.afterAcknowledgement);
            app.post(CALIPER_PATH, caliper::post);
        }
        if (builder.scrape != null) get(METRICS_PATH, ctx -> ctx.contentType("text/plain; version=0.0.4").result(builder.scrape.get()));
        get("/health", ctx -> ctx.json(Map.of("status", "UP")));
        app.after(ctx -> record(metrics, ctx));

        app.exception(StatementRejectedException.class, (e, ctx) -> {
            metrics.rejected("invalid_statement", 1);
            ctx.status(400).json(new ApiError(400, "invalid_statement", e.getMessage(), e.path(), e.rule()));
        });
        app.exception(AttachmentRejectedException.class, (e, ctx) -> {
            metrics.rejected(e.error(), 1);
            ctx.status(e.status()).json(new ApiError(e.status(), e.error(), e.getMessage(), e.path(), e.rule()));
        });
        app.exception(StatementQueryException.class, (e, ctx) -> {
            metrics.rejected("invalid_query", 1);
            ctx.status(400).json(new ApiError(400, "invalid_query", e.getMessage(), e.parameter(), e.rule()));
        });
        app.exception(StatementConflictException.class, (e, ctx) -> {
            metrics.rejected("conflict", 1);
            ctx.status(409).json(ApiError.of(409, "conflict", e.getMessage()));
        });
        app.exception(DocumentRejectedException.class, (e, ctx) -> {
            metrics.rejected(e.error(), 1);
            ctx.status(e.status()).json(ApiError.of(e.status(), e.error(), e.getMessage()));
        });
        app.exception(TopicTableException.class, (e, ctx) -> {
            log.warn("a document could not be written or read back: {}", e.getMessage());
            metrics.rejected("documents_unavailable", 1);
            ctx.header("Retry-After", "5");
            ctx.status(503).json(ApiError.of(503, "unavailable", "the document store did not take the write in time; retry later"));
        });
        app.exception(ApiException.class, (e, ctx) -> {
            metrics.rejected(e.error().error(), 1);
            ctx.status(e.error().status()).json(e.error());
        });
        app.exception(HttpResponseException.class, (e, ctx) -> {
            String error = e.getStatus() == 413 ? "payload_too_large" : "http_" + e.getStatus();
            String message = e.getStatus() == 413
                    ? "the request body is larger than " + config.maxRequestBytes() + " bytes; send fewer statements per request"
                    : e.getMessage();
            metrics.rejected(error, 1);
            ctx.status(e.getStatus()).json(ApiError.of(e.getStatus(), error, message));
        });
    }

    public static Builder builder(IngestConfig config, IngestMetrics metrics) {
        return new Builder(config, metrics);
    }

    /** A GET route, and HEAD on the same handler: Javalin by itself answers HEAD with an empty 200, not as GET would. */
    private void get(String path, io.javalin.http.Handler handler) {
        app.get(path, handler);
        app.head(path, handler);
    }

    private static void record(IngestMetrics metrics, Context ctx) {
        Long started = ctx.attribute("learnstream.started");
        if (started == null) return;
        Timer.builder("learnstream.ingest.requests")
                .tag("method", ctx.method().name())
                .tag("route", ctx.endpointHandlerPath())
                .tag("status", Integer.toString(ctx.statusCode()))
                .publishPercentiles(0.5, 0.99)
                .register(metrics.registry())
                .record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    /** Starts serving; returns the server so the port it bound is known. */
    public IngestServer start() {
        app.start(config.host(), config.port());
        log.info("ingest listening on {}", baseUrl());
        return this;
    }

    public int port() {
        return app.port();
    }

    public String baseUrl() {
        return "http://" + config.host() + ":" + port();
    }

    @Override
    public void close() {
        app.stop();
    }

    /** Assembles the server from its resources; statements and authentication are required. */
    public static final class Builder {
        private final IngestConfig config;
        private final IngestMetrics metrics;
        private StatementIntake statements;
        private AttachmentIntake attachments;
        private Authentication authentication;
        private StatementsRead reads;
        private ActivityReader activities;
        private DocumentStore documents;
        private CaliperSubmissions caliper;
        private Supplier<String> scrape;
        private Executor afterAcknowledgement = AfterAcknowledgement.EXECUTOR;

        private Builder(IngestConfig config, IngestMetrics metrics) {
            this.config = config;
            this.metrics = metrics;
        }

        public Builder statements(StatementIntake intake) {
            this.statements = intake;
            return this;
        }

        /** Keeps the attachment data of multipart/mixed statement requests; without it they get 415. */
        public Builder attachments(AttachmentIntake attachments) {
            this.attachments = attachments;
            return this;
        }

        public Builder authentication(Authentication authentication) {
            this.authentication = authentication;
            return this;
        }

        public Builder reads(StatementsRead reads) {
            this.reads = reads;
            return this;
        }

        /** Serves the Activities resource from the statement archive {@code activities} reads. */
        public Builder activities(ActivityReader activities) {
            this.activities = activities;
            return this;
        }

        /** Serves the State, Activity Profile, Agent Profile and Agents resources on {@code documents}. */
        public Builder documents(DocumentStore documents) {
            this.documents = documents;
            return this;
        }

        public Builder caliper(CaliperSubmissions caliper) {
            this.caliper = caliper;
            return this;
        }

        /**
         * Where what follows a Kafka acknowledgement runs (by default {@link AfterAcknowledgement#EXECUTOR}): answers, and
         * statements sent after their attachment data; never the producer's I/O thread that completes the acknowledgement.
         */
        public Builder afterAcknowledgement(Executor afterAcknowledgement) {
            this.afterAcknowledgement = Objects.requireNonNull(afterAcknowledgement, "afterAcknowledgement");
            return this;
        }

        /** Serves {@code /metrics} with what {@code scrape} returns (the Prometheus text exposition). */
        public Builder metricsScrape(Supplier<String> scrape) {
            this.scrape = scrape;
            return this;
        }

        public IngestServer build() {
            Objects.requireNonNull(statements, "statements");
            Objects.requireNonNull(authentication, "authentication");
            return new IngestServer(this);
        }
    }
}

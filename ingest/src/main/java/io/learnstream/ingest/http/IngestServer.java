package io.learnstream.ingest.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.learnstream.ingest.IngestConfig;
import io.learnstream.ingest.IngestMetrics;
import io.learnstream.ingest.StatementConflictException;
import io.learnstream.ingest.StatementIntake;
import io.learnstream.ingest.Submitter;
import io.learnstream.ingest.xapi.Statement;
import io.learnstream.ingest.xapi.StatementRejectedException;
import io.learnstream.ingest.xapi.XapiVersion;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP front door: the xAPI statement resource over {@link StatementIntake}. Translates HTTP to the use
 * case and its outcomes to status codes; holds no business rules of its own.
 */
public final class IngestServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(IngestServer.class);
    public static final String STATEMENTS_PATH = "/xAPI/statements";
    /** Seconds a client should wait before retrying when Kafka cannot take writes. */
    static final String RETRY_AFTER_SECONDS = "5";

    private final IngestConfig config;
    private final StatementIntake intake;
    private final IngestMetrics metrics;
    private final ObjectMapper mapper;
    private final Javalin app;

    public IngestServer(IngestConfig config, StatementIntake intake, IngestMetrics metrics, ObjectMapper mapper) {
        this.config = config;
        this.intake = intake;
        this.metrics = metrics;
        this.mapper = mapper;
        this.app = Javalin.create(javalin -> {
            javalin.showJavalinBanner = false;
            javalin.http.maxRequestSize = config.maxRequestBytes();
            javalin.jsonMapper(new JavalinJackson(mapper, false));
        });
        app.before("/xAPI/*", this::negotiateVersion);
        app.post(STATEMENTS_PATH, this::postStatements);
        app.get("/health", ctx -> ctx.json(java.util.Map.of("status", "UP")));
        app.exception(StatementRejectedException.class, (e, ctx) -> {
            metrics.rejected("invalid_statement", 1);
            ctx.status(400).json(new ApiError(400, "invalid_statement", e.getMessage(), e.path(), e.rule()));
        });
        app.exception(StatementConflictException.class, (e, ctx) -> {
            metrics.rejected("conflict", 1);
            ctx.status(409).json(ApiError.of(409, "conflict", e.getMessage()));
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

    private void negotiateVersion(Context ctx) {
        String requested = ctx.header(XapiVersion.HEADER);
        if (requested == null) {
            ctx.header(XapiVersion.HEADER, XapiVersion.V1_0_3.header());
            throw reject(ctx, 400, "missing_version", "the " + XapiVersion.HEADER + " header is required (e.g. 1.0.3 or 2.0.0)");
        }
        XapiVersion version = XapiVersion.negotiate(requested).orElse(null);
        if (version == null) {
            ctx.header(XapiVersion.HEADER, XapiVersion.V1_0_3.header());
            throw reject(ctx, 400, "unsupported_version",
                    "xAPI version '" + requested + "' is not supported; use 1.0.x or 2.0.x");
        }
        ctx.header(XapiVersion.HEADER, version.header());
        ctx.attribute(XapiVersion.HEADER, version);
    }

    private void postStatements(Context ctx) {
        String contentType = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (!contentType.startsWith("application/json")) {
            throw reject(ctx, 415, "unsupported_media_type",
                    "statements must be sent as Content-Type: application/json, got '" + ctx.contentType() + "'");
        }
        JsonNode body;
        try {
            body = mapper.readTree(ctx.bodyAsBytes());
        } catch (JsonProcessingException e) {
            throw reject(ctx, 400, "malformed_json", "the request body is not valid JSON: " + e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
        } catch (java.io.IOException e) {
            throw reject(ctx, 400, "unreadable_body", "the request body could not be read: " + e.getMessage());
        }
        if (body == null || body.isMissingNode()) {
            throw reject(ctx, 400, "empty_body", "the request body is empty; send a statement or an array of statements");
        }
        XapiVersion version = ctx.attribute(XapiVersion.HEADER);
        List<Statement> statements = intake.prepare(body, version);
        CompletableFuture<List<java.util.UUID>> published =
                intake.store(new Submitter(config.defaultTenant(), config.defaultTool(), "anonymous"), version, statements);
        ctx.future(() -> published.handle((ids, error) -> {
            if (error == null) {
                ctx.status(200).json(ids);
            } else {
                answerPublishFailure(ctx, error instanceof CompletionException ? error.getCause() : error, statements.size());
            }
            return null;
        }));
    }

    private void answerPublishFailure(Context ctx, Throwable error, int statements) {
        metrics.rejected("kafka_unavailable", statements);
        if (error instanceof RetriableException || error instanceof KafkaException) {
            log.warn("Kafka did not acknowledge {} statements: {}", statements, error.toString());
            ctx.header("Retry-After", RETRY_AFTER_SECONDS);
            ctx.status(503).json(ApiError.of(503, "storage_unavailable",
                    "Kafka did not acknowledge the statements (" + error.getClass().getSimpleName() + ": " + error.getMessage()
                            + "); nothing was stored, retry after " + RETRY_AFTER_SECONDS + " s"));
        } else {
            log.error("publishing {} statements failed", statements, error);
            ctx.status(500).json(ApiError.of(500, "internal_error", "publishing failed: " + error));
        }
    }

    private static ApiException reject(Context ctx, int status, String error, String message) {
        return new ApiException(status, error, message);
    }

    @Override
    public void close() {
        app.stop();
    }
}

package io.learnstream.registry.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.learnstream.registry.service.RegistryException;
import io.learnstream.registry.service.SchemaRegistryService;
import io.learnstream.schemas.registry.CompatibilityResult;
import io.learnstream.schemas.registry.RegistryErrorCodes;
import io.learnstream.schemas.registry.rest.CompatibilityCheckResponse;
import io.learnstream.schemas.registry.rest.ConfigResponse;
import io.learnstream.schemas.registry.rest.ConfigUpdate;
import io.learnstream.schemas.registry.rest.ErrorResponse;
import io.learnstream.schemas.registry.rest.RegisterSchemaRequest;
import io.learnstream.schemas.registry.rest.RegisterSchemaResponse;
import io.learnstream.schemas.registry.rest.SchemaString;
import io.learnstream.schemas.registry.rest.SubjectSchemaResponse;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Confluent's Schema Registry REST API on Javalin: routes, JSON bodies, content types and error answers
 * ({@code {"error_code": N, "message": "..."}}). The rules live in {@link SchemaRegistryService}.
 */
public final class RegistryRoutes {
    private static final Logger log = LoggerFactory.getLogger(RegistryRoutes.class);

    private final SchemaRegistryService service;
    private final ObjectMapper json = new ObjectMapper();

    private RegistryRoutes(SchemaRegistryService service) {
        this.service = service;
    }

    /** A Javalin app serving {@code service}, not yet started; request timings go to {@code meters}. */
    public static Javalin create(SchemaRegistryService service, MeterRegistry meters) {
        RegistryRoutes routes = new RegistryRoutes(service);
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
            config.router.ignoreTrailingSlashes = true;
            config.http.prefer405over404 = true;
            config.requestLogger.http((ctx, ms) -> Timer.builder("learnstream.registry.http.requests")
                    .description("REST requests by route and status")
                    .tag("method", ctx.method().name())
                    .tag("route", routeOf(ctx))
                    .tag("status", Integer.toString(ctx.statusCode()))
                    .register(meters)
                    .record((long) (ms * 1_000_000), TimeUnit.NANOSECONDS));
        });
        app.before(routes::checkContentType);
        routes.mount(app);
        app.exception(RegistryException.class, (e, ctx) -> routes.error(ctx, e.status(), e.errorCode(), e.getMessage()));
        app.exception(HttpResponseException.class, (e, ctx) ->
                routes.error(ctx, e.getStatus(), e.getStatus(), "HTTP " + e.getStatus() + " " + e.getMessage()));
        app.exception(Exception.class, (e, ctx) -> {
            log.error("{} {} failed", ctx.method(), ctx.path(), e);
            routes.error(ctx, 500, 500, "Internal server error: " + e);
        });
        app.error(404, ctx -> {
            if (ctx.attribute(ANSWERED) == null) routes.error(ctx, 404, 404, "HTTP 404 Not Found: no route for " + ctx.method() + " " + ctx.path());
        });
        app.error(405, ctx -> {
            if (ctx.attribute(ANSWERED) == null) routes.error(ctx, 405, 405, "HTTP 405 Method Not Allowed: " + ctx.method() + " " + ctx.path());
        });
        return app;
    }

    private static final String ANSWERED = "learnstream.registry.answered";

    private void mount(Javalin app) {
        app.get("/", ctx -> respond(ctx, 200, Map.of()));
        app.get("/schemas/types", ctx -> respond(ctx, 200, List.of("AVRO")));

        app.get("/schemas/ids/{id}", ctx -> respond(ctx, 200, SchemaString.avro(service.schemaById(id(ctx)))));
        app.get("/schemas/ids/{id}/schema", ctx -> respondRaw(ctx, service.schemaById(id(ctx))));
        app.get("/schemas/ids/{id}/versions", ctx -> respond(ctx, 200, service.versionsOfId(id(ctx), flag(ctx, "deleted"))));

        app.get("/subjects", ctx -> respond(ctx, 200, service.subjects(flag(ctx, "deleted"))));
        app.post("/subjects/{subject}", ctx -> respond(ctx, 200,
                toResponse(service.lookup(subject(ctx), body(ctx, RegisterSchemaRequest.class), flag(ctx, "deleted")))));
        app.delete("/subjects/{subject}", ctx -> respond(ctx, 200, service.deleteSubject(subject(ctx), flag(ctx, "permanent"))));
        app.get("/subjects/{subject}/versions", ctx -> respond(ctx, 200, service.versions(subject(ctx), flag(ctx, "deleted"))));
        app.post("/subjects/{subject}/versions", ctx -> respond(ctx, 200,
                new RegisterSchemaResponse(service.register(subject(ctx), body(ctx, RegisterSchemaRequest.class)))));
        app.get("/subjects/{subject}/versions/{version}", ctx -> respond(ctx, 200,
                toResponse(service.version(subject(ctx), ctx.pathParam("version"), flag(ctx, "deleted")))));
        app.get("/subjects/{subject}/versions/{version}/schema", ctx ->
                respondRaw(ctx, service.version(subject(ctx), ctx.pathParam("version"), flag(ctx, "deleted")).schema()));
        app.get("/subjects/{subject}/versions/{version}/referencedby", ctx -> {
            service.version(subject(ctx), ctx.pathParam("version"), true);
            respond(ctx, 200, List.of()); // this registry accepts no schema references, so nothing refers to a version
        });
        app.delete("/subjects/{subject}/versions/{version}", ctx -> respond(ctx, 200,
                service.deleteVersion(subject(ctx), ctx.pathParam("version"), flag(ctx, "permanent"))));

        app.get("/config", ctx -> respond(ctx, 200, new ConfigResponse(service.globalLevel().name())));
        app.put("/config", ctx -> respond(ctx, 200,
                new ConfigUpdate(service.setLevel(null, body(ctx, ConfigUpdate.class).compatibility()).name())));
        app.get("/config/{subject}", ctx -> respond(ctx, 200,
                new ConfigResponse(service.subjectLevel(subject(ctx), flag(ctx, "defaultToGlobal")).name())));
        app.put("/config/{subject}", ctx -> respond(ctx, 200,
                new ConfigUpdate(service.setLevel(subject(ctx), body(ctx, ConfigUpdate.class).compatibility()).name())));
        app.delete("/config/{subject}", ctx -> respond(ctx, 200, new ConfigResponse(service.deleteSubjectLevel(subject(ctx)).name())));

        app.post("/compatibility/subjects/{subject}/versions/{version}", ctx -> respond(ctx, 200,
                toResponse(service.testCompatibility(subject(ctx), ctx.pathParam("version"), body(ctx, RegisterSchemaRequest.class)))));
        app.post("/compatibility/subjects/{subject}/versions", ctx -> respond(ctx, 200,
                toResponse(service.testCompatibility(subject(ctx), null, body(ctx, RegisterSchemaRequest.class)))));
    }

    private void checkContentType(Context ctx) {
        if (ctx.method() != HandlerType.POST && ctx.method() != HandlerType.PUT) return;
        String contentType = ctx.contentType();
        if (contentType == null || MediaTypes.isAccepted(contentType)) return;
        throw new RegistryException(415, 415, "HTTP 415 Unsupported Media Type: Content-Type '" + contentType
                + "' is not one of " + MediaTypes.acceptedList(), null);
    }

    private <T> T body(Context ctx, Class<T> type) {
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length == 0) {
            if (type == RegisterSchemaRequest.class) return null;
            throw new RegistryException(400, 400, "Request body is empty; expected a JSON " + type.getSimpleName(), null);
        }
        try {
            return json.readValue(bytes, type);
        } catch (JsonProcessingException e) {
            throw new RegistryException(400, 400, "Request body is not a valid JSON " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new RegistryException(400, 400, "Request body could not be read: " + e.getMessage(), e);
        }
    }

    private void respond(Context ctx, int status, Object body) throws JsonProcessingException {
        ctx.attribute(ANSWERED, true);
        ctx.status(status).contentType(MediaTypes.negotiate(ctx.header("Accept"))).result(json.writeValueAsBytes(body));
    }

    private void respondRaw(Context ctx, String schemaText) {
        ctx.attribute(ANSWERED, true);
        ctx.status(200).contentType(MediaTypes.negotiate(ctx.header("Accept"))).result(schemaText);
    }

    private void error(Context ctx, int status, int errorCode, String message) {
        ctx.attribute(ANSWERED, true);
        try {
            ctx.status(status).contentType(MediaTypes.negotiate(ctx.header("Accept")))
                    .result(json.writeValueAsBytes(new ErrorResponse(errorCode, message)));
        } catch (JsonProcessingException e) {
            ctx.status(500).result("{\"error_code\":500,\"message\":\"cannot write error body\"}");
        }
    }

    private static int id(Context ctx) {
        String text = ctx.pathParam("id");
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new RegistryException(RegistryErrorCodes.SCHEMA_NOT_FOUND, "Schema '" + text + "' not found: schema ids are integers");
        }
    }

    private static String subject(Context ctx) {
        return ctx.pathParam("subject");
    }

    private static boolean flag(Context ctx, String name) {
        return Boolean.parseBoolean(ctx.queryParam(name));
    }

    private static SubjectSchemaResponse toResponse(SchemaRegistryService.Version version) {
        return SubjectSchemaResponse.avro(version.subject(), version.version(), version.id(), version.schema());
    }

    private static CompatibilityCheckResponse toResponse(CompatibilityResult result) {
        return new CompatibilityCheckResponse(result.compatible(), result.messages());
    }

    private static String routeOf(Context ctx) {
        try {
            String route = ctx.endpointHandlerPath();
            return route == null || route.isEmpty() ? "unmatched" : route;
        } catch (RuntimeException e) {
            return "unmatched";
        }
    }
}

package io.learnstream.schemas.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.learnstream.schemas.registry.rest.CompatibilityCheckResponse;
import io.learnstream.schemas.registry.rest.ConfigResponse;
import io.learnstream.schemas.registry.rest.ConfigUpdate;
import io.learnstream.schemas.registry.rest.ErrorResponse;
import io.learnstream.schemas.registry.rest.RegisterSchemaRequest;
import io.learnstream.schemas.registry.rest.RegisterSchemaResponse;
import io.learnstream.schemas.registry.rest.SchemaRegistryMediaTypes;
import io.learnstream.schemas.registry.rest.SchemaString;
import io.learnstream.schemas.registry.rest.SubjectSchemaResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SchemaRegistryClient} over Confluent's REST API with {@link HttpClient} and Jackson.
 * Ids and schemas are immutable in a registry, so {@link #register}, {@link #getById} and {@link #lookup} answers are
 * cached for the life of the client: after the first call for a schema no request is made.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {
    private static final Logger log = LoggerFactory.getLogger(RestSchemaRegistryClient.class);
    private static final String ACCEPT = SchemaRegistryMediaTypes.V1_JSON + ", " + SchemaRegistryMediaTypes.JSON_LATEST
            + "; q=0.9, " + SchemaRegistryMediaTypes.JSON + "; q=0.5";

    private final SchemaRegistryClientConfig config;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private final String authorization;
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final Map<String, Map<Schema, Integer>> idsBySubject = new ConcurrentHashMap<>();
    private final Map<String, Map<Schema, SchemaMetadata>> lookupsBySubject = new ConcurrentHashMap<>();

    public RestSchemaRegistryClient(SchemaRegistryClientConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.http = HttpClient.newBuilder().connectTimeout(config.requestTimeout()).build();
        this.authorization = config.basicAuthUserInfo()
                .map(info -> "Basic " + Base64.getEncoder().encodeToString(info.getBytes(StandardCharsets.UTF_8)))
                .orElse(null);
    }

    @Override
    public int register(String subject, Schema schema) {
        Map<Schema, Integer> ids = idsBySubject.computeIfAbsent(requireSubject(subject), s -> new ConcurrentHashMap<>());
        Integer cached = ids.get(Objects.requireNonNull(schema, "schema"));
        if (cached != null) return cached;
        RegisterSchemaResponse answer = send("POST", "/subjects/" + encode(subject) + "/versions",
                RegisterSchemaRequest.avro(AvroSchemas.canonical(schema)), RegisterSchemaResponse.class);
        ids.put(schema, answer.id());
        schemasById.putIfAbsent(answer.id(), schema);
        log.debug("registered schema {} under subject '{}' with id {}", schema.getFullName(), subject, answer.id());
        return answer.id();
    }

    @Override
    public Schema getById(int id) {
        Schema cached = schemasById.get(id);
        if (cached != null) return cached;
        SchemaString answer = send("GET", "/schemas/ids/" + id, null, SchemaString.class);
        if (answer.schemaType() != null && !"AVRO".equals(answer.schemaType())) {
            throw new SchemaRegistryException("schema id " + id + " is of type " + answer.schemaType() + "; only AVRO is supported");
        }
        Schema schema = parseAnswer(answer.schema(), "schema id " + id);
        Schema raced = schemasById.putIfAbsent(id, schema);
        return raced != null ? raced : schema;
    }

    @Override
    public SchemaMetadata lookup(String subject, Schema schema) {
        Map<Schema, SchemaMetadata> lookups = lookupsBySubject.computeIfAbsent(requireSubject(subject), s -> new ConcurrentHashMap<>());
        SchemaMetadata cached = lookups.get(Objects.requireNonNull(schema, "schema"));
        if (cached != null) return cached;
        SubjectSchemaResponse answer = send("POST", "/subjects/" + encode(subject),
                RegisterSchemaRequest.avro(AvroSchemas.canonical(schema)), SubjectSchemaResponse.class);
        SchemaMetadata found = toMetadata(answer);
        lookups.put(schema, found);
        schemasById.putIfAbsent(found.id(), found.schema());
        return found;
    }

    @Override
    public SchemaMetadata latestVersion(String subject) {
        return toMetadata(send("GET", "/subjects/" + encode(requireSubject(subject)) + "/versions/latest", null, SubjectSchemaResponse.class));
    }

    @Override
    public SchemaMetadata version(String subject, int version) {
        return toMetadata(send("GET", "/subjects/" + encode(requireSubject(subject)) + "/versions/" + version, null, SubjectSchemaResponse.class));
    }

    @Override
    public List<String> subjects() {
        return send("GET", "/subjects", null, new TypeReference<List<String>>() {});
    }

    @Override
    public List<Integer> versions(String subject) {
        return send("GET", "/subjects/" + encode(requireSubject(subject)) + "/versions", null, new TypeReference<List<Integer>>() {});
    }

    @Override
    public CompatibilityLevel globalCompatibility() {
        return toLevel(send("GET", "/config", null, ConfigResponse.class).compatibilityLevel(), "/config");
    }

    @Override
    public void setGlobalCompatibility(CompatibilityLevel level) {
        send("PUT", "/config", new ConfigUpdate(Objects.requireNonNull(level, "level").name()), ConfigUpdate.class);
    }

    @Override
    public CompatibilityLevel compatibility(String subject) {
        String path = "/config/" + encode(requireSubject(subject));
        return toLevel(send("GET", path + "?defaultToGlobal=true", null, ConfigResponse.class).compatibilityLevel(), path);
    }

    @Override
    public void setCompatibility(String subject, CompatibilityLevel level) {
        send("PUT", "/config/" + encode(requireSubject(subject)), new ConfigUpdate(Objects.requireNonNull(level, "level").name()), ConfigUpdate.class);
    }

    @Override
    public CompatibilityResult testCompatibility(String subject, Schema schema) {
        CompatibilityCheckResponse answer = send("POST",
                "/compatibility/subjects/" + encode(requireSubject(subject)) + "/versions/latest?verbose=true",
                RegisterSchemaRequest.avro(AvroSchemas.canonical(Objects.requireNonNull(schema, "schema"))),
                CompatibilityCheckResponse.class);
        return new CompatibilityResult(answer.isCompatible(), answer.isCompatible() ? List.of() : answer.messages());
    }

    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return "RestSchemaRegistryClient[" + config + "]";
    }

    private <T> T send(String method, String path, Object body, Class<T> answerType) {
        return send(method, path, body, json.getTypeFactory().constructType(answerType));
    }

    private <T> T send(String method, String path, Object body, TypeReference<T> answerType) {
        return send(method, path, body, json.getTypeFactory().constructType(answerType));
    }

    private <T> T send(String method, String path, Object body, JavaType answerType) {
        String request = method + " " + config.url() + path;
        HttpResponse<byte[]> response;
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(resolve(path))
                    .timeout(config.requestTimeout())
                    .header("Accept", ACCEPT);
            if (authorization != null) builder.header("Authorization", authorization);
            if (body != null) {
                builder.header("Content-Type", SchemaRegistryMediaTypes.V1_JSON)
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
            } else {
                builder.method(method, HttpRequest.BodyPublishers.noBody());
            }
            response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new SchemaRegistryException(request + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException(request + " was interrupted", e);
        }
        if (response.statusCode() / 100 != 2) throw error(request, response);
        try {
            return json.readValue(response.body(), answerType);
        } catch (IOException e) {
            throw new SchemaRegistryException(request + " answered HTTP " + response.statusCode()
                    + " with a body that is not the expected " + answerType.getTypeName() + ": " + snippet(response.body()), e);
        }
    }

    private SchemaRegistryRestException error(String request, HttpResponse<byte[]> response) {
        try {
            ErrorResponse error = json.readValue(response.body(), ErrorResponse.class);
            if (error.message() != null) {
                return new SchemaRegistryRestException(request, response.statusCode(), error.errorCode(), error.message());
            }
        } catch (JsonProcessingException notJson) {
            // fall through: a proxy or a server that is not a registry answered
        } catch (IOException e) {
            // same
        }
        return new SchemaRegistryRestException(request, response.statusCode(), response.statusCode(),
                "answer is not a registry error body: " + snippet(response.body()));
    }

    private URI resolve(String path) {
        String base = config.url().toString();
        return URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) + path : base + path);
    }

    private static SchemaMetadata toMetadata(SubjectSchemaResponse answer) {
        if (answer.schemaType() != null && !"AVRO".equals(answer.schemaType())) {
            throw new SchemaRegistryException("subject '" + answer.subject() + "' version " + answer.version()
                    + " is of type " + answer.schemaType() + "; only AVRO is supported");
        }
        return new SchemaMetadata(answer.subject(), answer.version(), answer.id(),
                parseAnswer(answer.schema(), "subject '" + answer.subject() + "' version " + answer.version()));
    }

    private static Schema parseAnswer(String text, String what) {
        try {
            return AvroSchemas.parse(text);
        } catch (IllegalArgumentException e) {
            throw new SchemaRegistryException("the registry's schema for " + what + " is " + e.getMessage(), e);
        }
    }

    private static CompatibilityLevel toLevel(String name, String path) {
        return CompatibilityLevel.parse(name).orElseThrow(() -> new SchemaRegistryException(
                "GET " + path + " answered compatibility level '" + name + "', which is none of " + CompatibilityLevel.validNames()));
    }

    private static String requireSubject(String subject) {
        if (subject == null || subject.isBlank()) throw new IllegalArgumentException("subject is blank");
        return subject;
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String snippet(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}

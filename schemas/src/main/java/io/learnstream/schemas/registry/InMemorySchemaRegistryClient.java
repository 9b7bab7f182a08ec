package io.learnstream.schemas.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.Schema;

/**
 * A registry that lives in this client, with the REST registry's rules: ids are registry-wide and the same schema
 * gets the same id under every subject, versions count from 1, a new version must pass the subject's compatibility
 * level (BACKWARD unless set). For unit tests and single-process tools that have no registry server; errors carry
 * the same {@code error_code}s a server would send.
 */
public final class InMemorySchemaRegistryClient implements SchemaRegistryClient {
    private record Version(int version, int id, Schema schema) {}

    private final Map<String, Integer> idsByCanonical = new HashMap<>();
    private final Map<Integer, Schema> schemasById = new HashMap<>();
    private final Map<String, List<Version>> subjects = new LinkedHashMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    private CompatibilityLevel globalLevel = CompatibilityLevel.BACKWARD;
    private int lastId;

    @Override
    public synchronized int register(String subject, Schema schema) {
        Objects.requireNonNull(schema, "schema");
        List<Version> versions = subjects.computeIfAbsent(requireSubject(subject), s -> new ArrayList<>());
        for (Version v : versions) {
            if (v.schema().equals(schema)) return v.id();
        }
        CompatibilityResult result = check(subject, schema, versions);
        if (!result.compatible()) {
            if (versions.isEmpty()) subjects.remove(subject);
            throw error("register under subject '" + subject + "'", RegistryErrorCodes.INCOMPATIBLE_SCHEMA,
                    "Schema being registered is incompatible with an earlier schema for subject \"" + subject + "\", details: "
                            + result.messages());
        }
        int id = idsByCanonical.computeIfAbsent(AvroSchemas.canonical(schema), c -> ++lastId);
        schemasById.putIfAbsent(id, schema);
        versions.add(new Version(versions.isEmpty() ? 1 : versions.getLast().version() + 1, id, schema));
        return id;
    }

    @Override
    public synchronized Schema getById(int id) {
        Schema schema = schemasById.get(id);
        if (schema == null) throw error("get schema id " + id, RegistryErrorCodes.SCHEMA_NOT_FOUND, "Schema " + id + " not found");
        return schema;
    }

    @Override
    public synchronized SchemaMetadata lookup(String subject, Schema schema) {
        for (Version v : existing(subject)) {
            if (v.schema().equals(schema)) return new SchemaMetadata(subject, v.version(), v.id(), v.schema());
        }
        throw error("look up schema under subject '" + subject + "'", RegistryErrorCodes.SCHEMA_NOT_FOUND, "Schema not found");
    }

    @Override
    public synchronized SchemaMetadata latestVersion(String subject) {
        Version v = existing(subject).getLast();
        return new SchemaMetadata(subject, v.version(), v.id(), v.schema());
    }

    @Override
    public synchronized SchemaMetadata version(String subject, int version) {
        for (Version v : existing(subject)) {
            if (v.version() == version) return new SchemaMetadata(subject, v.version(), v.id(), v.schema());
        }
        throw error("get version " + version + " of subject '" + subject + "'", RegistryErrorCodes.VERSION_NOT_FOUND,
                "Version " + version + " not found.");
    }

    @Override
    public synchronized List<String> subjects() {
        return List.copyOf(subjects.keySet());
    }

    @Override
    public synchronized List<Integer> versions(String subject) {
        return existing(subject).stream().map(Version::version).toList();
    }

    @Override
    public synchronized CompatibilityLevel globalCompatibility() {
        return globalLevel;
    }

    @Override
    public synchronized void setGlobalCompatibility(CompatibilityLevel level) {
        globalLevel = Objects.requireNonNull(level, "level");
    }

    @Override
    public synchronized CompatibilityLevel compatibility(String subject) {
        return subjectLevels.getOrDefault(requireSubject(subject), globalLevel);
    }

    @Override
    public synchronized void setCompatibility(String subject, CompatibilityLevel level) {
        subjectLevels.put(requireSubject(subject), Objects.requireNonNull(level, "level"));
    }

    @Override
    public synchronized CompatibilityResult testCompatibility(String subject, Schema schema) {
        return check(subject, Objects.requireNonNull(schema, "schema"), existing(subject));
    }

    private CompatibilityResult check(String subject, Schema schema, List<Version> versions) {
        List<CompatibilityChecker.Earlier> earlier = versions.stream()
                .map(v -> new CompatibilityChecker.Earlier(v.version(), v.schema())).toList();
        return CompatibilityChecker.check(compatibility(subject), schema, earlier);
    }

    private List<Version> existing(String subject) {
        List<Version> versions = subjects.get(requireSubject(subject));
        if (versions == null) {
            throw error("read subject '" + subject + "'", RegistryErrorCodes.SUBJECT_NOT_FOUND, "Subject '" + subject + "' not found.");
        }
        return versions;
    }

    private static SchemaRegistryRestException error(String request, int errorCode, String message) {
        return new SchemaRegistryRestException("in-memory registry: " + request, RegistryErrorCodes.httpStatus(errorCode), errorCode, message);
    }

    private static String requireSubject(String subject) {
        if (subject == null || subject.isBlank()) throw new IllegalArgumentException("subject is blank");
        return subject;
    }
}

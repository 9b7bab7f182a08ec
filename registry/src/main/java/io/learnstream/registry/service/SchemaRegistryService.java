package io.learnstream.registry.service;

import io.learnstream.registry.store.ConfigKey;
import io.learnstream.registry.store.ConfigValue;
import io.learnstream.registry.store.SchemaStore;
import io.learnstream.registry.store.SchemaValue;
import io.learnstream.registry.store.StoreException;
import io.learnstream.registry.store.StoreRecord;
import io.learnstream.schemas.registry.AvroSchemas;
import io.learnstream.schemas.registry.CompatibilityChecker;
import io.learnstream.schemas.registry.CompatibilityLevel;
import io.learnstream.schemas.registry.CompatibilityResult;
import io.learnstream.schemas.registry.RegistryErrorCodes;
import io.learnstream.schemas.registry.SubjectVersion;
import io.learnstream.schemas.registry.rest.RegisterSchemaRequest;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's rules, as Confluent's Schema Registry has them, over a {@link SchemaStore}: ids are registry-wide
 * and one schema has one id under every subject; a subject's versions count up from 1 and are never reused; a new
 * version must pass the subject's compatibility level; deletes are soft first, permanent second. Every change is
 * written to the store and applied only once the store acknowledged it. Thread-safe.
 */
public final class SchemaRegistryService {
    /** A version of a subject as the API shows it. */
    public record Version(String subject, int version, int id, String schema) {}

    private static final Logger log = LoggerFactory.getLogger(SchemaRegistryService.class);

    private final SchemaStore store;
    private final CompatibilityLevel defaultLevel;
    private final RegistryMetrics metrics;
    private final RegistryState state = new RegistryState();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    private SchemaRegistryService(SchemaStore store, CompatibilityLevel defaultLevel, MeterRegistry meters) {
        this.store = Objects.requireNonNull(store, "store");
        this.defaultLevel = Objects.requireNonNull(defaultLevel, "defaultLevel");
        this.metrics = new RegistryMetrics(Objects.requireNonNull(meters, "meters"));
    }

    /** Rebuilds the registry from everything in {@code store}. */
    public static SchemaRegistryService start(SchemaStore store, CompatibilityLevel defaultLevel, MeterRegistry meters) {
        SchemaRegistryService service = new SchemaRegistryService(store, defaultLevel, meters);
        List<StoreRecord> records = store.readAll();
        for (StoreRecord record : records) service.state.apply(record);
        service.updateSizes();
        log.info("schema registry rebuilt from {}: {} records, {} live subjects, {} schema ids",
                store.describe(), records.size(), service.state.subjects(false).size(), service.state.schemaCount());
        return service;
    }

    /** {@code POST /subjects/{subject}/versions}: the id of {@code request}'s schema under {@code subject}, registering it if new. */
    public int register(String subject, RegisterSchemaRequest request) {
        Schema schema = parse(request);
        String canonical = AvroSchemas.canonical(schema);
        return write(() -> {
            List<SchemaValue> live = state.versions(subject, false);
            for (SchemaValue version : live) {
                if (canonicalOf(version).equals(canonical)) return version.id();
            }
            CompatibilityLevel level = effectiveLevel(subject);
            CompatibilityResult result = check(level, schema, live);
            if (!result.compatible()) {
                throw new RegistryException(RegistryErrorCodes.INCOMPATIBLE_SCHEMA,
                        "Schema being registered is incompatible with an earlier schema for subject \"" + subject
                                + "\" under compatibility level " + level + ", details: " + result.messages());
            }
            int id = state.idOf(canonical).orElse(state.maxId() + 1);
            SchemaValue value = new SchemaValue(subject, state.highestVersion(subject) + 1, id, canonical, false);
            persist(StoreRecord.put(value));
            metrics.registered();
            log.info("registered subject '{}' version {} with schema id {}", subject, value.version(), id);
            return id;
        });
    }

    /** {@code POST /subjects/{subject}}: the version of {@code subject} whose schema is {@code request}'s. */
    public Version lookup(String subject, RegisterSchemaRequest request, boolean includeDeleted) {
        Schema schema = parse(request);
        String canonical = AvroSchemas.canonical(schema);
        return read(() -> {
            List<SchemaValue> versions = existingVersions(subject, includeDeleted);
            return versions.reversed().stream()
                    .filter(v -> canonicalOf(v).equals(canonical))
                    .findFirst()
                    .map(this::toVersion)
                    .orElseThrow(() -> RegistryException.schemaNotFound("Schema not found under subject '" + subject + "'"));
        });
    }

    /** {@code GET /schemas/ids/{id}}: the schema text of {@code id}. */
    public String schemaById(int id) {
        return read(() -> state.canonical(id)
                .orElseThrow(() -> RegistryException.schemaNotFound("Schema " + id + " not found")));
    }

    /** {@code GET /schemas/ids/{id}/versions}: where {@code id} is registered. */
    public List<SubjectVersion> versionsOfId(int id, boolean includeDeleted) {
        return read(() -> {
            if (state.schema(id).isEmpty()) throw RegistryException.schemaNotFound("Schema " + id + " not found");
            return state.keysOf(id, includeDeleted).stream().map(k -> new SubjectVersion(k.subject(), k.version())).toList();
        });
    }

    /** {@code GET /subjects}. */
    public List<String> subjects(boolean includeDeleted) {
        return read(() -> state.subjects(includeDeleted));
    }

    /** {@code GET /subjects/{subject}/versions}. */
    public List<Integer> versions(String subject, boolean includeDeleted) {
        return read(() -> existingVersions(subject, includeDeleted).stream().map(SchemaValue::version).toList());
    }

    /** {@code GET /subjects/{subject}/versions/{version}}, where {@code version} is a number, {@code latest} or -1. */
    public Version version(String subject, String version, boolean includeDeleted) {
        return read(() -> toVersion(find(subject, version, includeDeleted)));
    }

    /** {@code DELETE /subjects/{subject}}: the versions deleted. */
    public List<Integer> deleteSubject(String subject, boolean permanent) {
        return write(() -> {
            List<SchemaValue> all = state.versions(subject, true);
            if (all.isEmpty()) throw RegistryException.subjectNotFound(subject);
            List<SchemaValue> live = all.stream().filter(v -> !v.deleted()).toList();
            List<Integer> deleted = new ArrayList<>();
            if (!permanent) {
                if (live.isEmpty()) {
                    throw new RegistryException(RegistryErrorCodes.SUBJECT_SOFT_DELETED,
                            "Subject '" + subject + "' was soft deleted. Set permanent=true to delete permanently");
                }
                for (SchemaValue version : live) {
                    persist(StoreRecord.put(version.softDeleted()));
                    deleted.add(version.version());
                }
            } else {
                if (!live.isEmpty()) {
                    throw new RegistryException(RegistryErrorCodes.SUBJECT_NOT_SOFT_DELETED,
                            "Subject '" + subject + "' was not deleted first before being permanently deleted");
                }
                for (SchemaValue version : all) {
                    persist(StoreRecord.tombstone(version.key()));
                    deleted.add(version.version());
                }
                if (state.subjectLevel(subject).isPresent()) persist(StoreRecord.tombstone(new ConfigKey(subject)));
            }
            log.info("{} deleted subject '{}' versions {}", permanent ? "permanently" : "soft", subject, deleted);
            return deleted;
        });
    }

    /** {@code DELETE /subjects/{subject}/versions/{version}}: the version deleted. */
    public int deleteVersion(String subject, String version, boolean permanent) {
        return write(() -> {
            // "latest" means the latest live version for a soft delete, the latest of all for a permanent one
            SchemaValue found = find(subject, version, permanent || !isLatest(version));
            if (!permanent) {
                if (found.deleted()) {
                    throw new RegistryException(RegistryErrorCodes.VERSION_SOFT_DELETED, "Subject '" + subject + "' Version "
                            + found.version() + " was soft deleted. Set permanent=true to delete permanently");
                }
                persist(StoreRecord.put(found.softDeleted()));
            } else {
                if (!found.deleted()) {
                    throw new RegistryException(RegistryErrorCodes.VERSION_NOT_SOFT_DELETED, "Subject '" + subject + "' Version "
                            + found.version() + " was not deleted first before being permanently deleted");
                }
                persist(StoreRecord.tombstone(found.key()));
            }
            log.info("{} deleted subject '{}' version {}", permanent ? "permanently" : "soft", subject, found.version());
            return found.version();
        });
    }

    /** {@code GET /config}. */
    public CompatibilityLevel globalLevel() {
        return read(() -> state.globalLevel().orElse(defaultLevel));
    }

    /** {@code GET /config/{subject}}: its own level; the global one if it has none and {@code defaultToGlobal}. */
    public CompatibilityLevel subjectLevel(String subject, boolean defaultToGlobal) {
        return read(() -> state.subjectLevel(subject).orElseGet(() -> {
            if (defaultToGlobal) return state.globalLevel().orElse(defaultLevel);
            throw new RegistryException(RegistryErrorCodes.SUBJECT_COMPATIBILITY_NOT_CONFIGURED,
                    "Subject '" + subject + "' does not have subject-level compatibility configured");
        }));
    }

    /** {@code PUT /config} and {@code PUT /config/{subject}} (subject null = global): the level set. */
    public CompatibilityLevel setLevel(String subjectOrNull, String level) {
        CompatibilityLevel parsed = CompatibilityLevel.parse(level).orElseThrow(() -> RegistryException.invalidCompatibilityLevel(level));
        return write(() -> {
            persist(new StoreRecord(new ConfigKey(subjectOrNull), new ConfigValue(parsed)));
            log.info("compatibility of {} set to {}", subjectOrNull == null ? "the registry" : "subject '" + subjectOrNull + "'", parsed);
            return parsed;
        });
    }

    /** {@code DELETE /config/{subject}}: the subject's level before it was removed. */
    public CompatibilityLevel deleteSubjectLevel(String subject) {
        return write(() -> {
            CompatibilityLevel previous = state.subjectLevel(subject).orElseThrow(() -> new RegistryException(
                    RegistryErrorCodes.SUBJECT_COMPATIBILITY_NOT_CONFIGURED,
                    "Subject '" + subject + "' does not have subject-level compatibility configured"));
            persist(StoreRecord.tombstone(new ConfigKey(subject)));
            return previous;
        });
    }

    /**
     * {@code POST /compatibility/subjects/{subject}/versions/{version}}: whether {@code request}'s schema is compatible
     * with that version (with {@code latest} or a null version: with the versions registration would check).
     */
    public CompatibilityResult testCompatibility(String subject, String version, RegisterSchemaRequest request) {
        Schema schema = parse(request);
        return read(() -> {
            CompatibilityLevel level = effectiveLevel(subject);
            List<SchemaValue> against;
            if (version == null || isLatest(version)) {
                against = existingVersions(subject, false);
            } else {
                against = List.of(find(subject, version, false));
            }
            return check(level, schema, against);
        });
    }

    private CompatibilityResult check(CompatibilityLevel level, Schema schema, List<SchemaValue> earlier) {
        List<CompatibilityChecker.Earlier> versions = earlier.stream()
                .map(v -> new CompatibilityChecker.Earlier(v.version(), state.schema(v.id()).orElseThrow()))
                .toList();
        CompatibilityResult result = CompatibilityChecker.check(level, schema, versions);
        metrics.checked(result.compatible());
        return result;
    }

    private CompatibilityLevel effectiveLevel(String subject) {
        return state.subjectLevel(subject).or(state::globalLevel).orElse(defaultLevel);
    }

    private List<SchemaValue> existingVersions(String subject, boolean includeDeleted) {
        List<SchemaValue> versions = state.versions(subject, includeDeleted);
        if (versions.isEmpty()) throw RegistryException.subjectNotFound(subject);
        return versions;
    }

    private SchemaValue find(String subject, String version, boolean includeDeleted) {
        Optional<Integer> number = parseVersion(version);
        List<SchemaValue> versions = existingVersions(subject, includeDeleted);
        if (number.isEmpty()) return versions.getLast();
        return versions.stream().filter(v -> v.version() == number.get()).findFirst()
                .orElseThrow(() -> RegistryException.versionNotFound(number.get()));
    }

    /** Empty for the latest version; the number otherwise. */
    private static Optional<Integer> parseVersion(String version) {
        if (isLatest(version)) return Optional.empty();
        try {
            int number = Integer.parseInt(version.trim());
            if (number < 1) throw RegistryException.invalidVersion(version);
            return Optional.of(number);
        } catch (NumberFormatException e) {
            throw RegistryException.invalidVersion(version);
        }
    }

    private static boolean isLatest(String version) {
        return "latest".equals(version.trim().toLowerCase(Locale.ROOT)) || "-1".equals(version.trim());
    }

    private static Schema parse(RegisterSchemaRequest request) {
        if (request == null) throw RegistryException.invalidSchema("the request has no body");
        if (request.schemaType() != null && !"AVRO".equalsIgnoreCase(request.schemaType())) {
            throw RegistryException.invalidSchema("schemaType '" + request.schemaType() + "' is not supported; this registry supports AVRO only");
        }
        if (request.references() != null && !request.references().isEmpty()) {
            throw RegistryException.invalidSchema("schema references are not supported by this registry (got "
                    + request.references().size() + ")");
        }
        if (request.schema() == null || request.schema().isBlank()) throw RegistryException.invalidSchema("field 'schema' is missing or empty");
        try {
            return AvroSchemas.parse(request.schema());
        } catch (IllegalArgumentException e) {
            throw RegistryException.invalidSchema(e.getMessage());
        }
    }

    private void persist(StoreRecord record) {
        long start = System.nanoTime();
        try {
            store.write(record);
        } catch (StoreException e) {
            metrics.storeFailed();
            log.error("store did not acknowledge {}: {}", record.key(), e.getMessage());
            int code = e.timedOut() ? RegistryErrorCodes.OPERATION_TIMEOUT : RegistryErrorCodes.STORE_ERROR;
            throw new RegistryException(500, code, "Error in the backend data store: " + e.getMessage(), e);
        }
        metrics.storeWrites().record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
        state.apply(record);
        updateSizes();
    }

    private void updateSizes() {
        metrics.sizes(state.subjects(false).size(), state.schemaCount());
    }

    private <T> T read(Supplier<T> query) {
        lock.readLock().lock();
        try {
            return query.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    private <T> T write(Supplier<T> change) {
        lock.writeLock().lock();
        try {
            return change.get();
        } finally {
            lock.writeLock().unlock();
        }
    }

    private Version toVersion(SchemaValue value) {
        return new Version(value.subject(), value.version(), value.id(), canonicalOf(value));
    }

    private String canonicalOf(SchemaValue value) {
        return state.canonical(value.id()).orElseThrow(() -> new IllegalStateException(
                "subject '" + value.subject() + "' version " + value.version() + " names schema id " + value.id() + ", which has no schema"));
    }
}

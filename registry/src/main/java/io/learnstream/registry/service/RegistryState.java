package io.learnstream.registry.service;

import io.learnstream.registry.store.ConfigKey;
import io.learnstream.registry.store.ConfigValue;
import io.learnstream.registry.store.SchemaKey;
import io.learnstream.registry.store.SchemaValue;
import io.learnstream.registry.store.StoreRecord;
import io.learnstream.schemas.registry.AvroSchemas;
import io.learnstream.schemas.registry.CompatibilityLevel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.avro.Schema;

/**
 * The registry as the stored records describe it, indexed for its queries. Rebuilt by applying every record in
 * order; not thread-safe (the service guards it).
 */
final class RegistryState {
    private final Map<String, TreeMap<Integer, SchemaValue>> subjects = new TreeMap<>();
    private final Map<Integer, Schema> schemasById = new HashMap<>();
    private final Map<Integer, String> canonicalById = new HashMap<>();
    private final Map<String, Integer> idsByCanonical = new HashMap<>();
    private final Map<Integer, Set<SchemaKey>> keysById = new HashMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    private CompatibilityLevel globalLevel;
    private int maxId;

    void apply(StoreRecord record) {
        switch (record.key()) {
            case SchemaKey key -> {
                if (record.value() instanceof SchemaValue value) putVersion(key, value);
                else removeVersion(key);
            }
            case ConfigKey key -> {
                CompatibilityLevel level = record.value() instanceof ConfigValue value ? value.compatibilityLevel() : null;
                if (key.subject() == null) globalLevel = level;
                else if (level == null) subjectLevels.remove(key.subject());
                else subjectLevels.put(key.subject(), level);
            }
        }
    }

    private void putVersion(SchemaKey key, SchemaValue value) {
        SchemaValue previous = subjects.computeIfAbsent(key.subject(), s -> new TreeMap<>()).put(key.version(), value);
        if (previous != null && previous.id() != value.id()) unlink(previous.id(), key);
        if (!schemasById.containsKey(value.id())) {
            Schema schema = AvroSchemas.parse(value.schema());
            schemasById.put(value.id(), schema);
            canonicalById.put(value.id(), AvroSchemas.canonical(schema));
        }
        idsByCanonical.putIfAbsent(canonicalById.get(value.id()), value.id());
        keysById.computeIfAbsent(value.id(), id -> new LinkedHashSet<>()).add(key);
        maxId = Math.max(maxId, value.id());
    }

    private void removeVersion(SchemaKey key) {
        TreeMap<Integer, SchemaValue> versions = subjects.get(key.subject());
        if (versions == null) return;
        SchemaValue removed = versions.remove(key.version());
        if (versions.isEmpty()) subjects.remove(key.subject());
        if (removed != null) unlink(removed.id(), key);
    }

    private void unlink(int id, SchemaKey key) {
        Set<SchemaKey> keys = keysById.get(id);
        if (keys == null) return;
        keys.remove(key);
        if (keys.isEmpty()) {
            keysById.remove(id);
            schemasById.remove(id);
            String canonical = canonicalById.remove(id);
            if (canonical != null) idsByCanonical.remove(canonical, id);
        }
    }

    /** The id of a schema with this canonical text, live or soft-deleted, under any subject. */
    Optional<Integer> idOf(String canonical) {
        return Optional.ofNullable(idsByCanonical.get(canonical));
    }

    Optional<Schema> schema(int id) {
        return Optional.ofNullable(schemasById.get(id));
    }

    /** The canonical text of schema {@code id}. */
    Optional<String> canonical(int id) {
        return Optional.ofNullable(canonicalById.get(id));
    }

    /** Where schema {@code id} is registered, soft-deleted versions included or not. */
    List<SchemaKey> keysOf(int id, boolean includeDeleted) {
        List<SchemaKey> keys = new ArrayList<>();
        for (SchemaKey key : keysById.getOrDefault(id, Set.of())) {
            if (includeDeleted || !subjects.get(key.subject()).get(key.version()).deleted()) keys.add(key);
        }
        return keys;
    }

    /** The versions of {@code subject}, ascending; empty when it has none. */
    List<SchemaValue> versions(String subject, boolean includeDeleted) {
        TreeMap<Integer, SchemaValue> versions = subjects.get(subject);
        if (versions == null) return List.of();
        return versions.values().stream().filter(v -> includeDeleted || !v.deleted()).toList();
    }

    /** Subjects with at least one version (live, or any when {@code includeDeleted}), sorted. */
    List<String> subjects(boolean includeDeleted) {
        return subjects.entrySet().stream()
                .filter(e -> includeDeleted || e.getValue().values().stream().anyMatch(v -> !v.deleted()))
                .map(Map.Entry::getKey)
                .toList();
    }

    /** The highest version {@code subject} ever had that is still stored, 0 when none. */
    int highestVersion(String subject) {
        TreeMap<Integer, SchemaValue> versions = subjects.get(subject);
        return versions == null ? 0 : versions.lastKey();
    }

    Optional<CompatibilityLevel> subjectLevel(String subject) {
        return Optional.ofNullable(subjectLevels.get(subject));
    }

    Optional<CompatibilityLevel> globalLevel() {
        return Optional.ofNullable(globalLevel);
    }

    /** The highest id handed out so far. */
    int maxId() {
        return maxId;
    }

    int schemaCount() {
        return schemasById.size();
    }
}

package io.learnstream.ingest.caliper;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads Caliper entity references. The specification lets every entity-valued property be either the entity as
 * an object (with {@code id} and {@code type}) or a string holding its IRI; these accessors treat both alike and
 * answer {@code null} for what is absent, JSON {@code null} or of the wrong JSON type.
 */
final class CaliperEntities {
    private CaliperEntities() {}

    /** The id of an entity reference: the string itself, or the object's {@code id}; {@code null} when none. */
    static String id(JsonNode reference) {
        if (reference == null) return null;
        JsonNode id = reference.isObject() ? reference.get("id") : reference;
        return id != null && id.isTextual() && !id.textValue().isEmpty() ? id.textValue() : null;
    }

    /** The {@code type} term of an entity given as an object; {@code null} for an IRI string or an untyped object. */
    static String type(JsonNode reference) {
        if (reference == null || !reference.isObject()) return null;
        JsonNode type = reference.get("type");
        return type != null && type.isTextual() ? type.textValue() : null;
    }

    /** Whether {@code reference} is an entity object of the given type term. */
    static boolean isA(JsonNode reference, String typeTerm) {
        return typeTerm.equals(type(reference));
    }

    /** A property of an entity given as an object; {@code null} for an IRI string, or when absent or JSON null. */
    static JsonNode property(JsonNode reference, String name) {
        if (reference == null || !reference.isObject()) return null;
        JsonNode value = reference.get(name);
        return value == null || value.isNull() ? null : value;
    }
}

package io.learnstream.ingest.caliper;

import com.fasterxml.jackson.databind.JsonNode;
import io.learnstream.ingest.xapi.StatementRejectedException;

/**
 * Checks one item of an envelope's {@code data} against the Caliper information model and says whether it is an
 * Event or an Entity describe. Throws {@link StatementRejectedException} at the first violation, with the path of
 * the offending property relative to the item (e.g. {@code action}, {@code actor.id}) and the rule in words.
 *
 * <p>What is checked, per the Caliper 1.2 specification (and 1.1, which has the same rules):
 * <ul>
 *   <li>every item: a JSON object with an {@code @context} that is the context of the envelope's
 *       {@code dataVersion}, or an array of contexts listing it last; and a {@code type} term. A type ending in
 *       "Event" makes the item an Event, any other an Entity describe;</li>
 *   <li>an Event: {@code id} a {@code urn:uuid:} URN; {@code type} an Event type of the version; {@code actor} and
 *       {@code object} entities; {@code action} one the Event type allows; {@code eventTime} an ISO 8601 UTC
 *       date-time; the optional entity-valued properties ({@code edApp}, {@code generated}, {@code target},
 *       {@code referrer}, {@code group}, {@code membership}, {@code session}, {@code federatedSession}) entities
 *       when present; {@code extensions} an object and {@code profile} a string when present;</li>
 *   <li>an entity (an Event's property or a describe): either a string IRI, or an object with an {@code id} (an
 *       absolute IRI or a blank node identifier) and a {@code type}.</li>
 * </ul>
 * Object types are not matched against the Event type (a NavigationEvent about a generic Entity, as Canvas sends,
 * is accepted), nor are nested entities below the Event's own properties checked. Properties whose value is JSON
 * {@code null} count as absent, as the specification asks sensors to leave such properties out.
 */
final class CaliperDataValidator {
    /** What a valid data item is. */
    enum Kind { EVENT, ENTITY_DESCRIBE }

    private static final String[] OPTIONAL_ENTITIES = {
        "edApp", "generated", "target", "referrer", "group", "membership", "session", "federatedSession"
    };

    /** Validates {@code item} for the envelope's {@code version}; paths in the exception are relative to the item. */
    Kind validate(JsonNode item, CaliperDataVersion version) {
        if (!item.isObject()) {
            throw new StatementRejectedException("", "must be a JSON object: a Caliper event or an entity describe");
        }
        requireContext(item.get("@context"), version);
        JsonNode typeNode = present(item, "type");
        if (typeNode == null) {
            throw new StatementRejectedException("type",
                    "is required: every event and entity describe names its Caliper type, e.g. AssessmentEvent or Person");
        }
        if (!typeNode.isTextual() || typeNode.textValue().isEmpty()) {
            throw new StatementRejectedException("type", "must be a Caliper type term such as AssessmentEvent or Person");
        }
        String type = typeNode.textValue();
        if (CaliperVocabulary.looksLikeEventType(type)) {
            validateEvent(item, type, version);
            return Kind.EVENT;
        }
        requireEntityId(item, "");
        return Kind.ENTITY_DESCRIBE;
    }

    private static void validateEvent(JsonNode event, String type, CaliperDataVersion version) {
        JsonNode id = present(event, "id");
        if (id == null) throw new StatementRejectedException("id", "is required: every event has a UUID URN");
        if (!id.isTextual() || !CaliperIdentifiers.isUrnUuid(id.textValue())) {
            throw new StatementRejectedException("id", "must be a UUID URN such as urn:uuid:3f1c0a6e-7d2b-4c55-9a1e-2b8f5c1d9e77");
        }
        CaliperVocabulary.Actions actions = CaliperVocabulary.actionsOf(version, type);
        if (actions == null) {
            throw new StatementRejectedException("type", "'" + type + "' is not a " + version.label() + " Event type; the Event types are "
                    + String.join(", ", CaliperVocabulary.eventTypes(version)));
        }
        requireEntity(required(event, "actor", "is required: the Agent who acted"), "actor");
        JsonNode actionNode = required(event, "action", "is required: the action the actor took, e.g. Started");
        if (!actionNode.isTextual()) throw new StatementRejectedException("action", "must be a Caliper action term such as Started");
        String action = CaliperVocabulary.canonicalAction(actionNode.textValue());
        if (!actions.allows(action)) {
            String rule = CaliperVocabulary.EVENT.equals(type)
                    ? "'" + actionNode.textValue() + "' is not a " + version.label() + " action"
                    : "'" + actionNode.textValue() + "' is not an action of " + type + " in " + version.label()
                            + "; it allows " + String.join(", ", actions.inOrder());
            throw new StatementRejectedException("action", rule);
        }
        requireEntity(required(event, "object", "is required: the entity acted on"), "object");
        JsonNode eventTime = required(event, "eventTime", "is required: when the event happened");
        if (!eventTime.isTextual() || CaliperTimestamps.parseOrNull(eventTime.textValue()) == null) {
            throw new StatementRejectedException("eventTime", CaliperTimestamps.RULE);
        }
        for (String property : OPTIONAL_ENTITIES) {
            JsonNode value = present(event, property);
            if (value != null) requireEntity(value, property);
        }
        JsonNode extensions = present(event, "extensions");
        if (extensions != null && !extensions.isObject()) {
            throw new StatementRejectedException("extensions", "must be an object of additional properties");
        }
        JsonNode profile = present(event, "profile");
        if (profile != null && !profile.isTextual()) {
            throw new StatementRejectedException("profile", "must be a Caliper profile term such as AssessmentProfile");
        }
    }

    private static void requireContext(JsonNode context, CaliperDataVersion version) {
        String iri = version.contextIri();
        if (context == null || context.isNull()) {
            throw new StatementRejectedException("@context", "is required: the " + version.label() + " context " + iri);
        }
        if (context.isTextual()) {
            if (!iri.equals(context.textValue())) {
                throw new StatementRejectedException("@context", "must be " + iri + ", the context of the envelope's dataVersion ("
                        + version.label() + "), got '" + context.textValue() + "'");
            }
            return;
        }
        if (context.isArray()) {
            JsonNode last = context.isEmpty() ? null : context.get(context.size() - 1);
            if (last == null || !last.isTextual() || !iri.equals(last.textValue())) {
                throw new StatementRejectedException("@context",
                        "an array of contexts must list " + iri + ", the context of the envelope's dataVersion, last");
            }
            return;
        }
        throw new StatementRejectedException("@context", "must be " + iri + " or an array of contexts ending with it");
    }

    private static void requireEntity(JsonNode entity, String path) {
        if (entity.isTextual()) {
            if (!CaliperIdentifiers.isEntityId(entity.textValue())) {
                throw new StatementRejectedException(path, "must be an entity object or its IRI, such as https://example.edu/users/554433");
            }
            return;
        }
        if (!entity.isObject()) {
            throw new StatementRejectedException(path, "must be an entity object or its IRI, such as https://example.edu/users/554433");
        }
        requireEntityId(entity, path);
        JsonNode type = present(entity, "type");
        if (type == null || !type.isTextual() || type.textValue().isEmpty()) {
            throw new StatementRejectedException(join(path, "type"), "is required: an entity names its Caliper type, e.g. Person");
        }
    }

    private static void requireEntityId(JsonNode entity, String path) {
        JsonNode id = present(entity, "id");
        if (id == null) throw new StatementRejectedException(join(path, "id"), "is required: every entity has an IRI");
        if (!id.isTextual() || !CaliperIdentifiers.isEntityId(id.textValue())) {
            throw new StatementRejectedException(join(path, "id"),
                    "must be an absolute IRI such as https://example.edu/users/554433 or a blank node identifier such as _:b0");
        }
    }

    private static JsonNode required(JsonNode parent, String property, String rule) {
        JsonNode value = present(parent, property);
        if (value == null) throw new StatementRejectedException(property, rule);
        return value;
    }

    private static JsonNode present(JsonNode parent, String property) {
        JsonNode value = parent.get(property);
        return value == null || value.isNull() ? null : value;
    }

    private static String join(String path, String property) {
        return path.isEmpty() ? property : path + "." + property;
    }
}

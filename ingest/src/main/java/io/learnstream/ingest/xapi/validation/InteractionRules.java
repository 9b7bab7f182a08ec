package io.learnstream.ingest.xapi.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.learnstream.ingest.xapi.StatementRejectedException;
import java.util.HashSet;
import java.util.Set;

/**
 * Interaction Activities (xAPI Data 2.4.4.1, interaction activities): an interactionType from the ten defined
 * (matching in case exactly), correctResponsesPattern as an array of strings, and only the interaction component
 * lists the interactionType supports — choices (choice, sequencing), scale (likert), source and target (matching),
 * steps (performance); none for true-false, fill-in, long-fill-in, numeric and other. A component has a non-empty
 * string id, distinct within its list, and an optional description language map. A definition without
 * interactionType must not carry any of these properties.
 */
final class InteractionRules {
    private static final String[] TYPES = {
        "true-false", "choice", "fill-in", "long-fill-in", "matching", "performance", "sequencing", "likert", "numeric", "other"
    };
    private static final String[] COMPONENT_LISTS = {"choices", "scale", "source", "target", "steps"};

    private InteractionRules() {}

    static void requireInteraction(JsonNode definition, JsonPath path) {
        JsonNode interactionType = definition.get("interactionType");
        if (interactionType == null) {
            if (definition.has("correctResponsesPattern")) throw needsType(path, "correctResponsesPattern");
            for (String list : COMPONENT_LISTS) {
                if (definition.has(list)) throw needsType(path, list);
            }
            return;
        }
        JsonPath typePath = path.field("interactionType");
        String type = Shapes.requireString(interactionType, typePath);
        if (!isInteractionType(type)) {
            throw Shapes.reject(typePath, "must be one of " + String.join(", ", TYPES) + " (exactly in this case), but is '"
                    + ObjectTypes.shorten(type) + "'");
        }
        JsonNode pattern = definition.get("correctResponsesPattern");
        if (pattern != null) {
            JsonPath patternPath = path.field("correctResponsesPattern");
            Shapes.requireArray(pattern, patternPath, "an array of strings");
            for (int i = 0; i < pattern.size(); i++) Shapes.requireString(pattern.get(i), patternPath.index(i));
        }
        for (String list : COMPONENT_LISTS) {
            JsonNode components = definition.get(list);
            if (components == null) continue;
            if (!supports(type, list)) {
                throw Shapes.reject(path.field(list), "is not an interaction component list of interactionType '" + type + "' ("
                        + supportedLists(type) + ")");
            }
            requireComponents(components, path.field(list), list);
        }
    }

    private static void requireComponents(JsonNode components, JsonPath path, String list) {
        Shapes.requireArray(components, path, "an array of interaction components");
        int size = components.size();
        Set<String> seen = size > 16 ? new HashSet<>(size * 2) : null;
        for (int i = 0; i < size; i++) {
            JsonNode component = components.get(i);
            JsonPath componentPath = path.index(i);
            Shapes.requireObject(component, componentPath, "an interaction component with an id");
            JsonPath idPath = componentPath.field("id");
            String id = Shapes.requireNonEmptyString(Shapes.required(component, "id", componentPath), idPath);
            JsonNode description = component.get("description");
            if (description != null) LanguageMaps.requireLanguageMap(description, componentPath.field("description"));
            PropertySets.requireOnly(component, componentPath, PropertySets.INTERACTION_COMPONENT);
            boolean duplicate = seen != null ? !seen.add(id) : appearsBefore(components, i, id);
            if (duplicate) throw Shapes.reject(idPath, "must be distinct within " + list + ", but '" + ObjectTypes.shorten(id) + "' is used twice");
        }
    }

    private static boolean appearsBefore(JsonNode components, int index, String id) {
        for (int j = 0; j < index; j++) {
            if (id.equals(components.get(j).get("id").textValue())) return true;
        }
        return false;
    }

    private static boolean isInteractionType(String type) {
        for (String known : TYPES) {
            if (known.equals(type)) return true;
        }
        return false;
    }

    private static boolean supports(String type, String list) {
        return switch (type) {
            case "choice", "sequencing" -> list.equals("choices");
            case "likert" -> list.equals("scale");
            case "matching" -> list.equals("source") || list.equals("target");
            case "performance" -> list.equals("steps");
            default -> false;
        };
    }

    private static String supportedLists(String type) {
        return switch (type) {
            case "choice", "sequencing" -> "it uses choices";
            case "likert" -> "it uses scale";
            case "matching" -> "it uses source and target";
            case "performance" -> "it uses steps";
            default -> "it has no component lists";
        };
    }

    private static StatementRejectedException needsType(JsonPath definitionPath, String property) {
        return Shapes.reject(definitionPath.field("interactionType"),
                "is required when the definition has " + property + ": it describes an interaction");
    }
}

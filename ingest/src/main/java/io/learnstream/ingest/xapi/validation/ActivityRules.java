package io.learnstream.ingest.xapi.validation;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Activities (xAPI Data 2.4.4.1): an id that is an IRI, objectType 'Activity' when present, and an optional
 * definition with name and description (language maps), type (IRI), moreInfo (IRL), extensions and the interaction
 * properties of {@link InteractionRules}.
 */
final class ActivityRules {
    private ActivityRules() {}

    static void requireActivity(JsonNode activity, JsonPath path) {
        Shapes.requireObject(activity, path, "an Activity");
        Iris.requireIri(Shapes.required(activity, "id", path), path.field("id"));
        JsonNode objectType = activity.get("objectType");
        if (objectType != null && !(objectType.isTextual() && "Activity".equals(objectType.textValue()))) {
            throw Shapes.reject(path.field("objectType"), ObjectTypes.mustBe(objectType, "'Activity'"));
        }
        JsonNode definition = activity.get("definition");
        if (definition != null) requireDefinition(definition, path.field("definition"));
        PropertySets.requireOnly(activity, path, PropertySets.ACTIVITY);
    }

    private static void requireDefinition(JsonNode definition, JsonPath path) {
        Shapes.requireObject(definition, path, "an Activity Definition");
        PropertySets.requireOnly(definition, path, PropertySets.ACTIVITY_DEFINITION);
        JsonNode name = definition.get("name");
        if (name != null) LanguageMaps.requireLanguageMap(name, path.field("name"));
        JsonNode description = definition.get("description");
        if (description != null) LanguageMaps.requireLanguageMap(description, path.field("description"));
        JsonNode type = definition.get("type");
        if (type != null) Iris.requireIri(type, path.field("type"));
        JsonNode moreInfo = definition.get("moreInfo");
        if (moreInfo != null) Iris.requireIrl(moreInfo, path.field("moreInfo"));
        JsonNode extensions = definition.get("extensions");
        if (extensions != null) Extensions.requireExtensions(extensions, path.field("extensions"));
        InteractionRules.requireInteraction(definition, path);
    }
}

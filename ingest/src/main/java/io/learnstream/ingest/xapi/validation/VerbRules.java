package io.learnstream.ingest.xapi.validation;

import com.fasterxml.jackson.databind.JsonNode;

/** The Verb (xAPI Data 2.4.3): an id that is an IRI and an optional display language map, nothing else. */
final class VerbRules {
    /** The reserved Verb of a statement that voids another (Data 2.3.2). */
    static final String VOIDED = "http://adlnet.gov/expapi/verbs/voided";

    private VerbRules() {}

    static void requireVerb(JsonNode verb, JsonPath path) {
        Shapes.requireObject(verb, path, "a Verb with an id");
        Iris.requireIri(Shapes.required(verb, "id", path), path.field("id"));
        JsonNode display = verb.get("display");
        if (display != null) LanguageMaps.requireLanguageMap(display, path.field("display"));
        PropertySets.requireOnly(verb, path, PropertySets.VERB);
    }

    static boolean isVoiding(JsonNode verb) {
        JsonNode id = verb.get("id");
        return id != null && VOIDED.equals(id.textValue());
    }
}

package io.learnstream.ingest.xapi.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** Language maps (xAPI Data 4.2): an object whose keys are RFC 5646 language tags and whose values are strings. */
final class LanguageMaps {
    private LanguageMaps() {}

    static void requireLanguageMap(JsonNode node, JsonPath path) {
        Shapes.requireObject(node, path, "a language map such as {\"en-US\": \"...\"}");
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String tag = entry.getKey();
            if (!LanguageTags.isWellFormed(tag)) {
                throw Shapes.reject(path.field(tag), "is not an RFC 5646 language tag; a language map's keys must be tags such as en or en-US");
            }
            if (!entry.getValue().isTextual()) {
                throw Shapes.reject(path.field(tag), entry.getValue().isNull() ? Shapes.NOT_NULL : "must be a string (a language map's values are strings)");
            }
        }
    }
}

package io.learnstream.ingest.xapi.validation;

import com.fasterxml.jackson.databind.JsonNode;

/** The wording of a wrong {@code objectType} (xAPI Data 2.2.s4.b1.b6: enumerated values match in case exactly). */
final class ObjectTypes {
    private ObjectTypes() {}

    static String mustBe(JsonNode actual, String allowed) {
        if (actual.isNull()) return Shapes.NOT_NULL;
        if (!actual.isTextual()) return "must be " + allowed + " (a string)";
        return "must be " + allowed + ", exactly in this case, but is '" + shorten(actual.textValue()) + "'";
    }

    static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}

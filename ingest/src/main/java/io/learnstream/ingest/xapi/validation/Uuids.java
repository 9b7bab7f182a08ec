package io.learnstream.ingest.xapi.validation;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * UUIDs in the standard string form of RFC 4122 (8-4-4-4-12 hexadecimal digits, either case), the form xAPI Data 4.4
 * requires. Any version is accepted; the variant is only recommended by the specification, so it is not enforced.
 */
public final class Uuids {
    private Uuids() {}

    static void requireUuid(JsonNode node, JsonPath path) {
        if (!isStandardForm(Shapes.requireString(node, path))) {
            throw Shapes.reject(path, "must be a UUID in standard form, such as 3f1c0a6e-7d2b-4c55-9a1e-2b8f5c1d9e77");
        }
    }

    /** Whether the text is a UUID in standard form: the one test of a UUID for statements and parameters alike. */
    public static boolean isStandardForm(String text) {
        if (text.length() != 36) return false;
        for (int i = 0; i < 36; i++) {
            char c = text.charAt(i);
            boolean hyphenPosition = i == 8 || i == 13 || i == 18 || i == 23;
            if (hyphenPosition ? c != '-' : !Hex.isDigit(c)) return false;
        }
        return true;
    }
}

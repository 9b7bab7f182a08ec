package io.learnstream.ingest.xapi.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.learnstream.ingest.xapi.XapiVersion;

/**
 * A statement's {@code version} property (xAPI Data 2.4.10), formatted as the version header: {@code major.minor} or
 * a Semantic Versioning 1.0.0 {@code major.minor.patch} with optional {@code -prerelease} and {@code +build}. An
 * xAPI 1.0.3 LRS accepts only 1.0.x and must reject every other version; an xAPI 2.0 LRS also accepts 2.0.x, as the
 * 1.0.x data model is compatible with it.
 */
final class StatementVersions {
    private StatementVersions() {}

    static void requireVersion(JsonNode node, JsonPath path, XapiVersion version) {
        String text = Shapes.requireString(node, path);
        boolean accepted = is(text, '1') || (version == XapiVersion.V2_0_0 && is(text, '2'));
        if (!accepted) {
            throw Shapes.reject(path, (version == XapiVersion.V2_0_0 ? "must be 1.0, 1.0.x, 2.0 or 2.0.x" : "must be 1.0 or 1.0.x")
                    + " (the xAPI version the statement conforms to), but is '" + ObjectTypes.shorten(text) + "'");
        }
    }

    /** Whether {@code text} is {@code major.0} or {@code major.0.patch[-prerelease][+build]}. */
    private static boolean is(String text, char major) {
        int length = text.length();
        if (length < 3 || text.charAt(0) != major || text.charAt(1) != '.' || text.charAt(2) != '0') return false;
        if (length == 3) return true;
        if (text.charAt(3) != '.') return false;
        int pos = 4;
        while (pos < length && isDigit(text.charAt(pos))) pos++;
        if (pos == 4) return false;
        if (pos < length && text.charAt(pos) == '-') pos = identifiers(text, pos + 1);
        if (pos > 0 && pos < length && text.charAt(pos) == '+') pos = identifiers(text, pos + 1);
        return pos == length;
    }

    /** The end of dot-separated identifiers of [0-9A-Za-z-] starting at {@code pos}, or -1 when one is empty. */
    private static int identifiers(String text, int pos) {
        while (true) {
            int start = pos;
            while (pos < text.length() && isIdentifierChar(text.charAt(pos))) pos++;
            if (pos == start) return -1;
            if (pos < text.length() && text.charAt(pos) == '.') {
                pos++;
            } else {
                return pos;
            }
        }
    }

    private static boolean isIdentifierChar(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}

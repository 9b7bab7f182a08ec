package io.learnstream.ingest.xapi.validation;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Durations in the ISO 8601:2004 format of section 4.4.3.2 (xAPI Data 4.6): {@code PnW} alone, or
 * {@code P[nY][nM][nD][T[nH][nM][nS]]} with at least one component and at least one after {@code T}. Only the last
 * component may have a decimal fraction. Weeks cannot be combined with other components ({@code P4W1D} is invalid),
 * and the alternative format ({@code P0003-01-29T04:35:59}) must not be used. Precision beyond 0.01 s is accepted in
 * both versions: xAPI 1.0.3 says the LRS SHOULD NOT reject it and xAPI 2.0 that it shall not, and may truncate it.
 */
final class Durations {
    private static final String DATE_DESIGNATORS = "YMD";
    private static final String TIME_DESIGNATORS = "HMS";

    private Durations() {}

    static void requireDuration(JsonNode node, JsonPath path) {
        if (!isValid(Shapes.requireString(node, path))) {
            throw Shapes.reject(path, "must be an ISO 8601 duration such as PT1H30M or PT4M2.35S (weeks, PnW, only on their own)");
        }
    }

    static boolean isValid(String text) {
        int length = text.length();
        if (length < 3 || text.charAt(0) != 'P') return false;
        int pos = 1;
        boolean inTime = false;
        int nextDesignator = 0; // index into DATE_DESIGNATORS or TIME_DESIGNATORS: components must come in order
        int components = 0;
        int timeComponents = 0;
        boolean fractionSeen = false;
        while (pos < length) {
            char c = text.charAt(pos);
            if (c == 'T') {
                if (inTime) return false;
                inTime = true;
                nextDesignator = 0;
                pos++;
                continue;
            }
            if (fractionSeen) return false; // a fraction only on the last component
            int numberStart = pos;
            while (pos < length && isDigit(text.charAt(pos))) pos++;
            if (pos == numberStart) return false;
            if (pos < length && (text.charAt(pos) == '.' || text.charAt(pos) == ',')) {
                int fractionStart = ++pos;
                while (pos < length && isDigit(text.charAt(pos))) pos++;
                if (pos == fractionStart) return false;
                fractionSeen = true;
            }
            if (pos >= length) return false;
            char designator = text.charAt(pos++);
            if (designator == 'W') {
                if (inTime || components > 0 || pos != length) return false;
                return true;
            }
            int found = (inTime ? TIME_DESIGNATORS : DATE_DESIGNATORS).indexOf(designator, nextDesignator);
            if (found < 0) return false;
            nextDesignator = found + 1;
            components++;
            if (inTime) timeComponents++;
        }
        return components > 0 && (!inTime || timeComponents > 0);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}

package io.learnstream.ingest.xapi.validation;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Absolute IRIs (RFC 3987), URIs (RFC 3986), IRLs and mailto IRIs, checked by a single pass over the characters:
 * a scheme ({@code ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )}) and a colon, then only characters an IRI may hold,
 * well-formed percent escapes and at most one {@code #}. Relative references and fragments have no scheme and fail.
 * This is the best-effort validation xAPI 1.0.3 Data 2.2.s4.b6 allows; it accepts every IRI the specification's
 * examples and the conformance suite use.
 */
public final class Iris {
    private static final boolean[] ALLOWED_ASCII = new boolean[128];

    static {
        String allowed = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
                + "-._~" // unreserved
                + ":/?#[]@" // gen-delims
                + "!$&'()*+,;=" // sub-delims
                + "%";
        for (int i = 0; i < allowed.length(); i++) ALLOWED_ASCII[allowed.charAt(i)] = true;
    }

    private Iris() {}

    static void requireIri(JsonNode node, JsonPath path) {
        if (!isAbsoluteIri(Shapes.requireString(node, path))) {
            throw Shapes.reject(path, "must be an absolute IRI with a scheme, such as https://example.org/activities/1");
        }
    }

    static void requireIrl(JsonNode node, JsonPath path) {
        if (!isIrl(Shapes.requireString(node, path))) {
            throw Shapes.reject(path, "must be an absolute IRL (a resolvable IRI), such as https://example.org/page");
        }
    }

    static void requireUri(JsonNode node, JsonPath path) {
        if (!isAbsoluteUri(Shapes.requireString(node, path))) {
            throw Shapes.reject(path, "must be an absolute URI, such as https://openid.example.org/ann");
        }
    }

    /** Whether the text is an absolute IRI (RFC 3987 syntax): the one test of an IRI for validation and query parameters alike. */
    public static boolean isAbsoluteIri(String text) {
        return isAbsolute(text, false);
    }

    static boolean isAbsoluteUri(String text) {
        return isAbsolute(text, true);
    }

    /** An absolute IRI that locates something: for http(s) it must name a host. */
    static boolean isIrl(String text) {
        if (!isAbsolute(text, false)) return false;
        int colon = text.indexOf(':');
        boolean web = (colon == 4 && text.regionMatches(true, 0, "http", 0, 4))
                || (colon == 5 && text.regionMatches(true, 0, "https", 0, 5));
        if (!web) return true;
        if (!text.startsWith("//", colon + 1)) return false;
        int hostStart = colon + 3;
        int end = hostStart;
        while (end < text.length() && "/?#".indexOf(text.charAt(end)) < 0) end++;
        int at = text.lastIndexOf('@', end - 1);
        if (at >= hostStart) hostStart = at + 1;
        return hostStart < end && text.charAt(hostStart) != ':';
    }

    /** {@code mailto:} followed by an e-mail address: a local part, {@code @} and a domain. */
    static boolean isMailtoIri(String text) {
        if (!text.regionMatches(true, 0, "mailto:", 0, 7) || !isAbsolute(text, false)) return false;
        int end = text.indexOf('?', 7);
        if (end < 0) end = text.length();
        int at = text.lastIndexOf('@', end - 1);
        return at > 7 && at < end - 1;
    }

    private static boolean isAbsolute(String text, boolean asciiOnly) {
        int length = text.length();
        if (length < 3 || !isAlpha(text.charAt(0))) return false;
        int colon = 1;
        while (colon < length && text.charAt(colon) != ':') {
            char c = text.charAt(colon);
            if (!isAlpha(c) && !isDigit(c) && c != '+' && c != '-' && c != '.') return false;
            colon++;
        }
        if (colon >= length - 1) return false;
        boolean inFragment = false;
        for (int i = colon + 1; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                if (!ALLOWED_ASCII[c]) return false;
                if (c == '%') {
                    if (i + 2 >= length || !Hex.isDigit(text.charAt(i + 1)) || !Hex.isDigit(text.charAt(i + 2))) return false;
                    i += 2;
                } else if (c == '#') {
                    if (inFragment) return false;
                    inFragment = true;
                }
            } else {
                if (asciiOnly || c <= 0x9F || isBidiFormatting(c) || c == 0xFFFE || c == 0xFFFF) return false;
                if (Character.isHighSurrogate(c)) {
                    if (i + 1 >= length || !Character.isLowSurrogate(text.charAt(i + 1))) return false;
                    i++;
                } else if (Character.isLowSurrogate(c)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** RFC 3987 section 4.1: bidirectional formatting characters must not appear in IRIs. */
    private static boolean isBidiFormatting(char c) {
        return c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E);
    }

    private static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}

package io.learnstream.ingest.xapi.validation;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * RFC 5646 language tags, checked for well-formedness: the sequence and lengths of subtags
 * ({@code language[-extlang][-script][-region]*(-variant)*(-extension)[-privateuse]}), the grandfathered tags, and
 * the two validity rules that need no registry (no variant twice, no extension singleton twice). xAPI 1.0.3 Data
 * 2.2.s4.b2 asks at least the sequence of token lengths. Case does not matter. One pass, no allocation.
 */
final class LanguageTags {
    private static final String[] IRREGULAR_GRANDFATHERED = {
        "en-GB-oed", "i-ami", "i-bnn", "i-default", "i-enochian", "i-hak", "i-klingon", "i-lux", "i-mingo", "i-navajo",
        "i-pwn", "i-tao", "i-tay", "i-tsu", "sgn-BE-FR", "sgn-BE-NL", "sgn-CH-DE"
    };

    // What the next subtag may be, in the order RFC 5646 section 2.1 allows them.
    private static final int EXTLANG = 1;
    private static final int SCRIPT = 2;
    private static final int REGION = 3;
    private static final int VARIANT = 4;
    private static final int EXTENSION_BODY = 5; // after a singleton: at least one 2-8 character subtag
    private static final int PRIVATE_USE = 6; // after x: at least one 1-8 character subtag

    private LanguageTags() {}

    static void requireTag(JsonNode node, JsonPath path) {
        if (!isWellFormed(Shapes.requireString(node, path))) {
            throw Shapes.reject(path, "must be an RFC 5646 language tag, such as en, en-US or zh-Hant-TW");
        }
    }

    static boolean isWellFormed(String tag) {
        int length = tag.length();
        if (length == 0) return false;
        for (String grandfathered : IRREGULAR_GRANDFATHERED) {
            if (grandfathered.equalsIgnoreCase(tag)) return true;
        }
        int state = 0;
        int extlangs = 0;
        boolean needsMore = false;
        int firstVariant = -1;
        long singletonsSeen = 0;
        int start = 0;
        while (start <= length) {
            int end = tag.indexOf('-', start);
            if (end < 0) end = length;
            int size = end - start;
            if (size == 0 || size > 8) return false;
            boolean alpha = all(tag, start, end, true);
            boolean alphanumeric = alpha || all(tag, start, end, false);
            if (!alphanumeric) return false;
            if (state == 0) {
                if (size == 1 && isX(tag.charAt(start))) {
                    state = PRIVATE_USE;
                    needsMore = true;
                } else if (!alpha || size == 1) {
                    return false;
                } else {
                    state = size <= 3 ? EXTLANG : SCRIPT;
                }
            } else if (state == PRIVATE_USE) {
                needsMore = false;
            } else if (state == EXTENSION_BODY && size >= 2) {
                needsMore = false;
            } else if (size == 1) {
                if (needsMore) return false;
                char singleton = Character.toLowerCase(tag.charAt(start));
                if (singleton == 'x') {
                    state = PRIVATE_USE;
                } else {
                    long bit = 1L << (singleton <= '9' ? singleton - '0' : singleton - 'a' + 10);
                    if ((singletonsSeen & bit) != 0) return false;
                    singletonsSeen |= bit;
                    state = EXTENSION_BODY;
                }
                needsMore = true;
            } else if (state == EXTENSION_BODY) {
                return false;
            } else if (state == EXTLANG && size == 3 && alpha && extlangs < 3) {
                extlangs++;
            } else if (state <= SCRIPT && size == 4 && alpha) {
                state = REGION;
            } else if (state <= REGION && ((size == 2 && alpha) || (size == 3 && isDigits(tag, start, end)))) {
                state = VARIANT;
            } else if (state <= VARIANT && (size >= 5 || (size == 4 && isDigit(tag.charAt(start))))) {
                if (firstVariant < 0) {
                    firstVariant = start;
                } else if (repeatsEarlierSubtag(tag, firstVariant, start, end)) {
                    return false;
                }
                state = VARIANT;
            } else {
                return false;
            }
            start = end + 1;
        }
        return !needsMore && tag.charAt(length - 1) != '-';
    }

    /** Whether subtag {@code [start, end)} equals, ignoring case, one of the subtags from {@code from} up to it. */
    private static boolean repeatsEarlierSubtag(String tag, int from, int start, int end) {
        int size = end - start;
        int earlier = from;
        while (earlier < start) {
            int earlierEnd = tag.indexOf('-', earlier);
            if (earlierEnd - earlier == size && tag.regionMatches(true, earlier, tag, start, size)) return true;
            earlier = earlierEnd + 1;
        }
        return false;
    }

    private static boolean all(String tag, int start, int end, boolean lettersOnly) {
        for (int i = start; i < end; i++) {
            char c = tag.charAt(i);
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            if (!letter && (lettersOnly || !isDigit(c))) return false;
        }
        return true;
    }

    private static boolean isDigits(String tag, int start, int end) {
        for (int i = start; i < end; i++) {
            if (!isDigit(tag.charAt(i))) return false;
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isX(char c) {
        return c == 'x' || c == 'X';
    }
}

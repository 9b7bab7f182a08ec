package io.learnstream.ingest.caliper;

/**
 * The identifier forms Caliper uses, checked without regular expressions: event ids ({@code urn:uuid:} URNs per
 * RFC 4122), entity ids (absolute IRIs or blank node identifiers) and the specification's convention for anonymous
 * entities (the Caliper type IRI used as id, e.g. {@code http://purl.imsglobal.org/caliper/Person}).
 */
final class CaliperIdentifiers {
    private static final String URN_UUID = "urn:uuid:";
    private static final int UUID_LENGTH = 36;

    private CaliperIdentifiers() {}

    /** Whether {@code text} is {@code urn:uuid:} followed by a UUID in 8-4-4-4-12 hex form (prefix case-insensitive). */
    static boolean isUrnUuid(String text) {
        if (text.length() != URN_UUID.length() + UUID_LENGTH) return false;
        if (!text.regionMatches(true, 0, URN_UUID, 0, URN_UUID.length())) return false;
        for (int i = 0; i < UUID_LENGTH; i++) {
            char c = text.charAt(URN_UUID.length() + i);
            boolean hyphenPosition = i == 8 || i == 13 || i == 18 || i == 23;
            if (hyphenPosition ? c != '-' : Character.digit(c, 16) < 0) return false;
        }
        return true;
    }

    /**
     * Whether {@code text} is an absolute IRI: a scheme ({@code ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )}), a colon
     * and something after it, with no white space or control characters anywhere.
     */
    static boolean isAbsoluteIri(String text) {
        int colon = text.indexOf(':');
        if (colon < 1 || colon == text.length() - 1 || !isAsciiLetter(text.charAt(0))) return false;
        for (int i = 1; i < colon; i++) {
            char c = text.charAt(i);
            if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') return false;
        }
        for (int i = colon + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= ' ' || c == 0x7f || Character.isWhitespace(c)) return false;
        }
        return true;
    }

    /** Whether {@code text} is a JSON-LD blank node identifier such as {@code _:b0}. */
    static boolean isBlankNode(String text) {
        return text.length() > 2 && text.startsWith("_:");
    }

    /** Whether an entity id is an IRI or a blank node identifier, the two forms the specification allows. */
    static boolean isEntityId(String text) {
        return isAbsoluteIri(text) || isBlankNode(text);
    }

    /**
     * Whether an entity id marks the entity as anonymous: the specification's convention is to use the full
     * Caliper vocabulary type IRI (e.g. {@code http://purl.imsglobal.org/caliper/Person}) as the id.
     */
    static boolean isAnonymous(String id) {
        return id.startsWith(CaliperVocabulary.TERM_BASE) || id.startsWith("https://purl.imsglobal.org/caliper/");
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}

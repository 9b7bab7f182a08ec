package io.learnstream.ingest.xapi.validation;

/**
 * Internet media types (RFC 2046, syntax of RFC 9110 section 8.3.1): {@code type "/" subtype} made of token
 * characters, then any parameters {@code ; name=value} where the value is a token or a quoted string.
 */
final class MediaTypes {
    private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

    private MediaTypes() {}

    static boolean isMediaType(String text) {
        int length = text.length();
        int pos = token(text, 0);
        if (pos == 0 || pos >= length || text.charAt(pos) != '/') return false;
        int subtypeEnd = token(text, pos + 1);
        if (subtypeEnd == pos + 1) return false;
        pos = subtypeEnd;
        while (true) {
            pos = whitespace(text, pos);
            if (pos == length) return true;
            if (text.charAt(pos) != ';') return false;
            pos = whitespace(text, pos + 1);
            int nameEnd = token(text, pos);
            if (nameEnd == pos || nameEnd >= length || text.charAt(nameEnd) != '=') return false;
            pos = nameEnd + 1;
            if (pos < length && text.charAt(pos) == '"') {
                pos++;
                while (pos < length && text.charAt(pos) != '"') {
                    if (text.charAt(pos) == '\\') pos++;
                    pos++;
                }
                if (pos >= length) return false;
                pos++;
            } else {
                int valueEnd = token(text, pos);
                if (valueEnd == pos) return false;
                pos = valueEnd;
            }
        }
    }

    /** The end of the token starting at {@code pos} (equal to {@code pos} when there is none). */
    private static int token(String text, int pos) {
        while (pos < text.length() && isTokenChar(text.charAt(pos))) pos++;
        return pos;
    }

    private static int whitespace(String text, int pos) {
        while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) pos++;
        return pos;
    }

    private static boolean isTokenChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || TOKEN_SYMBOLS.indexOf(c) >= 0;
    }
}

package io.learnstream.ingest.xapi.validation;

/** Hexadecimal digits, in either case: UUIDs, SHA-1 and SHA-2 digests, percent escapes. */
final class Hex {
    private Hex() {}

    static boolean isDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** Whether {@code text} is exactly {@code digits} hexadecimal digits. */
    static boolean isHex(String text, int digits) {
        if (text.length() != digits) return false;
        for (int i = 0; i < digits; i++) {
            if (!isDigit(text.charAt(i))) return false;
        }
        return true;
    }
}

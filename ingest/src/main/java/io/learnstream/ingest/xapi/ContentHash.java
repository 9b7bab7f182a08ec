package io.learnstream.ingest.xapi;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Locale;

/**
 * What makes two statements with one id "the same statement": SHA-256 of the statement as the tool sent it,
 * in a canonical form (properties sorted), without the properties the LRS sets ({@code stored},
 * {@code authority}, {@code version}) and with {@code timestamp} as an instant, so a retry that formats the
 * same time differently is still the same statement.
 *
 * <p>The canonical form is compact JSON exactly as Jackson writes a tree with sorted properties (the hashes already
 * stored were made that way, and {@code ContentHashTest} holds the two byte for byte alike); it is written here
 * straight into a buffer, without copying the tree or sorting through maps, since every statement taken in is hashed.
 */
public final class ContentHash {
    private static final MessageDigest SHA_256;

    static {
        try {
            SHA_256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private ContentHash() {}

    /** The hash of a statement as received, before the LRS set anything on it. */
    public static String of(JsonNode statement) {
        Canonical out = new Canonical();
        out.statement(statement);
        MessageDigest sha256;
        try {
            sha256 = (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 cannot be cloned", e);
        }
        sha256.update(out.bytes, 0, out.size);
        return HexFormat.of().formatHex(sha256.digest());
    }

    /** A growing buffer the canonical JSON is written into. */
    private static final class Canonical {
        byte[] bytes = new byte[4096];
        int size;

        /** The top level: what the LRS sets is left out, the timestamp is an instant and the id in lower case. */
        void statement(JsonNode statement) {
            if (!statement.isObject()) {
                value(statement);
                return;
            }
            String[] names = sortedNames(statement);
            put((byte) '{');
            boolean first = true;
            for (String name : names) {
                if (name.equals("stored") || name.equals("authority") || name.equals("version")) continue;
                if (!first) put((byte) ',');
                first = false;
                string(name);
                put((byte) ':');
                JsonNode value = statement.get(name);
                if (name.equals("timestamp") && value.isTextual()) {
                    string(XapiTimestamps.format(XapiTimestamps.parse(value.asText())));
                } else if (name.equals("id") && !value.isNull()) {
                    string(value.asText().toLowerCase(Locale.ROOT));
                } else {
                    value(value);
                }
            }
            put((byte) '}');
        }

        void value(JsonNode node) {
            switch (node.getNodeType()) {
                case OBJECT -> {
                    put((byte) '{');
                    String[] names = sortedNames(node);
                    for (int i = 0; i < names.length; i++) {
                        if (i > 0) put((byte) ',');
                        string(names[i]);
                        put((byte) ':');
                        value(node.get(names[i]));
                    }
                    put((byte) '}');
                }
                case ARRAY -> {
                    put((byte) '[');
                    for (int i = 0; i < node.size(); i++) {
                        if (i > 0) put((byte) ',');
                        value(node.get(i));
                    }
                    put((byte) ']');
                }
                case STRING -> string(node.textValue());
                case NULL -> ascii("null");
                // numbers and booleans are written as their text, which is what Jackson's generator writes for them
                case NUMBER, BOOLEAN -> ascii(node.asText());
                default -> throw new IllegalArgumentException("a statement holds no " + node.getNodeType() + " values");
            }
        }

        private static String[] sortedNames(JsonNode object) {
            String[] names = new String[object.size()];
            int i = 0;
            for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) names[i++] = it.next();
            Arrays.sort(names);
            return names;
        }

        /**
         * A JSON string as Jackson's UTF-8 generator writes it: printable ASCII as it is; quotes, backslashes and control
         * characters escaped; each UTF-16 surrogate (of a pair or unpaired) as a {@code \\uXXXX} escape; any other
         * character in UTF-8.
         */
        @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): the chars are ASCII, checked first
        private void string(String s) {
            int length = s.length();
            for (int i = 0; i < length; i++) {
                char c = s.charAt(i);
                if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                    byte[] quoted = surrogatesEscaped(JsonStringEncoder.getInstance().quoteAsString(s)).getBytes(StandardCharsets.UTF_8);
                    ensure(quoted.length + 2);
                    bytes[size++] = '"';
                    System.arraycopy(quoted, 0, bytes, size, quoted.length);
                    size += quoted.length;
                    bytes[size++] = '"';
                    return;
                }
            }
            ensure(length + 2);
            bytes[size++] = '"';
            s.getBytes(0, length, bytes, size);
            size += length;
            bytes[size++] = '"';
        }

        private static String surrogatesEscaped(char[] quoted) {
            StringBuilder escaped = new StringBuilder(quoted.length + 12);
            for (char c : quoted) {
                if (Character.isSurrogate(c)) escaped.append("\\u").append(HexFormat.of().withUpperCase().toHexDigits(c));
                else escaped.append(c);
            }
            return escaped.toString();
        }

        @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): numbers and booleans are ASCII
        private void ascii(String s) {
            ensure(s.length());
            s.getBytes(0, s.length(), bytes, size);
            size += s.length();
        }

        private void put(byte b) {
            ensure(1);
            bytes[size++] = b;
        }

        private void ensure(int more) {
            if (size + more > bytes.length) bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}

package io.learnstream.ingest.xapi;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;

/**
 * Writes a Jackson tree as compact JSON in UTF-8, as Jackson's UTF-8 generator writes it (same escapes, same number
 * forms), straight into a growing buffer: every statement taken in is written twice (the canonical form its hash is
 * taken of, and the stored statement), so this is on the hot path and avoids the generator's per-call set-up, the
 * copies of the tree and the sorting maps that {@code WRITE_PROPERTIES_SORTED} builds.
 */
public final class CompactJson {
    /** Objects with at most this many properties are sorted by insertion. */
    private static final int INSERTION_SORTED = 16;
    /** The buffer a writer starts with, and goes back to after one that grew too large (see {@link #reset(int)}). */
    private static final int INITIAL_BYTES = 4096;

    byte[] bytes = new byte[INITIAL_BYTES];
    int size;

    /** {@code node} as compact JSON text, its properties in their order. */
    public static String write(JsonNode node) {
        CompactJson out = new CompactJson();
        out.value(node, false);
        return out.text();
    }

    /** What was written, as text. */
    String text() {
        return new String(bytes, 0, size, StandardCharsets.UTF_8);
    }

    /** Writes {@code node}; with {@code sorted}, every object's properties in the order of their names. */
    void value(JsonNode node, boolean sorted) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                put((byte) '{');
                boolean first = true;
                for (Map.Entry<String, JsonNode> property : sorted ? Arrays.asList(sortedProperties(node)) : node.properties()) {
                    if (!first) put((byte) ',');
                    first = false;
                    name(property.getKey());
                    value(property.getValue(), sorted);
                }
                put((byte) '}');
            }
            case ARRAY -> {
                put((byte) '[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) put((byte) ',');
                    value(node.get(i), sorted);
                }
                put((byte) ']');
            }
            case STRING -> string(node.textValue());
            case NULL -> ascii("null");
            // numbers and booleans are written as their text, which is what Jackson's generator writes for them
            case NUMBER, BOOLEAN -> ascii(node.asText());
            default -> throw new IllegalArgumentException("JSON holds no " + node.getNodeType() + " values");
        }
    }

    /**
     * An object's properties sorted by name, as a {@code TreeMap} of the names would have them. The objects of a
     * statement have a handful of properties, often already in order: those are sorted by insertion, larger ones
     * (an extension may hold any number) by {@link Arrays#sort}.
     */
    @SuppressWarnings("unchecked")
    static Map.Entry<String, JsonNode>[] sortedProperties(JsonNode object) {
        Map.Entry<String, JsonNode>[] properties = new Map.Entry[object.size()];
        if (properties.length > INSERTION_SORTED) {
            properties = object.properties().toArray(properties);
            Arrays.sort(properties, Map.Entry.comparingByKey());
            return properties;
        }
        int count = 0;
        for (Map.Entry<String, JsonNode> property : object.properties()) {
            String name = property.getKey();
            int at = count++;
            while (at > 0 && properties[at - 1].getKey().compareTo(name) > 0) {
                properties[at] = properties[at - 1];
                at--;
            }
            properties[at] = property;
        }
        return properties;
    }

    /** Empties the buffer to write anew; one that grew past {@code keepBytes} is let go. */
    void reset(int keepBytes) {
        size = 0;
        if (bytes.length > keepBytes) bytes = new byte[INITIAL_BYTES];
    }

    /** A property's name and the colon after it. */
    void name(String name) {
        string(name);
        put((byte) ':');
    }

    /**
     * A JSON string as Jackson's UTF-8 generator writes it: printable ASCII as it is; quotes, backslashes and control
     * characters escaped; each UTF-16 surrogate (of a pair or unpaired) as a {@code \\uXXXX} escape; any other
     * character in UTF-8.
     */
    @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): the chars are ASCII, checked first
    void string(String s) {
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

    private void ascii(String s) {
        ascii(s, s.length());
    }

    /** The first {@code length} chars of {@code s}, which are ASCII (numbers, booleans, a statement's text as received). */
    @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): copies the low byte of each char
    void ascii(String s, int length) {
        ensure(length);
        s.getBytes(0, length, bytes, size);
        size += length;
    }

    void put(byte b) {
        ensure(1);
        bytes[size++] = b;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
}

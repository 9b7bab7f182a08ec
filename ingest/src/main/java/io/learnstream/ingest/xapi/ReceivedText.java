package io.learnstream.ingest.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A statement's JSON text as the tool sent it (a span of the request body holding one object), kept when it is pure
 * ASCII, as nearly every statement is. When all the LRS sets on the statement comes after its own properties, the
 * statement is stored as this text with those properties appended, instead of being written out of its tree a second
 * time (its canonical form for the content hash is the first). The tree and the text say the same: the tool's text
 * is valid JSON (the parser read it), and ASCII reads back the same in any decoder.
 *
 * @param text       the object's text, from its opening to its closing brace
 * @param properties how many properties the object has as sent
 */
public record ReceivedText(String text, int properties) {
    /**
     * The longest text kept, in bytes. A tool's text can be several times longer than the statement written compactly
     * (indentation, {@code \\uXXXX} escapes), and Kafka takes records of up to 1 MiB by default: a longer statement is
     * written out of its tree, compactly, as before. Real statements are a few kilobytes.
     */
    public static final int MAX_BYTES = 64 * 1024;

    public ReceivedText {
        if (text.isEmpty() || text.charAt(0) != '{' || text.charAt(text.length() - 1) != '}') {
            throw new IllegalArgumentException("not the text of a JSON object: " + text);
        }
    }

    /**
     * The text of {@code bytes} from {@code start} (an object's opening brace) to {@code end} (just after its closing
     * one), holding {@code properties} properties; {@code null} when it is not pure ASCII, not an object's span or longer than {@link #MAX_BYTES}.
     */
    public static ReceivedText of(byte[] bytes, int start, int end, int properties) {
        // the parser's offsets always span the object; were they ever off, the statement is written from its tree instead
        if (start < 0 || end > bytes.length || end - start < 2 || bytes[start] != '{' || bytes[end - 1] != '}') return null;
        if (end - start > MAX_BYTES) return null;
        String text = new String(bytes, start, end - start, StandardCharsets.UTF_8);
        // as many chars as bytes and none replaced: each byte was one ASCII char (a multi-byte character gives fewer)
        if (text.length() != end - start || text.indexOf('\uFFFD') >= 0) return null;
        return new ReceivedText(text, properties);
    }

    /**
     * The statement as stored: this text with the properties of {@code stored} after its first {@link #properties()}
     * appended, in their order, written as {@link CompactJson} writes them.
     *
     * @param stored the statement's tree, whose first {@link #properties()} properties are the ones received, unchanged
     */
    public String withAddedProperties(ObjectNode stored) {
        if (stored.size() < properties) {
            throw new IllegalArgumentException("the statement has " + stored.size() + " properties, fewer than the " + properties + " received");
        }
        CompactJson out = new CompactJson();
        out.ascii(text, text.length() - 1); // all but the closing brace
        int index = 0;
        for (Map.Entry<String, JsonNode> property : stored.properties()) {
            if (index++ < properties) continue;
            if (index > 1) out.put((byte) ','); // after a received property or an added one
            out.name(property.getKey());
            out.value(property.getValue(), false);
        }
        out.put((byte) '}');
        return out.text();
    }
}

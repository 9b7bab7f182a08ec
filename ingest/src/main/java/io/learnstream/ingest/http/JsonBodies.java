package io.learnstream.ingest.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NumericNode;
import io.javalin.http.Context;
import io.learnstream.ingest.xapi.ReceivedText;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads request bodies as JSON within the LRS's limits: the content type, the nesting depth and the number of
 * statements per request. Each limit broken is a clear 4xx naming it. The statements part of a multipart/mixed
 * request is read with {@link #parse(byte[])}, under the same limits.
 */
public final class JsonBodies {
    /** How Jackson names a property read twice into one object ({@code FAIL_ON_READING_DUP_TREE_KEY}). */
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*)' for `ObjectNode`", Pattern.DOTALL);

    private final ObjectMapper mapper;
    private final int maxDepth;
    private final int maxItems;

    public JsonBodies(int maxDepth, int maxItems) {
        this.maxDepth = maxDepth;
        this.maxItems = maxItems;
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(maxDepth).build())
                .build();
        this.mapper = new ObjectMapper(factory);
        mapper.setNodeFactory(new FiniteNumbers());
        // a name twice in one object is refused as the tree is built, where each property's put already tells it
        // (the parser's own STRICT_DUPLICATE_DETECTION keeps a second set of the names of every object)
        mapper.enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    }

    /**
     * Refuses a number beyond what a double holds (such as {@code 1e400}): read as infinity, it would be stored as
     * {@code Infinity}, which no JSON reader takes back.
     */
    private static final class FiniteNumbers extends JsonNodeFactory {
        @Override
        public NumericNode numberNode(double v) {
            if (Double.isInfinite(v)) throw new NumberOutOfRange();
            return super.numberNode(v);
        }

        @Override
        public NumericNode numberNode(float v) {
            if (Float.isInfinite(v)) throw new NumberOutOfRange();
            return super.numberNode(v);
        }
    }

    /** Thrown by {@link FiniteNumbers} while a body is read, and answered with where the number is. */
    private static final class NumberOutOfRange extends RuntimeException {
        NumberOutOfRange() {
            super(null, null, false, false);
        }
    }

    /** The body of a JSON request: an object, or an array of at most {@code maxItems} elements. */
    JsonNode read(Context ctx) {
        requireJson(ctx);
        return parse(ctx.bodyAsBytes());
    }

    /** A statements request's JSON, and each statement's text as sent where it is kept (see {@link ReceivedText}). */
    public record Statements(JsonNode json, List<ReceivedText> received) {}

    /** The body of a JSON statements request, as {@link #parseStatements(byte[])} reads it. */
    Statements readStatements(Context ctx) {
        requireJson(ctx);
        return parseStatements(ctx.bodyAsBytes());
    }

    /**
     * {@code bytes} as {@link #parse(byte[])} reads them, with each statement object's text as sent (by its index in
     * the array, or at 0 for a single statement; {@code null} for what is not an object or not pure ASCII).
     */
    public Statements parseStatements(byte[] bytes) {
        List<ReceivedText> received = new ArrayList<>();
        JsonNode json = parse(bytes, parser -> {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_ARRAY) return element(parser, bytes, received);
            ArrayNode array = mapper.getNodeFactory().arrayNode();
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (token == null) throw new JsonParseException(parser, "Unexpected end-of-input: expected close marker for Array");
                array.add(element(parser, bytes, received));
            }
            return array;
        });
        return new Statements(json, received);
    }

    /** The value at the parser's current token (null at the end of the input), noting its text when it is an object. */
    private JsonNode element(JsonParser parser, byte[] bytes, List<ReceivedText> received) throws IOException {
        if (parser.currentToken() == null) return null;
        boolean object = parser.currentToken() == JsonToken.START_OBJECT;
        long start = parser.currentTokenLocation().getByteOffset();
        JsonNode value = mapper.readTree(parser);
        long end = parser.currentLocation().getByteOffset();
        received.add(object ? ReceivedText.of(bytes, (int) start, (int) end, value.size()) : null);
        return value;
    }

    /** {@code bytes} as JSON: an object, or an array of at most {@code maxItems} elements. */
    public JsonNode parse(byte[] bytes) {
        return parse(bytes, parser -> mapper.readTree(parser));
    }

    /** How a body's JSON is read from a parser over it; {@code null} when it holds none. */
    private interface TreeReader {
        JsonNode read(JsonParser parser) throws IOException;
    }

    private JsonNode parse(byte[] bytes, TreeReader reader) {
        if (bytes.length == 0) {
            throw new ApiException(400, "empty_body", "the request body is empty; send a statement or an array of statements");
        }
        JsonNode body;
        try (JsonParser parser = mapper.createParser(bytes)) {
            try {
                body = reader.read(parser);
            } catch (NumberOutOfRange e) {
                throw new ApiException(400, "number_out_of_range", "the number ending at line " + parser.currentLocation().getLineNr()
                        + ", column " + parser.currentLocation().getColumnNr() + " is beyond what a JSON number can hold here (about ±1.8e308)");
            }
        } catch (StreamConstraintsException e) {
            throw new ApiException(400, "too_deep", "the JSON is nested deeper than " + maxDepth + " levels");
        } catch (JsonProcessingException e) {
            Matcher duplicate = DUPLICATE.matcher(e.getOriginalMessage());
            String what = duplicate.lookingAt() ? "duplicate property '" + duplicate.group(1) + "' in one object" : e.getOriginalMessage();
            throw new ApiException(400, "malformed_json", "the request body is not valid JSON: " + what
                    + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
        } catch (IOException e) {
            throw new ApiException(400, "unreadable_body", "the request body could not be read: " + e.getMessage());
        }
        if (body == null || body.isMissingNode()) {
            throw new ApiException(400, "empty_body", "the request body is empty; send a statement or an array of statements");
        }
        if (body.isArray() && body.size() > maxItems) {
            throw new ApiException(413, "too_many_statements", "the request holds " + body.size()
                    + " items; at most " + maxItems + " are accepted per request, send them in several requests");
        }
        return body;
    }

    static void requireJson(Context ctx) {
        String contentType = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (contentType.startsWith("multipart/")) {
            // a multipart request the LRS cannot read as statements with attachments is a bad request (Communication 1.5.2)
            throw new ApiException(400, "invalid_multipart", "statements with attachment data are sent as multipart/mixed,"
                    + " the statements first as application/json, then each attachment's data; got '" + ctx.contentType() + "'");
        }
        if (!contentType.startsWith("application/json")) {
            throw new ApiException(415, "unsupported_media_type",
                    "send JSON with Content-Type: application/json (statements with attachment data: multipart/mixed), got '"
                            + (ctx.contentType() == null ? "" : ctx.contentType()) + "'");
        }
    }
}

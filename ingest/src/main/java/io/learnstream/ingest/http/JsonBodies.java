package io.learnstream.ingest.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Locale;

/**
 * Reads request bodies as JSON within the LRS's limits: the content type, the nesting depth and the number of
 * statements per request. Each limit broken is a clear 4xx naming it. The statements part of a multipart/mixed
 * request is read with {@link #parse(byte[])}, under the same limits.
 */
public final class JsonBodies {
    private final ObjectMapper mapper;
    private final int maxDepth;
    private final int maxItems;

    public JsonBodies(int maxDepth, int maxItems) {
        this.maxDepth = maxDepth;
        this.maxItems = maxItems;
        JsonFactory factory = JsonFactory.builder()
                .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(maxDepth).build())
                .build();
        this.mapper = new ObjectMapper(factory);
    }

    /** The body of a JSON request: an object, or an array of at most {@code maxItems} elements. */
    JsonNode read(Context ctx) {
        requireJson(ctx);
        return parse(ctx.bodyAsBytes());
    }

    /** {@code bytes} as JSON: an object, or an array of at most {@code maxItems} elements. */
    public JsonNode parse(byte[] bytes) {
        if (bytes.length == 0) {
            throw new ApiException(400, "empty_body", "the request body is empty; send a statement or an array of statements");
        }
        JsonNode body;
        try {
            body = mapper.readTree(bytes);
        } catch (StreamConstraintsException e) {
            throw new ApiException(400, "too_deep", "the JSON is nested deeper than " + maxDepth + " levels");
        } catch (JsonProcessingException e) {
            throw new ApiException(400, "malformed_json", "the request body is not valid JSON: " + e.getOriginalMessage()
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

package io.learnstream.sinks.clickhouse;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.learnstream.sinks.spi.QueryResult;

/**
 * Parses ClickHouse's {@code JSONCompactEachRowWithNamesAndTypes} output (a JSON array of names, one of types,
 * then one array per row) into a {@link QueryResult}.
 *
 * <p>Scalars keep ClickHouse's own text (numbers exactly as printed, 64-bit integers unquoted); nested arrays,
 * maps and tuples are kept as compact JSON; JSON null becomes {@code null}.
 */
public final class JsonCompactResult {

    /** The output format to ask ClickHouse for. */
    public static final String FORMAT = "JSONCompactEachRowWithNamesAndTypes";

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private JsonCompactResult() {
    }

    public static QueryResult parse(byte[] output) {
        if (output.length == 0) {
            return QueryResult.empty();
        }
        try (JsonParser parser = JSON.createParser(output)) {
            List<String> names = nextRow(parser);
            List<String> types = nextRow(parser);
            if (names == null || types == null) {
                throw new IllegalStateException("the output lacks the names and types lines of " + FORMAT);
            }
            List<List<String>> rows = new ArrayList<>();
            for (List<String> row = nextRow(parser); row != null; row = nextRow(parser)) {
                rows.add(row);
            }
            return new QueryResult(names, types, rows);
        } catch (IOException | RuntimeException e) {
            String head = new String(output, 0, Math.min(output.length, 200), java.nio.charset.StandardCharsets.UTF_8);
            throw new IllegalStateException("could not parse ClickHouse " + FORMAT + " output starting with '"
                    + head + "': " + e.getMessage(), e);
        }
    }

    /** The next top-level array as strings, or {@code null} at the end of the output. */
    private static List<String> nextRow(JsonParser parser) throws IOException {
        JsonToken start = parser.nextToken();
        if (start == null) {
            return null;
        }
        if (start != JsonToken.START_ARRAY) {
            throw new IllegalStateException("expected a JSON array per line, found " + start);
        }
        List<String> values = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            values.add(switch (token) {
                case VALUE_NULL -> null;
                case START_ARRAY, START_OBJECT -> nestedAsJson(parser);
                default -> parser.getText();
            });
        }
        return values;
    }

    private static String nestedAsJson(JsonParser parser) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = JSON.createGenerator(out)) {
            generator.copyCurrentStructure(parser);
        }
        return out.toString();
    }
}

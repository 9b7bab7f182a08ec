package io.learnstream.ingest.xapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.learnstream.schemas.testing.SharedDatasets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ContentHashTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    private static final String STATEMENT = """
            {"id":"6690E6C9-3EF0-4ED3-8B37-7F3964730BEE","actor":{"mbox":"mailto:ada@example.org","name":"Ada"},
             "verb":{"id":"http://adlnet.gov/expapi/verbs/answered","display":{"en-US":"answered"}},
             "object":{"id":"http://example.org/quiz/1"},"result":{"score":{"scaled":0.75,"raw":3,"max":4},"success":true},
             "timestamp":"2026-09-01T10:15:00+02:00"}""";

    @Nested
    class WhatCountsAsTheSameStatement {
        @Test
        void shouldHashAlikeStatementsThatDifferOnlyInPropertyOrder() throws Exception {
            String reordered = """
                    {"timestamp":"2026-09-01T10:15:00+02:00","object":{"id":"http://example.org/quiz/1"},
                     "result":{"success":true,"score":{"max":4,"raw":3,"scaled":0.75}},
                     "verb":{"display":{"en-US":"answered"},"id":"http://adlnet.gov/expapi/verbs/answered"},
                     "actor":{"name":"Ada","mbox":"mailto:ada@example.org"},"id":"6690E6C9-3EF0-4ED3-8B37-7F3964730BEE"}""";
            assertThat(ContentHash.of(json(reordered))).isEqualTo(ContentHash.of(json(STATEMENT)));
        }

        @Test
        void shouldHashAlikeOneInstantWrittenInAnotherZoneAndTheIdInAnotherCase() throws Exception {
            ObjectNode other = (ObjectNode) json(STATEMENT);
            other.put("timestamp", "2026-09-01T08:15:00.000Z");
            other.put("id", "6690e6c9-3ef0-4ed3-8b37-7f3964730bee");
            assertThat(ContentHash.of(other)).isEqualTo(ContentHash.of(json(STATEMENT)));
        }

        @Test
        void shouldLeaveOutWhatTheLrsSets() throws Exception {
            ObjectNode stored = (ObjectNode) json(STATEMENT);
            stored.put("stored", "2026-09-01T08:16:00Z");
            stored.put("version", "1.0.3");
            stored.putObject("authority").put("mbox", "mailto:lrs@example.org");
            assertThat(ContentHash.of(stored)).isEqualTo(ContentHash.of(json(STATEMENT)));
        }

        @ParameterizedTest
        @ValueSource(strings = {"/result/score/scaled", "/actor/name", "/verb/display/en-US", "/timestamp"})
        void shouldHashApartStatementsThatDifferInContent(String pointer) throws Exception {
            ObjectNode other = (ObjectNode) json(STATEMENT);
            JsonNode parent = other.at(pointer.substring(0, pointer.lastIndexOf('/')));
            String field = pointer.substring(pointer.lastIndexOf('/') + 1);
            ObjectNode container = parent.isMissingNode() ? other : (ObjectNode) parent;
            if (container.get(field).isNumber()) container.put(field, 0.5);
            else if (field.equals("timestamp")) container.put(field, "2026-09-01T10:15:01+02:00");
            else container.put(field, container.get(field).asText() + "!");
            assertThat(ContentHash.of(other)).isNotEqualTo(ContentHash.of(json(STATEMENT)));
        }

        @Test
        void shouldHashAnUnpairedSurrogateByItsEscape() throws Exception {
            JsonNode lone = json("{\"object\":{\"id\":\"http://example.org/a\"},\"context\":{\"extensions\":{\"http://example.org/x\":\"a\\ud800b\"}}}");
            JsonNode otherLone = json("{\"object\":{\"id\":\"http://example.org/a\"},\"context\":{\"extensions\":{\"http://example.org/x\":\"a\\udc00b\"}}}");
            assertThat(ContentHash.of(lone)).isEqualTo(ContentHash.of(lone.deepCopy())).isNotEqualTo(ContentHash.of(otherLone));
        }
    }

    /**
     * The hashes already stored (in the archive and on the statements topic) were made by writing the canonical tree with
     * Jackson; the direct writer must give the very same bytes, or a retry of an old statement would get 409.
     */
    @Nested
    class SameHashesAsTheJacksonCanonicalForm {
        private static final ObjectMapper CANONICAL = new ObjectMapper().configure(JsonNodeFeature.WRITE_PROPERTIES_SORTED, true);

        /** What {@link ContentHash} computed before it wrote the canonical form itself. */
        private static String jacksonHash(JsonNode statement) throws Exception {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            copy.setAll((ObjectNode) statement);
            copy.remove("stored");
            copy.remove("authority");
            copy.remove("version");
            if (copy.hasNonNull("timestamp") && copy.get("timestamp").isTextual()) {
                copy.put("timestamp", XapiTimestamps.format(XapiTimestamps.parse(copy.get("timestamp").asText())));
            }
            if (copy.hasNonNull("id")) copy.put("id", copy.get("id").asText().toLowerCase(Locale.ROOT));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(CANONICAL.writeValueAsBytes(copy)));
        }

        @Test
        void shouldHashEveryRalphVideoStatementAsBefore() throws Exception {
            List<String> lines = SharedDatasets.gzipLines("xapi/ralph-video-statements.json.gz");
            for (String line : lines) {
                JsonNode statement = JSON.readTree(line);
                assertThat(ContentHash.of(statement)).as(line).isEqualTo(jacksonHash(statement));
            }
            assertThat(lines).hasSize(22_000);
        }

        @ParameterizedTest
        @MethodSource("io.learnstream.ingest.xapi.JsonEdgeCases#documents")
        @ValueSource(strings = {
                // the top-level properties the hash treats apart, present, absent and null
                "{\"id\":null,\"timestamp\":null,\"stored\":null}",
                "{\"id\":\"ABCDEF00-0000-4000-8000-000000000000\",\"timestamp\":\"2026-01-01T00:00:00.123456+05:30\",\"version\":\"1.0.0\"}"})
        void shouldWriteTheSameBytesAsJacksonFor(String statement) throws Exception {
            assertThat(ContentHash.of(json(statement))).isEqualTo(jacksonHash(json(statement)));
        }

        @ParameterizedTest
        @ValueSource(ints = {15, 16, 17, 50_000})
        void shouldHashAnObjectOfManyPropertiesInReverseOrderAsBefore(int properties) throws Exception {
            ObjectNode statement = (ObjectNode) json(STATEMENT);
            ObjectNode extensions = statement.putObject("result").putObject("extensions");
            for (int i = properties; i > 0; i--) extensions.put("http://example.org/x/" + i, i);

            assertThat(ContentHash.of(statement)).isEqualTo(jacksonHash(statement));
        }

        @Test
        void shouldHashASubStatementWithAGroupAsBefore() throws Exception {
            List<JsonNode> statements = List.of(json(STATEMENT), json("{\"object\":{\"objectType\":\"SubStatement\","
                    + "\"actor\":{\"objectType\":\"Group\",\"member\":[{\"mbox\":\"mailto:b@example.org\"},{\"mbox\":\"mailto:a@example.org\"}]},"
                    + "\"verb\":{\"id\":\"http://example.org/v\"},\"object\":{\"objectType\":\"StatementRef\",\"id\":\"6690e6c9-3ef0-4ed3-8b37-7f3964730bee\"}}}"));
            for (JsonNode statement : statements) {
                assertThat(ContentHash.of(statement)).isEqualTo(jacksonHash(statement));
            }
        }
    }
}

package io.learnstream.ingest.xapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.learnstream.schemas.testing.SharedDatasets;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The stored statements are written by {@link CompactJson}: the same JSON, byte for byte, as Jackson writes. */
class CompactJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldWriteEveryRalphVideoStatementAsJacksonDoes() throws Exception {
        List<String> lines = SharedDatasets.gzipLines("xapi/ralph-video-statements.json.gz");
        for (String line : lines) {
            JsonNode statement = JSON.readTree(line);
            String written = CompactJson.write(statement);
            assertThat(written).isEqualTo(new String(JSON.writeValueAsBytes(statement), StandardCharsets.UTF_8));
            assertThat(JSON.readTree(written)).isEqualTo(statement);
        }
        assertThat(lines).hasSize(22_000);
    }

    @ParameterizedTest
    @MethodSource("io.learnstream.ingest.xapi.JsonEdgeCases#documents")
    @ValueSource(strings = {"[{\"id\":\"x\"},{\"id\":\"y\"}]", "\"a string\"", "12.5"})
    void shouldWriteTheSameBytesAsJackson(String json) throws Exception {
        JsonNode tree = JSON.readTree(json);
        assertThat(CompactJson.write(tree)).isEqualTo(new String(JSON.writeValueAsBytes(tree), StandardCharsets.UTF_8));
        assertThat(JSON.readTree(CompactJson.write(tree))).as("reads back as the same tree").isEqualTo(tree);
    }
}

package io.learnstream.ingest.xapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.learnstream.schemas.testing.SharedDatasets;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The stored statements are written by {@link CompactJson}: the same JSON, byte for byte, as Jackson writes. */
class CompactJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldWriteEveryRalphVideoStatementAsJacksonDoes() throws Exception {
        int compared = 0;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                Files.newInputStream(SharedDatasets.path("xapi/ralph-video-statements.json.gz"))), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                JsonNode statement = JSON.readTree(line);
                String written = CompactJson.write(statement);
                assertThat(written).isEqualTo(new String(JSON.writeValueAsBytes(statement), StandardCharsets.UTF_8));
                assertThat(JSON.readTree(written)).isEqualTo(statement);
                compared++;
            }
        }
        assertThat(compared).isEqualTo(22_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"actor\":{\"name\":\"say \\\"hi\\\" \\\\ o/ \\b\\f\\n\\r\\t \\u0000\\u0001\\u001f \\u007f\"}}",
            "{\"verb\":{\"display\":{\"fr-FR\":\"a répondu\",\"ja-JP\":\"回答した\",\"und\":\"\\ud83d\\ude00 ok\",\"x\":\"a\\ud800b\"}}}",
            "{\"result\":{\"score\":{\"raw\":3,\"min\":-2147483649,\"max\":123456789012345678901234567890,\"scaled\":-0.0}}}",
            "{\"x\":[1.0E-7,0.1,12345.678e3,1e300,-1.5E-300,0],\"b\":true,\"n\":null,\"e\":{},\"a\":[],\"z\":[[{}]]}",
            "{\"b\":1,\"B\":2,\"é\":3,\"\":4}",
            "[{\"id\":\"x\"},{\"id\":\"y\"}]"})
    void shouldWriteTheSameBytesAsJackson(String json) throws Exception {
        JsonNode tree = JSON.readTree(json);
        assertThat(CompactJson.write(tree)).isEqualTo(new String(JSON.writeValueAsBytes(tree), StandardCharsets.UTF_8));
        assertThat(JSON.readTree(CompactJson.write(tree))).as("reads back as the same tree").isEqualTo(tree);
    }
}

package io.learnstream.ingest.xapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.learnstream.schemas.testing.SharedDatasets;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The validator as other code uses it: per request version, 1.0.3 by default, on real statements. */
class StatementValidatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<JsonNode> RALPH = new ArrayList<>();
    private final StatementValidator validator = new StatementValidator();

    @BeforeAll
    static void readRalphStatements() throws Exception {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                Files.newInputStream(SharedDatasets.path("xapi/ralph-video-statements.json.gz"))), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) RALPH.add(JSON.readTree(line));
        }
    }

    @ParameterizedTest(name = "every Ralph video statement is valid xAPI {0}")
    @EnumSource(XapiVersion.class)
    void everyRalphVideoStatementIsValid(XapiVersion version) {
        assertThat(RALPH).hasSize(22_000);
        for (int i = 0; i < RALPH.size(); i++) {
            JsonNode statement = RALPH.get(i);
            assertThatCode(() -> validator.validate(statement, version)).as("Ralph statement %d: %s", i, statement).doesNotThrowAnyException();
        }
    }

    @Test
    void validateWithoutVersionAppliesXapi103() throws Exception {
        JsonNode withContextAgents = JSON.readTree("""
                {"actor": {"mbox": "mailto:ann@example.org"}, "verb": {"id": "http://adlnet.gov/expapi/verbs/attended"},
                 "object": {"id": "https://example.org/game/7"},
                 "context": {"contextAgents": [{"objectType": "contextAgent", "agent": {"mbox": "mailto:coach@example.org"}}]}}""");

        assertThatCode(() -> validator.validate(withContextAgents, XapiVersion.V2_0_0)).doesNotThrowAnyException();
        StatementRejectedException rejection = catchThrowableOfType(StatementRejectedException.class, () -> validator.validate(withContextAgents));
        assertThat(rejection.path()).isEqualTo("context.contextAgents");
        assertThat(rejection.rule()).contains("xAPI 2.0 property");
    }

    @Test
    void aStatementThatIsNotAnObjectIsRejectedAsAWhole() throws Exception {
        StatementRejectedException rejection = catchThrowableOfType(StatementRejectedException.class,
                () -> validator.validate(JSON.readTree("[1, 2]"), XapiVersion.V1_0_3));

        assertThat(rejection.path()).isEmpty();
        assertThat(rejection.rule()).isEqualTo("must be a statement (a JSON object)");
        assertThat(rejection.under("statements[3]").path()).isEqualTo("statements[3]");
    }

    @Test
    void aRejectionNamesTheDeepPathOfTheOffendingProperty() throws Exception {
        JsonNode statement = JSON.readTree("""
                {"actor": {"mbox": "mailto:ann@example.org"}, "verb": {"id": "http://adlnet.gov/expapi/verbs/attempted"},
                 "object": {"id": "https://example.org/q/1"},
                 "context": {"contextActivities": {"parent": [{"id": "https://example.org/quiz"}, {"id": "not an iri"}]}}}""");

        StatementRejectedException rejection = catchThrowableOfType(StatementRejectedException.class, () -> validator.validate(statement));

        assertThat(rejection.path()).isEqualTo("context.contextActivities.parent[1].id");
        assertThat(rejection.rule()).startsWith("must be an absolute IRI");
        assertThat(rejection).hasMessage("context.contextActivities.parent[1].id: " + rejection.rule());
    }
}

package io.learnstream.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.learnstream.ingest.xapi.Statement;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StatementKeysTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldKeyEveryStatementOfOneLearnerAlikeSoTheyShareAPartition() throws Exception {
        String first = StatementKeys.of("riverside", statement("{\"mbox\":\"mailto:ann@example.org\"}"));
        String second = StatementKeys.of("riverside", statement("{\"objectType\":\"Agent\",\"mbox\":\"mailto:Ann@Example.org\",\"name\":\"Ann\"}"));

        assertThat(second).isEqualTo(first).startsWith("riverside/actor-");
    }

    @Test
    void shouldKeyOtherLearnersAndOtherDistrictsApart() throws Exception {
        String ann = StatementKeys.of("riverside", statement("{\"mbox\":\"mailto:ann@example.org\"}"));

        assertThat(StatementKeys.of("riverside", statement("{\"account\":{\"homePage\":\"https://lms.example.org\",\"name\":\"42\"}}")))
                .isNotEqualTo(ann);
        assertThat(StatementKeys.of("hillcrest", statement("{\"mbox\":\"mailto:ann@example.org\"}"))).isNotEqualTo(ann);
    }

    @Test
    void shouldNotShowTheLearnersIdentifierInTheKey() throws Exception {
        assertThat(StatementKeys.of("riverside", statement("{\"mbox\":\"mailto:ann@example.org\"}"))).doesNotContain("ann").doesNotContain("example");
    }

    @Test
    void shouldKeyAStatementOfAnAnonymousGroupByItsId() throws Exception {
        Statement anonymous = statement("{\"objectType\":\"Group\",\"member\":[{\"mbox\":\"mailto:ann@example.org\"}]}");

        assertThat(StatementKeys.of("riverside", anonymous)).isEqualTo("riverside/" + anonymous.id());
    }

    private static Statement statement(String actor) throws Exception {
        ObjectNode json = (ObjectNode) JSON.readTree("{\"actor\":" + actor + ",\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/answered\"}}");
        return new Statement(UUID.randomUUID(), json, Instant.EPOCH, Instant.EPOCH, "hash");
    }
}

package io.learnstream.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnstream.registry.RegistryHttp.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Registry-wide and per-subject compatibility levels through {@code /config}. */
class ConfigApiTest {
    private final RunningRegistry registry = new RunningRegistry();
    private final RegistryHttp http = registry.http;

    @AfterEach
    void stop() {
        registry.close();
    }

    @Test
    void shouldDefaultTheGlobalLevelToBackward() {
        Answer answer = http.get("/config");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");
    }

    @Test
    void shouldSetTheGlobalLevelAndAnswerItInPutShape() {
        Answer put = http.put("/config", "{\"compatibility\": \"FULL_TRANSITIVE\"}");

        assertThat(put.status()).isEqualTo(200);
        assertThat(put.body()).isEqualTo("{\"compatibility\":\"FULL_TRANSITIVE\"}");
        assertThat(http.get("/config").body()).isEqualTo("{\"compatibilityLevel\":\"FULL_TRANSITIVE\"}");
    }

    @Test
    void shouldAcceptEveryConfluentLevelInAnyCase() {
        for (String level : new String[] {"none", "backward", "backward_transitive", "forward", "forward_transitive", "full", "full_transitive"}) {
            assertThat(http.put("/config", "{\"compatibility\": \"" + level + "\"}").json().get("compatibility").asText())
                    .isEqualTo(level.toUpperCase());
        }
    }

    @Test
    void shouldRejectAnUnknownLevelWith42203() {
        Answer answer = http.put("/config/people-value", "{\"compatibility\": \"SIDEWAYS\"}");

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.errorCode()).isEqualTo(42203);
        assertThat(answer.message()).contains("'SIDEWAYS'", "backward_transitive");
        assertThat(http.put("/config", "{}").errorCode()).isEqualTo(42203);
    }

    @Test
    void shouldAnswer40408ForASubjectWithoutItsOwnLevelUnlessAskedToFallBack() {
        http.put("/config", "{\"compatibility\": \"FORWARD\"}");

        Answer own = http.get("/config/people-value");
        Answer fallback = http.get("/config/people-value?defaultToGlobal=true");

        assertThat(own.status()).isEqualTo(404);
        assertThat(own.errorCode()).isEqualTo(40408);
        assertThat(own.message()).contains("'people-value' does not have subject-level compatibility configured");
        assertThat(fallback.body()).isEqualTo("{\"compatibilityLevel\":\"FORWARD\"}");
    }

    @Test
    void shouldSetReadAndRemoveASubjectsLevel() {
        Answer put = http.put("/config/people-value", "{\"compatibility\": \"NONE\"}");
        Answer got = http.get("/config/people-value");
        Answer removed = http.delete("/config/people-value");

        assertThat(put.body()).isEqualTo("{\"compatibility\":\"NONE\"}");
        assertThat(got.body()).isEqualTo("{\"compatibilityLevel\":\"NONE\"}");
        assertThat(removed.body()).isEqualTo("{\"compatibilityLevel\":\"NONE\"}");
        assertThat(http.get("/config/people-value").errorCode()).isEqualTo(40408);
        assertThat(http.get("/config").body()).isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");
    }
}

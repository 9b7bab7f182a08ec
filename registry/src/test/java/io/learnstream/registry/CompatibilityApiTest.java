package io.learnstream.registry;

import static io.learnstream.registry.RegistryHttp.schemaBody;
import static org.assertj.core.api.Assertions.assertThat;

import io.learnstream.registry.RegistryHttp.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Compatibility levels at registration and through {@code /compatibility}. */
class CompatibilityApiTest {
    private final RunningRegistry registry = new RunningRegistry();
    private final RegistryHttp http = registry.http;

    @AfterEach
    void stop() {
        registry.close();
    }

    @Test
    void shouldRejectIncompatibleSchemaUnderBackward() {
        http.post("/subjects/people-value/versions", schemaBody(TestSchemas.PERSON));

        Answer answer = http.post("/subjects/people-value/versions", schemaBody(TestSchemas.PERSON_WITH_REQUIRED_EMAIL));

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.errorCode()).isEqualTo(409);
        assertThat(answer.message()).contains("incompatible with an earlier schema for subject \"people-value\"",
                "BACKWARD", "READER_FIELD_MISSING_DEFAULT_VALUE", "email");
        assertThat(http.get("/subjects/people-value/versions").body()).isEqualTo("[1]");
    }

    @Test
    void shouldAcceptAnAddedOptionalFieldUnderBackward() {
        http.post("/subjects/people-value/versions", schemaBody(TestSchemas.PERSON));

        Answer answer = http.post("/subjects/people-value/versions", schemaBody(TestSchemas.PERSON_WITH_OPTIONAL_NICK));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("id").asInt()).isEqualTo(2);
    }

    @Test
    void shouldRejectARemovedFieldWithoutDefaultUnderForward() {
        http.put("/config/people-value", "{\"compatibility\": \"FORWARD\"}");
        http.post("/subjects/people-value/versions", schemaBody(TestSchemas.PERSON));

        Answer removed = http.post("/subjects/people-value/versions", schemaBody(TestSchemas.PERSON_WITHOUT_NAME));
        Answer requiredAdded = http.post("/subjects/people-value/versions", schemaBody(TestSchemas.PERSON_WITH_REQUIRED_EMAIL));

        assertThat(removed.status()).isEqualTo(409);
        assertThat(removed.message()).contains("FORWARD", "name");
        assertThat(requiredAdded.status()).as("old readers ignore a field they do not know").isEqualTo(200);
    }

    @Test
    void shouldAcceptARemovedFieldUnderBackwardButNotUnderFull() {
        http.post("/subjects/a-value/versions", schemaBody(TestSchemas.PERSON));
        http.post("/subjects/b-value/versions", schemaBody(TestSchemas.PERSON));
        http.put("/config/b-value", "{\"compatibility\": \"FULL\"}");

        assertThat(http.post("/subjects/a-value/versions", schemaBody(TestSchemas.PERSON_WITHOUT_NAME)).status()).isEqualTo(200);
        assertThat(http.post("/subjects/b-value/versions", schemaBody(TestSchemas.PERSON_WITHOUT_NAME)).status()).isEqualTo(409);
        assertThat(http.post("/subjects/b-value/versions", schemaBody(TestSchemas.PERSON_WITH_OPTIONAL_NICK)).status()).isEqualTo(200);
    }

    @Test
    void shouldAcceptAnyChangeUnderNone() {
        http.put("/config", "{\"compatibility\": \"NONE\"}");
        http.post("/subjects/people-value/versions", schemaBody(TestSchemas.PERSON));

        Answer answer = http.post("/subjects/people-value/versions", schemaBody("\"string\""));

        assertThat(answer.status()).isEqualTo(200);
    }

    @Test
    void shouldCheckEveryEarlierVersionUnderBackwardTransitive() {
        http.put("/config/people-value", "{\"compatibility\": \"BACKWARD_TRANSITIVE\"}");
        http.post("/subjects/people-value/versions", schemaBody(TestSchemas.PERSON_WITHOUT_NAME));
        http.post("/subjects/people-value/versions", schemaBody(TestSchemas.PERSON.replace(
                "{\"name\": \"name\", \"type\": \"string\"}", "{\"name\": \"name\", \"type\": \"string\", \"default\": \"\"}")));

        // compatible with version 2 (which has name), not with version 1 (which has none, and name has no default here)
        Answer answer = http.post("/subjects/people-value/versions", schemaBody(TestSchemas.PERSON));

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.message()).contains("version 1").doesNotContain("version 2");
    }

    @Test
    void shouldTestCompatibilityAgainstTheLatestVersionWithoutRegistering() {
        http.post("/subjects/people-value/versions", schemaBody(TestSchemas.PERSON));

        Answer incompatible = http.post("/compatibility/subjects/people-value/versions/latest", schemaBody(TestSchemas.PERSON_WITH_REQUIRED_EMAIL));
        Answer compatible = http.post("/compatibility/subjects/people-value/versions/latest?verbose=true", schemaBody(TestSchemas.PERSON_WITH_OPTIONAL_NICK));

        assertThat(incompatible.status()).isEqualTo(200);
        assertThat(incompatible.json().get("is_compatible").asBoolean()).isFalse();
        assertThat(incompatible.json().get("messages")).isNotEmpty();
        assertThat(incompatible.json().get("messages").get(0).asText()).contains("email");
        assertThat(compatible.body()).isEqualTo("{\"is_compatible\":true,\"messages\":[]}");
        assertThat(http.get("/subjects/people-value/versions").body()).isEqualTo("[1]");
    }

    @Test
    void shouldTestCompatibilityAgainstOneNumberedVersion() {
        http.put("/config/people-value", "{\"compatibility\": \"NONE\"}");
        http.post("/subjects/people-value/versions", schemaBody(TestSchemas.PERSON_WITHOUT_NAME));
        http.post("/subjects/people-value/versions", schemaBody(TestSchemas.PERSON));
        http.put("/config/people-value", "{\"compatibility\": \"BACKWARD\"}");

        Answer against1 = http.post("/compatibility/subjects/people-value/versions/1", schemaBody(TestSchemas.PERSON));
        Answer against2 = http.post("/compatibility/subjects/people-value/versions/2", schemaBody(TestSchemas.PERSON));

        assertThat(against1.json().get("is_compatible").asBoolean()).isFalse();
        assertThat(against2.json().get("is_compatible").asBoolean()).isTrue();
    }

    @Test
    void shouldAnswerErrorCodesForCompatibilityChecksOnUnknownThings() {
        http.post("/subjects/people-value/versions", schemaBody(TestSchemas.PERSON));

        assertThat(http.post("/compatibility/subjects/ghost/versions/latest", schemaBody(TestSchemas.PERSON)).errorCode()).isEqualTo(40401);
        assertThat(http.post("/compatibility/subjects/people-value/versions/4", schemaBody(TestSchemas.PERSON)).errorCode()).isEqualTo(40402);
        assertThat(http.post("/compatibility/subjects/people-value/versions/x", schemaBody(TestSchemas.PERSON)).errorCode()).isEqualTo(42202);
        assertThat(http.post("/compatibility/subjects/people-value/versions/latest", schemaBody(TestSchemas.NOT_JSON)).errorCode()).isEqualTo(42201);
    }
}

package io.learnstream.registry;

import static io.learnstream.registry.RegistryHttp.schemaBody;
import static org.assertj.core.api.Assertions.assertThat;

import io.learnstream.registry.RegistryHttp.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Soft and permanent deletes of subjects and versions, as Confluent does them. */
class DeleteApiTest {
    private final RunningRegistry registry = new RunningRegistry();
    private final RegistryHttp http = registry.http;
    private int id1;

    @BeforeEach
    void givenASubjectWithTwoVersions() {
        id1 = http.post("/subjects/people-value/versions", schemaBody(TestSchemas.PERSON)).json().get("id").asInt();
        http.post("/subjects/people-value/versions", schemaBody(TestSchemas.PERSON_WITH_OPTIONAL_NICK));
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    @Test
    void shouldSoftDeleteASubjectHidingItButStillServingItsSchemasById() {
        Answer deleted = http.delete("/subjects/people-value");

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body()).isEqualTo("[1,2]");
        assertThat(http.get("/subjects").body()).isEqualTo("[]");
        assertThat(http.get("/subjects?deleted=true").body()).isEqualTo("[\"people-value\"]");
        assertThat(http.get("/subjects/people-value/versions").errorCode()).isEqualTo(40401);
        assertThat(http.get("/subjects/people-value/versions?deleted=true").body()).isEqualTo("[1,2]");
        assertThat(http.get("/schemas/ids/" + id1).status()).isEqualTo(200);
    }

    @Test
    void shouldRefuseASecondSoftDeleteOfASubjectWith40404() {
        http.delete("/subjects/people-value");

        Answer again = http.delete("/subjects/people-value");

        assertThat(again.status()).isEqualTo(404);
        assertThat(again.errorCode()).isEqualTo(40404);
        assertThat(again.message()).contains("'people-value' was soft deleted", "permanent=true");
    }

    @Test
    void shouldRefuseAPermanentDeleteBeforeTheSoftOneWith40405() {
        Answer answer = http.delete("/subjects/people-value?permanent=true");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.errorCode()).isEqualTo(40405);
        assertThat(answer.message()).contains("was not deleted first");
    }

    @Test
    void shouldPermanentlyDeleteASoftDeletedSubjectAndItsSchemas() {
        http.delete("/subjects/people-value");

        Answer answer = http.delete("/subjects/people-value?permanent=true");

        assertThat(answer.body()).isEqualTo("[1,2]");
        assertThat(http.get("/subjects?deleted=true").body()).isEqualTo("[]");
        assertThat(http.get("/schemas/ids/" + id1).errorCode()).isEqualTo(40403);
        assertThat(http.delete("/subjects/people-value").errorCode()).isEqualTo(40401);
    }

    @Test
    void shouldSoftDeleteOneVersionSoThatLatestIsTheOneBefore() {
        Answer deleted = http.delete("/subjects/people-value/versions/2");

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body()).isEqualTo("2");
        assertThat(http.get("/subjects/people-value/versions").body()).isEqualTo("[1]");
        assertThat(http.get("/subjects/people-value/versions/latest").json().get("version").asInt()).isEqualTo(1);
        assertThat(http.get("/subjects/people-value/versions/2").errorCode()).isEqualTo(40402);
        assertThat(http.get("/subjects/people-value/versions/2?deleted=true").json().get("version").asInt()).isEqualTo(2);
    }

    @Test
    void shouldNumberTheNextVersionAfterASoftDeletedOne() {
        http.delete("/subjects/people-value/versions/2");

        http.post("/subjects/people-value/versions", schemaBody(TestSchemas.PERSON_WITH_REQUIRED_EMAIL.replace("\"email\", \"type\": \"string\"",
                "\"email\", \"type\": \"string\", \"default\": \"\"")));

        assertThat(http.get("/subjects/people-value/versions").body()).isEqualTo("[1,3]");
    }

    @Test
    void shouldAnswer40406And40407ForVersionDeletesInTheWrongOrder() {
        Answer permanentFirst = http.delete("/subjects/people-value/versions/1?permanent=true");
        http.delete("/subjects/people-value/versions/1");
        Answer softTwice = http.delete("/subjects/people-value/versions/1");
        Answer permanent = http.delete("/subjects/people-value/versions/1?permanent=true");

        assertThat(permanentFirst.errorCode()).isEqualTo(40407);
        assertThat(permanentFirst.message()).contains("Version 1 was not deleted first");
        assertThat(softTwice.errorCode()).isEqualTo(40406);
        assertThat(softTwice.message()).contains("Version 1 was soft deleted");
        assertThat(permanent.status()).isEqualTo(200);
        assertThat(permanent.body()).isEqualTo("1");
        assertThat(http.get("/subjects/people-value/versions?deleted=true").body()).isEqualTo("[2]");
    }

    @Test
    void shouldAnswer40402ForDeletingAnUnknownVersion() {
        assertThat(http.delete("/subjects/people-value/versions/5").errorCode()).isEqualTo(40402);
        assertThat(http.delete("/subjects/ghost/versions/1").errorCode()).isEqualTo(40401);
    }
}

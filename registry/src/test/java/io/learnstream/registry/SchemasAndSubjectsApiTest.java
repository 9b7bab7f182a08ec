package io.learnstream.registry;

import static io.learnstream.registry.RegistryHttp.schemaBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.learnstream.registry.RegistryHttp.Answer;
import io.learnstream.schemas.registry.AvroSchemas;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Registering, reading and looking up schemas through Confluent's REST API. */
class SchemasAndSubjectsApiTest {
    private final RunningRegistry registry = new RunningRegistry();
    private final RegistryHttp http = registry.http;

    @AfterEach
    void stop() {
        registry.close();
    }

    @Test
    void shouldAnswerTheRootWithAnEmptyObject() {
        Answer answer = http.get("/");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{}");
    }

    @Test
    void shouldRegisterASchemaAndAnswerItsId() {
        Answer answer = http.post("/subjects/people-value/versions", schemaBody(TestSchemas.PERSON));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"id\":1}");
    }

    @Test
    void shouldAcceptExplicitAvroSchemaTypeAndEmptyReferences() {
        Answer answer = http.post("/subjects/people-value/versions",
                RegistryHttp.json(Map.of("schema", TestSchemas.PERSON, "schemaType", "AVRO", "references", List.of())));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("id").asInt()).isEqualTo(1);
    }

    @Test
    void shouldAnswerTheSameIdWhenTheSameSchemaIsRegisteredAgain() {
        int first = http.post("/subjects/people-value/versions", schemaBody(TestSchemas.PERSON)).json().get("id").asInt();

        Answer again = http.post("/subjects/people-value/versions", schemaBody(TestSchemas.PERSON_REFORMATTED));

        assertThat(again.json().get("id").asInt()).isEqualTo(first);
        assertThat(http.get("/subjects/people-value/versions").body()).isEqualTo("[1]");
    }

    @Test
    void shouldGiveTheSameSchemaTheSameIdUnderTwoSubjects() {
        int underPeople = http.post("/subjects/people-value/versions", schemaBody(TestSchemas.PERSON)).json().get("id").asInt();
        http.post("/subjects/other-value/versions", schemaBody(TestSchemas.PERSON_WITHOUT_NAME));

        int underArchive = http.post("/subjects/archive-value/versions", schemaBody(TestSchemas.PERSON)).json().get("id").asInt();

        assertThat(underArchive).isEqualTo(underPeople);
        Answer where = http.get("/schemas/ids/" + underPeople + "/versions");
        assertThat(where.json()).hasSize(2);
        assertThat(where.json().get(0).get("subject").asText()).isEqualTo("people-value");
        assertThat(where.json().get(0).get("version").asInt()).isEqualTo(1);
        assertThat(where.json().get(1).get("subject").asText()).isEqualTo("archive-value");
    }

    @Test
    void shouldServeTheSchemaOfAnIdAsCanonicalText() {
        int id = http.post("/subjects/people-value/versions", schemaBody(TestSchemas.PERSON)).json().get("id").asInt();

        Answer answer = http.get("/schemas/ids/" + id);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(fieldNames(answer.json())).containsExactly("schema");
        assertThat(answer.json().get("schema").asText()).isEqualTo(AvroSchemas.parse(TestSchemas.PERSON).toString());
        assertThat(http.get("/schemas/ids/" + id + "/schema").body()).isEqualTo(AvroSchemas.parse(TestSchemas.PERSON).toString());
    }

    @Test
    void shouldAnswer40403ForAnUnknownSchemaId() {
        Answer answer = http.get("/schemas/ids/77");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.errorCode()).isEqualTo(40403);
        assertThat(answer.message()).isEqualTo("Schema 77 not found");
        assertThat(http.get("/schemas/ids/77/versions").errorCode()).isEqualTo(40403);
    }

    @Test
    void shouldListSubjectsAndTheirVersions() {
        http.post("/subjects/b-value/versions", schemaBody(TestSchemas.PERSON));
        http.post("/subjects/a-value/versions", schemaBody(TestSchemas.PERSON));
        http.post("/subjects/a-value/versions", schemaBody(TestSchemas.PERSON_WITH_OPTIONAL_NICK));

        assertThat(http.get("/subjects").body()).isEqualTo("[\"a-value\",\"b-value\"]");
        assertThat(http.get("/subjects/a-value/versions").body()).isEqualTo("[1,2]");
    }

    @Test
    void shouldAnswer40401ForTheVersionsOfAnUnknownSubject() {
        Answer answer = http.get("/subjects/ghost-value/versions");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.errorCode()).isEqualTo(40401);
        assertThat(answer.message()).isEqualTo("Subject 'ghost-value' not found.");
    }

    @Test
    void shouldServeAVersionByNumberAndTheLatest() {
        http.post("/subjects/people-value/versions", schemaBody(TestSchemas.PERSON));
        int id2 = http.post("/subjects/people-value/versions", schemaBody(TestSchemas.PERSON_WITH_OPTIONAL_NICK)).json().get("id").asInt();

        Answer first = http.get("/subjects/people-value/versions/1");
        Answer latest = http.get("/subjects/people-value/versions/latest");

        assertThat(fieldNames(first.json())).containsExactly("subject", "version", "id", "schema");
        assertThat(first.json().get("version").asInt()).isEqualTo(1);
        assertThat(first.json().get("subject").asText()).isEqualTo("people-value");
        assertThat(latest.json().get("version").asInt()).isEqualTo(2);
        assertThat(latest.json().get("id").asInt()).isEqualTo(id2);
        assertThat(http.get("/subjects/people-value/versions/-1").json().get("version").asInt()).isEqualTo(2);
        assertThat(http.get("/subjects/people-value/versions/latest/schema").body())
                .isEqualTo(AvroSchemas.parse(TestSchemas.PERSON_WITH_OPTIONAL_NICK).toString());
    }

    @Test
    void shouldAnswer40402ForAnUnknownVersionAnd42202ForAnInvalidOne() {
        http.post("/subjects/people-value/versions", schemaBody(TestSchemas.PERSON));

        Answer unknown = http.get("/subjects/people-value/versions/9");
        Answer invalid = http.get("/subjects/people-value/versions/first");
        Answer zero = http.get("/subjects/people-value/versions/0");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo(40402);
        assertThat(unknown.message()).isEqualTo("Version 9 not found.");
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.errorCode()).isEqualTo(42202);
        assertThat(invalid.message()).contains("'first'", "not a valid version");
        assertThat(zero.errorCode()).isEqualTo(42202);
        assertThat(http.get("/subjects/ghost/versions/1").errorCode()).isEqualTo(40401);
    }

    @Test
    void shouldLookUpWhichVersionOfASubjectASchemaIs() {
        http.post("/subjects/people-value/versions", schemaBody(TestSchemas.PERSON));
        int id2 = http.post("/subjects/people-value/versions", schemaBody(TestSchemas.PERSON_WITH_OPTIONAL_NICK)).json().get("id").asInt();

        Answer answer = http.post("/subjects/people-value", schemaBody(TestSchemas.PERSON_WITH_OPTIONAL_NICK));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(fieldNames(answer.json())).containsExactly("subject", "version", "id", "schema");
        assertThat(answer.json().get("subject").asText()).isEqualTo("people-value");
        assertThat(answer.json().get("version").asInt()).isEqualTo(2);
        assertThat(answer.json().get("id").asInt()).isEqualTo(id2);
    }

    @Test
    void shouldAnswer40403WhenLookingUpASchemaTheSubjectDoesNotHave() {
        http.post("/subjects/people-value/versions", schemaBody(TestSchemas.PERSON));

        Answer missingSchema = http.post("/subjects/people-value", schemaBody(TestSchemas.PERSON_WITH_OPTIONAL_NICK));
        Answer missingSubject = http.post("/subjects/ghost-value", schemaBody(TestSchemas.PERSON));

        assertThat(missingSchema.status()).isEqualTo(404);
        assertThat(missingSchema.errorCode()).isEqualTo(40403);
        assertThat(missingSubject.errorCode()).isEqualTo(40401);
    }

    @Test
    void shouldRejectASchemaThatIsNotValidAvroWith42201() {
        Answer notJson = http.post("/subjects/people-value/versions", schemaBody(TestSchemas.NOT_JSON));
        Answer unknownType = http.post("/subjects/people-value/versions", schemaBody(TestSchemas.UNKNOWN_TYPE));
        Answer empty = http.post("/subjects/people-value/versions", "{}");

        assertThat(notJson.status()).isEqualTo(422);
        assertThat(notJson.errorCode()).isEqualTo(42201);
        assertThat(notJson.message()).startsWith("Invalid schema: not a valid Avro schema");
        assertThat(unknownType.errorCode()).isEqualTo(42201);
        assertThat(unknownType.message()).contains("decimal128");
        assertThat(empty.errorCode()).isEqualTo(42201);
        assertThat(empty.message()).contains("'schema' is missing");
        assertThat(http.get("/subjects").body()).isEqualTo("[]");
    }

    @Test
    void shouldRejectOtherSchemaTypesAndReferencesWith42201() {
        Answer protobuf = http.post("/subjects/people-value/versions",
                RegistryHttp.json(Map.of("schema", "syntax = \"proto3\";", "schemaType", "PROTOBUF")));
        Answer withReferences = http.post("/subjects/people-value/versions", RegistryHttp.json(Map.of("schema", TestSchemas.PERSON,
                "references", List.of(Map.of("name", "test.Address", "subject", "address-value", "version", 1)))));

        assertThat(protobuf.status()).isEqualTo(422);
        assertThat(protobuf.errorCode()).isEqualTo(42201);
        assertThat(protobuf.message()).contains("schemaType 'PROTOBUF' is not supported", "AVRO only");
        assertThat(withReferences.errorCode()).isEqualTo(42201);
        assertThat(withReferences.message()).contains("references are not supported");
    }

    @Test
    void shouldListTheSupportedSchemaTypes() {
        assertThat(http.get("/schemas/types").body()).isEqualTo("[\"AVRO\"]");
    }

    private static List<String> fieldNames(JsonNode node) {
        return iterate(node.fieldNames());
    }

    private static <T> List<T> iterate(java.util.Iterator<T> it) {
        List<T> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}

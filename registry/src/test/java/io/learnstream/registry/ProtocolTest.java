package io.learnstream.registry;

import static io.learnstream.registry.RegistryHttp.schemaBody;
import static org.assertj.core.api.Assertions.assertThat;

import io.learnstream.registry.RegistryHttp.Answer;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Content types, unknown routes and query parameters, and malformed bodies. */
class ProtocolTest {
    private final RunningRegistry registry = new RunningRegistry();
    private final RegistryHttp http = registry.http;

    @AfterEach
    void stop() {
        registry.close();
    }

    @Test
    void shouldAcceptEachOfConfluentsContentTypes() {
        for (String type : new String[] {"application/vnd.schemaregistry.v1+json", "application/vnd.schemaregistry+json",
                "application/json", "application/json; charset=utf-8"}) {
            Answer answer = http.post("/subjects/people-value/versions", schemaBody(TestSchemas.PERSON), Map.of("Content-Type", type));
            assertThat(answer.status()).as(type).isEqualTo(200);
        }
    }

    @Test
    void shouldAnswerInTheV1TypeUnlessTheClientAsksForAnotherOfConfluents() {
        assertThat(http.get("/subjects").contentType()).startsWith("application/vnd.schemaregistry.v1+json");
        assertThat(http.get("/subjects", Map.of("Accept", "application/json")).contentType()).startsWith("application/json");
        assertThat(http.get("/subjects", Map.of("Accept", "application/vnd.schemaregistry+json, application/json; q=0.5")).contentType())
                .startsWith("application/vnd.schemaregistry+json");
        assertThat(http.get("/schemas/ids/1").contentType()).as("errors too").startsWith("application/vnd.schemaregistry.v1+json");
    }

    @Test
    void shouldRejectAnotherContentTypeWith415() {
        Answer answer = http.post("/subjects/people-value/versions", schemaBody(TestSchemas.PERSON), Map.of("Content-Type", "text/plain"));

        assertThat(answer.status()).isEqualTo(415);
        assertThat(answer.errorCode()).isEqualTo(415);
        assertThat(answer.message()).contains("'text/plain'");
    }

    @Test
    void shouldIgnoreQueryParametersItDoesNotUse() {
        Answer registered = http.post("/subjects/people-value/versions?normalize=true&fetchMaxId=false", schemaBody(TestSchemas.PERSON));
        Answer byId = http.get("/schemas/ids/1?fetchMaxId=false&subject=people-value");

        assertThat(registered.status()).isEqualTo(200);
        assertThat(byId.status()).isEqualTo(200);
    }

    @Test
    void shouldAnswerAnUnknownRouteWithAJson404() {
        Answer answer = http.get("/no/such/route");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.errorCode()).isEqualTo(404);
        assertThat(answer.message()).contains("/no/such/route");
    }

    @Test
    void shouldAnswerABodyThatIsNotJsonWith400() {
        Answer answer = http.post("/subjects/people-value/versions", "schema=oops");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorCode()).isEqualTo(400);
        assertThat(answer.message()).contains("not a valid JSON RegisterSchemaRequest");
    }

    @Test
    void shouldAnswerASchemaIdThatIsNotANumberWith40403() {
        Answer answer = http.get("/schemas/ids/abc");

        assertThat(answer.errorCode()).isEqualTo(40403);
        assertThat(answer.message()).contains("'abc'");
    }

    @Test
    void shouldTimeRequestsByRouteAndStatus() {
        http.post("/subjects/people-value/versions", schemaBody(TestSchemas.PERSON));
        http.get("/schemas/ids/99");

        assertThat(registry.meters.get("learnstream.registry.http.requests")
                .tags("method", "POST", "route", "/subjects/{subject}/versions", "status", "200").timer().count()).isEqualTo(1);
        assertThat(registry.meters.get("learnstream.registry.http.requests")
                .tags("route", "/schemas/ids/{id}", "status", "404").timer().count()).isEqualTo(1);
        assertThat(registry.meters.get("learnstream.registry.versions.registered").counter().count()).isEqualTo(1);
        assertThat(registry.meters.get("learnstream.registry.subjects").gauge().value()).isEqualTo(1);
    }
}

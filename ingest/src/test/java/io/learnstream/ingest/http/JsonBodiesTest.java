package io.learnstream.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.learnstream.ingest.xapi.ReceivedText;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Statement request bodies read as JSON, with each statement's text as sent. */
class JsonBodiesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final JsonBodies bodies = new JsonBodies(8, 4);

    @Test
    void shouldKeepEachStatementObjectsTextAsSentInAnArray() throws Exception {
        String body = "\n[ {\"id\" : \"a\", \"x\": [ {\"y\":1} ]},\r\n\t{\"id\":\"b\"} , 7, null ]  ";

        JsonBodies.Statements statements = bodies.parseStatements(bytes(body));

        assertThat(statements.json()).isEqualTo(JSON.readTree(body));
        assertThat(statements.received()).containsExactly(
                new ReceivedText("{\"id\" : \"a\", \"x\": [ {\"y\":1} ]}", 2), new ReceivedText("{\"id\":\"b\"}", 1), null, null);
    }

    @Test
    void shouldKeepTheTextOfASingleStatement() throws Exception {
        String body = "  {\"verb\": {\"id\": \"http://x/v\"}}\n";

        JsonBodies.Statements statements = bodies.parseStatements(bytes(body));

        assertThat(statements.json()).isEqualTo(JSON.readTree(body));
        assertThat(statements.received()).containsExactly(new ReceivedText("{\"verb\": {\"id\": \"http://x/v\"}}", 1));
    }

    @Test
    void shouldKeepNoTextOfAStatementThatIsNotAscii() {
        JsonBodies.Statements statements = bodies.parseStatements("[{\"a\":\"é\"},{\"a\":\"e\"}]".getBytes(StandardCharsets.UTF_8));

        assertThat(statements.received()).containsExactly(null, new ReceivedText("{\"a\":\"e\"}", 1));
    }

    @Test
    void shouldReadAUtf16BodyAndKeepNoTextOfIt() throws Exception {
        String body = "[{\"a\":1}]";

        JsonBodies.Statements statements = bodies.parseStatements(body.getBytes(StandardCharsets.UTF_16LE));

        assertThat(statements.json()).isEqualTo(JSON.readTree(body));
        assertThat(statements.received()).containsExactly((ReceivedText) null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "[{\"a\":1}", "{\"a\":1,\"a\":2}", "[1,2,3,4,5]", "[[[[[[[[[1]]]]]]]]]", "{\"a\":}"})
    void shouldRefuseWhatItRefusesWithoutTheTextsAlike(String body) {
        ApiException plain = refusal(() -> bodies.parse(bytes(body)));
        ApiException withTexts = refusal(() -> bodies.parseStatements(bytes(body)));

        assertThat(withTexts.error()).isEqualTo(plain.error());
    }

    private static ApiException refusal(Runnable read) {
        return (ApiException) org.assertj.core.api.Assertions.catchThrowable(read::run);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"result\":{\"score\":{\"raw\":1e400}}}", "[{\"x\":\n -1.5E309}]"})
    void shouldRefuseANumberBeyondWhatADoubleHoldsSayingWhereItIs(String body) {
        ApiException plain = refusal(() -> bodies.parse(bytes(body)));
        ApiException withTexts = refusal(() -> bodies.parseStatements(bytes(body)));

        assertThat(plain.error().status()).isEqualTo(400);
        assertThat(plain.error().error()).isEqualTo("number_out_of_range");
        assertThat(plain.getMessage()).contains("line " + (body.contains("\n") ? 2 : 1));
        assertThat(withTexts.error()).isEqualTo(plain.error());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":1,\"a\":2}", "[{\"verb\":{\"id\":\"http://x/v\",\n\"display\":{},\"id\":\"http://x/w\"}}]",
            "[{\"a\":1},{\"b\":[{\"c\":{}},\n{\"c\":{\"d\":1,\"d\":1}}]}]"})
    void shouldRefuseAPropertyNamedTwiceInOneObjectNamingItAndWhereItIs(String body) {
        ApiException plain = refusal(() -> bodies.parse(bytes(body)));
        ApiException withTexts = refusal(() -> bodies.parseStatements(bytes(body)));
        String name = body.contains("\"d\"") ? "d" : body.contains("verb") ? "id" : "a";

        assertThat(plain.error().status()).isEqualTo(400);
        assertThat(plain.error().error()).isEqualTo("malformed_json");
        assertThat(plain.getMessage()).contains("duplicate property '" + name + "'").contains("line " + (body.contains("\n") ? 2 : 1));
        assertThat(withTexts.error()).isEqualTo(plain.error());
    }

    @Test
    void shouldReadTheSameNameInDifferentObjects() throws Exception {
        String body = "[{\"id\":\"a\",\"object\":{\"id\":\"b\",\"definition\":{\"name\":{\"id\":\"c\"}}}},{\"id\":\"d\"}]";

        assertThat(bodies.parseStatements(bytes(body)).json()).isEqualTo(JSON.readTree(body));
    }

    @Test
    void shouldReadTheLargestAndSmallestNumbersADoubleHolds() throws Exception {
        String body = "{\"a\":1.7976931348623157E308,\"b\":-1.7976931348623157E308,\"c\":1e-400}";

        assertThat(bodies.parse(bytes(body))).isEqualTo(JSON.readTree(body));
    }

    @Test
    void shouldNameTheLimitBrokenByTooManyStatements() {
        assertThatThrownBy(() -> bodies.parseStatements(bytes("[{},{},{},{},{}]")))
                .isInstanceOf(ApiException.class).hasMessageContaining("the request holds 5 items; at most 4");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

package io.learnstream.ingest.xapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A statement's text as sent, and the stored statement made of it with what the LRS adds appended. */
class ReceivedTextTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldKeepTheTextOfAnAsciiObjectFromItsSpanOfTheBody() {
        byte[] body = "[ {\"a\": 1} ,{\"b\":[2]}]".getBytes(StandardCharsets.US_ASCII);

        ReceivedText second = ReceivedText.of(body, 12, 21, 1);

        assertThat(second).isEqualTo(new ReceivedText("{\"b\":[2]}", 1));
    }

    @Test
    void shouldKeepNoTextThatIsNotPureAscii() {
        byte[] accented = "{\"name\":\"José\"}".getBytes(StandardCharsets.UTF_8);
        // a surrogate encoded on its own (CESU-8), which a lenient parser reads but a UTF-8 decoder replaces
        byte[] surrogate = {'{', '"', 'x', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'};

        assertThat(ReceivedText.of(accented, 0, accented.length, 1)).isNull();
        assertThat(ReceivedText.of(surrogate, 0, surrogate.length, 1)).isNull();
    }

    @Test
    void shouldKeepNoTextOfABodyInUtf16WhoseParserGivesNoByteOffsets() {
        byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_16LE);

        assertThat(ReceivedText.of(body, -1, -1, 1)).isNull();
    }

    @Test
    void shouldKeepNoTextForASpanThatIsNotAnObject() {
        byte[] body = "[{\"a\":1}]".getBytes(StandardCharsets.US_ASCII);

        assertThat(ReceivedText.of(body, 0, body.length, 1)).isNull();
        assertThat(ReceivedText.of(body, 1, 6, 1)).isNull();
        assertThat(ReceivedText.of(body, 1, 99, 1)).isNull();
        assertThat(ReceivedText.of(body, 1, 8, 1)).isEqualTo(new ReceivedText("{\"a\":1}", 1));
    }

    @Test
    void shouldKeepNoTextLongerThanTheLimitSoALongStatementIsWrittenCompactly() {
        String padding = " ".repeat(ReceivedText.MAX_BYTES);
        byte[] longest = ("{\"a\":" + " ".repeat(ReceivedText.MAX_BYTES - 7) + "1}").getBytes(StandardCharsets.US_ASCII);
        byte[] longer = ("{\"a\":" + padding + "1}").getBytes(StandardCharsets.US_ASCII);

        assertThat(ReceivedText.of(longest, 0, longest.length, 1)).isNotNull();
        assertThat(ReceivedText.of(longer, 0, longer.length, 1)).isNull();
    }

    @Test
    void shouldAppendThePropertiesAfterTheReceivedOnesAsCompactJsonWritesThem() throws Exception {
        ReceivedText received = new ReceivedText("{ \"verb\" : {\"id\":\"http://x/v\"}, \"result\": {\"score\": {\"raw\": 1e2}} }", 2);
        ObjectNode stored = (ObjectNode) JSON.readTree(received.text());
        stored.put("stored", "2026-11-22T10:00:00.000Z");
        stored.putObject("authority").put("objectType", "Agent").put("name", "Quiz \"Pro\" é");

        String text = received.withAddedProperties(stored);

        assertThat(text).isEqualTo("{ \"verb\" : {\"id\":\"http://x/v\"}, \"result\": {\"score\": {\"raw\": 1e2}} "
                + ",\"stored\":\"2026-11-22T10:00:00.000Z\",\"authority\":{\"objectType\":\"Agent\",\"name\":\"Quiz \\\"Pro\\\" é\"}}");
        assertThat(JSON.readTree(text)).isEqualTo(stored);
    }

    @Test
    void shouldWriteTheReceivedTextAloneWhenNothingWasAdded() {
        ReceivedText received = new ReceivedText("{\"a\":true}", 1);

        assertThat(received.withAddedProperties(JSON.createObjectNode().put("a", true))).isEqualTo("{\"a\":true}");
    }

    @Test
    void shouldRefuseATreeWithFewerPropertiesThanReceived() {
        ReceivedText received = new ReceivedText("{\"a\":1,\"b\":2}", 2);

        assertThatThrownBy(() -> received.withAddedProperties(JSON.createObjectNode().put("a", 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fewer than the 2 received");
    }

    @Test
    void shouldRefuseTextThatIsNotAnObject() {
        assertThatThrownBy(() -> new ReceivedText("[1]", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}

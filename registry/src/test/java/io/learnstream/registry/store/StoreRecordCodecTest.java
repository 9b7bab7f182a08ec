package io.learnstream.registry.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.learnstream.schemas.registry.CompatibilityLevel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StoreRecordCodecTest {
    private final StoreRecordCodec codec = new StoreRecordCodec();

    @Test
    void shouldWriteKeysAndValuesInConfluentsSchemasTopicShape() {
        SchemaValue value = new SchemaValue("people-value", 2, 7, "\"string\"", false);

        assertThat(text(codec.key(value.key()))).isEqualTo("{\"keytype\":\"SCHEMA\",\"subject\":\"people-value\",\"version\":2,\"magic\":1}");
        assertThat(text(codec.value(value)))
                .isEqualTo("{\"subject\":\"people-value\",\"version\":2,\"id\":7,\"schema\":\"\\\"string\\\"\",\"deleted\":false}");
        assertThat(text(codec.key(ConfigKey.GLOBAL))).isEqualTo("{\"keytype\":\"CONFIG\",\"subject\":null,\"magic\":0}");
        assertThat(text(codec.value(new ConfigValue(CompatibilityLevel.FULL)))).isEqualTo("{\"compatibilityLevel\":\"FULL\"}");
    }

    @Test
    void shouldReadBackWhatItWrote() {
        StoreRecord schema = StoreRecord.put(new SchemaValue("s", 1, 3, "\"int\"", true));
        StoreRecord config = new StoreRecord(new ConfigKey("s"), new ConfigValue(CompatibilityLevel.NONE));
        StoreRecord tombstone = StoreRecord.tombstone(new SchemaKey("s", 1));

        for (StoreRecord record : new StoreRecord[] {schema, config, tombstone}) {
            assertThat(codec.decode(codec.key(record.key()), codec.value(record.value()))).contains(record);
        }
    }

    @Test
    void shouldSkipKeyTypesItDoesNotKeep() {
        assertThat(codec.decode(bytes("{\"keytype\":\"NOOP\",\"magic\":0}"), null)).isEmpty();
    }

    @Test
    void shouldRejectBytesThatAreNotARegistryRecord() {
        assertThatThrownBy(() -> codec.decode(bytes("hello"), bytes("{}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key is not JSON");
        assertThatThrownBy(() -> codec.decode(bytes("{\"keytype\":\"SCHEMA\",\"subject\":\"s\",\"version\":1}"), bytes("{\"subject\":\"s\"}")))
                .hasMessageContaining("value has no integer field 'version'");
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

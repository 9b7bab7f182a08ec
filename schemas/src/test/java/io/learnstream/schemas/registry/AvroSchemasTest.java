package io.learnstream.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AvroSchemasTest {
    @Test
    void shouldGiveTwoLayoutsOfOneSchemaTheSameCanonicalText() {
        String spaced = "{ \"type\" : \"record\", \"name\" : \"P\", \"fields\" : [ {\"name\": \"a\", \"type\": \"int\"} ] }";
        String compact = "{\"type\":\"record\",\"name\":\"P\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}";

        assertThat(AvroSchemas.canonical(AvroSchemas.parse(spaced))).isEqualTo(AvroSchemas.canonical(AvroSchemas.parse(compact)));
    }

    @Test
    void shouldNameAnUndefinedTopLevelType() {
        assertThatThrownBy(() -> AvroSchemas.parse("{\"type\": \"decimal128\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a valid Avro schema: Undefined schema: 'decimal128'");
    }

    @Test
    void shouldNameAnUndefinedFieldType() {
        assertThatThrownBy(() -> AvroSchemas.parse("{\"type\":\"record\",\"name\":\"P\",\"fields\":[{\"name\":\"a\",\"type\":\"Addr\"}]}"))
                .hasMessage("not a valid Avro schema: Undefined schema: Addr");
    }

    @Test
    void shouldRejectADefaultThatDoesNotMatchItsType() {
        assertThatThrownBy(() -> AvroSchemas.parse("{\"type\":\"record\",\"name\":\"P\",\"fields\":[{\"name\":\"a\",\"type\":\"int\",\"default\":\"x\"}]}"))
                .hasMessageContaining("not a valid Avro schema")
                .hasMessageContaining("default");
    }

    @Test
    void shouldRejectEmptyText() {
        assertThatThrownBy(() -> AvroSchemas.parse(" ")).hasMessage("schema text is empty");
    }
}

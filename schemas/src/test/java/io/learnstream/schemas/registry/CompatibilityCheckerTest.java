package io.learnstream.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class CompatibilityCheckerTest {
    private static final Schema V1 = record("""
            {"name": "id", "type": "string"}, {"name": "age", "type": "int"}""");
    private static final Schema V2_ADDS_OPTIONAL = record("""
            {"name": "id", "type": "string"}, {"name": "age", "type": "int"}, {"name": "nick", "type": ["null", "string"], "default": null}""");
    private static final Schema V2_ADDS_REQUIRED = record("""
            {"name": "id", "type": "string"}, {"name": "age", "type": "int"}, {"name": "email", "type": "string"}""");
    private static final Schema V2_REMOVES_AGE = record("""
            {"name": "id", "type": "string"}""");

    @Test
    void shouldAcceptAnAddedFieldWithADefaultUnderFull() {
        assertThat(check(CompatibilityLevel.FULL, V2_ADDS_OPTIONAL, V1).compatible()).isTrue();
    }

    @Test
    void shouldRejectAnAddedFieldWithoutADefaultUnderBackwardNamingFieldAndVersion() {
        CompatibilityResult result = check(CompatibilityLevel.BACKWARD, V2_ADDS_REQUIRED, V1);

        assertThat(result.compatible()).isFalse();
        assertThat(result.messages()).singleElement().asString()
                .contains("BACKWARD", "version 1", "READER_FIELD_MISSING_DEFAULT_VALUE", "email");
    }

    @Test
    void shouldAcceptARemovedFieldUnderBackwardButRejectItUnderForward() {
        assertThat(check(CompatibilityLevel.BACKWARD, V2_REMOVES_AGE, V1).compatible()).isTrue();

        CompatibilityResult forward = check(CompatibilityLevel.FORWARD, V2_REMOVES_AGE, V1);
        assertThat(forward.compatible()).isFalse();
        assertThat(forward.messages()).singleElement().asString()
                .contains("version 1 cannot read data written with the new schema", "age");
    }

    @Test
    void shouldAcceptAnythingUnderNone() {
        Schema unrelated = Schema.create(Schema.Type.STRING);
        assertThat(check(CompatibilityLevel.NONE, unrelated, V1).compatible()).isTrue();
    }

    @Test
    void shouldCheckOnlyTheLatestVersionUnlessTransitive() {
        // given v1 without age and v2 with age and email: a candidate that keeps both is fine against v2, not against v1
        List<CompatibilityChecker.Earlier> earlier = List.of(
                new CompatibilityChecker.Earlier(1, V2_REMOVES_AGE),
                new CompatibilityChecker.Earlier(2, V2_ADDS_REQUIRED));
        Schema candidate = record("""
                {"name": "id", "type": "string"}, {"name": "age", "type": "int"}, {"name": "email", "type": "string"}, {"name": "x", "type": ["null", "int"], "default": null}""");

        assertThat(CompatibilityChecker.check(CompatibilityLevel.BACKWARD, candidate, earlier).compatible()).isTrue();
        CompatibilityResult transitive = CompatibilityChecker.check(CompatibilityLevel.BACKWARD_TRANSITIVE, candidate, earlier);
        assertThat(transitive.compatible()).isFalse();
        assertThat(transitive.messages()).allSatisfy(m -> assertThat(m).contains("version 1"));
    }

    @Test
    void shouldAcceptAFirstSchemaWhateverTheLevel() {
        for (CompatibilityLevel level : CompatibilityLevel.values()) {
            assertThat(CompatibilityChecker.check(level, V1, List.of()).compatible()).as(level.name()).isTrue();
        }
    }

    @Test
    void shouldParseLevelsCaseInsensitively() {
        assertThat(CompatibilityLevel.parse("full_transitive")).contains(CompatibilityLevel.FULL_TRANSITIVE);
        assertThat(CompatibilityLevel.parse("sideways")).isEmpty();
    }

    private static CompatibilityResult check(CompatibilityLevel level, Schema candidate, Schema latest) {
        return CompatibilityChecker.check(level, candidate, List.of(new CompatibilityChecker.Earlier(1, latest)));
    }

    private static Schema record(String fields) {
        return AvroSchemas.parse("{\"type\": \"record\", \"name\": \"Person\", \"fields\": [" + fields + "]}");
    }
}

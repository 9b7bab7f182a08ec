package io.learnstream.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class InMemorySchemaRegistryClientTest {
    private static final Schema V1 = AvroSchemas.parse("""
            {"type": "record", "name": "P", "fields": [{"name": "id", "type": "string"}]}""");
    private static final Schema V2 = AvroSchemas.parse("""
            {"type": "record", "name": "P", "fields": [{"name": "id", "type": "string"}, {"name": "n", "type": ["null", "int"], "default": null}]}""");
    private static final Schema V2_BREAKING = AvroSchemas.parse("""
            {"type": "record", "name": "P", "fields": [{"name": "id", "type": "string"}, {"name": "n", "type": "int"}]}""");

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();

    @Test
    void shouldGiveTheSameSchemaTheSameIdUnderEverySubject() {
        int first = registry.register("a-value", V1);
        int again = registry.register("a-value", V1);
        int elsewhere = registry.register("b-value", V1);

        assertThat(again).isEqualTo(first);
        assertThat(elsewhere).isEqualTo(first);
        assertThat(registry.versions("a-value")).containsExactly(1);
        assertThat(registry.getById(first)).isEqualTo(V1);
    }

    @Test
    void shouldAddVersionsAndTrackTheLatest() {
        registry.register("a-value", V1);
        int id2 = registry.register("a-value", V2);

        assertThat(registry.versions("a-value")).containsExactly(1, 2);
        assertThat(registry.latestVersion("a-value")).isEqualTo(new SchemaMetadata("a-value", 2, id2, V2));
        assertThat(registry.lookup("a-value", V1).version()).isEqualTo(1);
    }

    @Test
    void shouldRejectIncompatibleSchemaUnderBackward() {
        registry.register("a-value", V1);

        assertThatThrownBy(() -> registry.register("a-value", V2_BREAKING))
                .isInstanceOfSatisfying(SchemaRegistryRestException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(RegistryErrorCodes.INCOMPATIBLE_SCHEMA);
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.registryMessage()).contains("incompatible", "a-value", "n");
                });
        assertThat(registry.testCompatibility("a-value", V2_BREAKING).compatible()).isFalse();
    }

    @Test
    void shouldAcceptAnyChangeWhenTheSubjectLevelIsNone() {
        registry.register("a-value", V1);
        registry.setCompatibility("a-value", CompatibilityLevel.NONE);

        registry.register("a-value", V2_BREAKING);

        assertThat(registry.compatibility("a-value")).isEqualTo(CompatibilityLevel.NONE);
        assertThat(registry.compatibility("b-value")).isEqualTo(CompatibilityLevel.BACKWARD);
    }

    @Test
    void shouldAnswerUnknownThingsWithConfluentErrorCodes() {
        assertThatThrownBy(() -> registry.getById(99))
                .isInstanceOfSatisfying(SchemaRegistryRestException.class, e -> assertThat(e.errorCode()).isEqualTo(40403));
        assertThatThrownBy(() -> registry.latestVersion("nope"))
                .isInstanceOfSatisfying(SchemaRegistryRestException.class, e -> assertThat(e.errorCode()).isEqualTo(40401));
        registry.register("a-value", V1);
        assertThatThrownBy(() -> registry.version("a-value", 7))
                .isInstanceOfSatisfying(SchemaRegistryRestException.class, e -> assertThat(e.errorCode()).isEqualTo(40402));
    }
}

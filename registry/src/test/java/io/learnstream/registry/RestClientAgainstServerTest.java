package io.learnstream.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.learnstream.schemas.registry.AvroSchemas;
import io.learnstream.schemas.registry.CompatibilityLevel;
import io.learnstream.schemas.registry.RegistryErrorCodes;
import io.learnstream.schemas.registry.RestSchemaRegistryClient;
import io.learnstream.schemas.registry.SchemaMetadata;
import io.learnstream.schemas.registry.SchemaRegistryClientConfig;
import io.learnstream.schemas.registry.SchemaRegistryRestException;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Our REST client against our server: every client call, answered by the real API. */
class RestClientAgainstServerTest {
    private static final Schema V1 = AvroSchemas.parse(TestSchemas.PERSON);
    private static final Schema V2 = AvroSchemas.parse(TestSchemas.PERSON_WITH_OPTIONAL_NICK);
    private static final Schema BREAKING = AvroSchemas.parse(TestSchemas.PERSON_WITH_REQUIRED_EMAIL);

    private final RunningRegistry registry = new RunningRegistry();
    private final RestSchemaRegistryClient client = new RestSchemaRegistryClient(SchemaRegistryClientConfig.of(registry.server.url()));

    @AfterEach
    void stop() {
        client.close();
        registry.close();
    }

    @Test
    void shouldRegisterReadAndListThroughTheClient() {
        int id1 = client.register("people value", V1);
        int id2 = client.register("people value", V2);

        assertThat(client.getById(id1)).isEqualTo(V1);
        assertThat(client.subjects()).containsExactly("people value");
        assertThat(client.versions("people value")).containsExactly(1, 2);
        assertThat(client.latestVersion("people value")).isEqualTo(new SchemaMetadata("people value", 2, id2, V2));
        assertThat(client.version("people value", 1)).isEqualTo(new SchemaMetadata("people value", 1, id1, V1));
        assertThat(client.lookup("people value", V2).version()).isEqualTo(2);
    }

    @Test
    void shouldReadAndSetCompatibilityThroughTheClient() {
        assertThat(client.globalCompatibility()).isEqualTo(CompatibilityLevel.BACKWARD);
        assertThat(client.compatibility("people-value")).isEqualTo(CompatibilityLevel.BACKWARD);

        client.setGlobalCompatibility(CompatibilityLevel.FULL);
        client.setCompatibility("people-value", CompatibilityLevel.NONE);

        assertThat(client.globalCompatibility()).isEqualTo(CompatibilityLevel.FULL);
        assertThat(client.compatibility("people-value")).isEqualTo(CompatibilityLevel.NONE);
        assertThat(client.compatibility("other-value")).isEqualTo(CompatibilityLevel.FULL);
    }

    @Test
    void shouldTestCompatibilityThroughTheClient() {
        client.register("people-value", V1);

        assertThat(client.testCompatibility("people-value", V2).compatible()).isTrue();
        assertThat(client.testCompatibility("people-value", BREAKING).compatible()).isFalse();
        assertThat(client.testCompatibility("people-value", BREAKING).messages()).anySatisfy(m -> assertThat(m).contains("email"));
    }

    @Test
    void shouldSurfaceTheServersErrorCodes() {
        client.register("people-value", V1);

        assertThatThrownBy(() -> client.register("people-value", BREAKING))
                .isInstanceOfSatisfying(SchemaRegistryRestException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(RegistryErrorCodes.INCOMPATIBLE_SCHEMA);
                    assertThat(e.registryMessage()).contains("people-value");
                });
        assertThatThrownBy(() -> client.getById(42))
                .isInstanceOfSatisfying(SchemaRegistryRestException.class, e -> assertThat(e.errorCode()).isEqualTo(40403));
        assertThatThrownBy(() -> client.latestVersion("ghost"))
                .isInstanceOfSatisfying(SchemaRegistryRestException.class, e -> assertThat(e.errorCode()).isEqualTo(40401));
        assertThatThrownBy(() -> client.version("people-value", 3))
                .isInstanceOfSatisfying(SchemaRegistryRestException.class, e -> assertThat(e.errorCode()).isEqualTo(40402));
        assertThatThrownBy(() -> client.lookup("people-value", V2))
                .isInstanceOfSatisfying(SchemaRegistryRestException.class, e -> assertThat(e.errorCode()).isEqualTo(40403));
    }
}

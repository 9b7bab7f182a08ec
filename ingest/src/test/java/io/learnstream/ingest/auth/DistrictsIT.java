package io.learnstream.ingest.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.learnstream.ingest.identity.PseudonymKey;
import io.learnstream.schemas.avro.District;
import io.learnstream.schemas.topic.TopicTable;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Districts and their pseudonymisation keys on the real broker. */
class DistrictsIT {
    private static final String ANN = "mbox:mailto:ann@example.org";

    @TempDir
    static Path kafkaData;
    private static AuthKafka kafka;

    private AuthKafka.TopicPair topics;
    private TenantDirectory directory;
    private Districts districts;

    @BeforeAll
    static void startKafka() {
        kafka = AuthKafka.start(kafkaData);
    }

    @AfterAll
    static void stopKafka() {
        if (kafka != null) kafka.close();
    }

    @BeforeEach
    void openDirectory() {
        topics = kafka.freshTopics();
        directory = kafka.open(topics, new SimpleMeterRegistry());
        districts = directory.districts();
    }

    @AfterEach
    void closeDirectory() {
        directory.close();
    }

    @Test
    void createsADistrictWithThirtyTwoRandomBytesOfPseudonymSecret() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        DistrictInfo riverside = districts.create("riverside", "Riverside USD");
        districts.create("hillcrest", "Hillcrest SD");

        assertThat(riverside.tenantId()).isEqualTo("riverside");
        assertThat(riverside.name()).isEqualTo("Riverside USD");
        assertThat(riverside.created()).isBetween(before, Instant.now());
        try (TopicTable<String, District> stored = kafka.table(topics.districts())) {
            byte[] first = bytes(stored.get("riverside").orElseThrow());
            byte[] second = bytes(stored.get("hillcrest").orElseThrow());
            assertThat(first).hasSize(Districts.SECRET_BYTES).isNotEqualTo(second).isNotEqualTo(new byte[Districts.SECRET_BYTES]);
        }
    }

    @Test
    void refusesAnInvalidIdOrBlankName() {
        assertThatThrownBy(() -> districts.create("Riverside", "Riverside USD")).hasMessageContaining("district id 'Riverside' is not valid");
        assertThatThrownBy(() -> districts.create("riverside", "  ")).hasMessageContaining("name must not be blank");
        assertThat(districts.list()).isEmpty();
    }

    @Test
    void refusesToCreateADistrictTwice() {
        districts.create("riverside", "Riverside USD");

        assertThatThrownBy(() -> districts.create("riverside", "Other"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("district 'riverside' exists already");
    }

    @Test
    void createIfAbsentKeepsAnExistingDistrictAsItIs() {
        districts.create("riverside", "Riverside USD");
        String studentKey = districts.pseudonymKey("riverside").orElseThrow().studentKey(ANN);

        DistrictInfo again = districts.createIfAbsent("riverside", "Another Name");

        assertThat(again.name()).isEqualTo("Riverside USD");
        assertThat(districts.pseudonymKey("riverside").orElseThrow().studentKey(ANN)).isEqualTo(studentKey);
        assertThat(districts.createIfAbsent("hillcrest", null).name()).isEqualTo("hillcrest");
    }

    @Test
    void adoptsAnExistingSecretSoStudentKeysStayTheSame() {
        byte[] secret = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

        districts.adopt("riverside", "Riverside USD", secret);

        assertThat(districts.pseudonymKey("riverside").orElseThrow().studentKey(ANN)).isEqualTo(new PseudonymKey(secret).studentKey(ANN));
        assertThat(districts.adopt("riverside", "Riverside USD", secret).tenantId()).isEqualTo("riverside");
        assertThatThrownBy(() -> districts.adopt("riverside", "Riverside USD", new byte[32]))
                .hasMessageContaining("exists already with another pseudonym secret");
    }

    @Test
    void listsDistrictsByIdWithoutTheirSecrets() {
        districts.create("riverside", "Riverside USD");
        districts.create("hillcrest", "Hillcrest SD");

        assertThat(districts.list()).extracting(DistrictInfo::tenantId).containsExactly("hillcrest", "riverside");
        assertThat(districts.find("riverside")).map(DistrictInfo::name).contains("Riverside USD");
        assertThat(districts.find("nowhere")).isEmpty();
    }

    @Test
    void givesEachDistrictItsOwnStudentKeys() {
        districts.create("riverside", "Riverside USD");
        districts.create("hillcrest", "Hillcrest SD");

        assertThat(districts.pseudonymKey("riverside").orElseThrow().studentKey(ANN))
                .isNotEqualTo(districts.pseudonymKey("hillcrest").orElseThrow().studentKey(ANN));
        assertThat(districts.pseudonymKey("riverside").orElseThrow().studentKey(ANN))
                .isEqualTo(districts.pseudonymKey("riverside").orElseThrow().studentKey(ANN));
    }

    @Test
    void hasNoKeyForAnUnknownDistrict() {
        assertThat(districts.pseudonymKey("nowhere")).isEmpty();
    }

    @Test
    void keepsStudentKeysAcrossARestart() {
        districts.create("riverside", "Riverside USD");
        String before = districts.pseudonymKey("riverside").orElseThrow().studentKey(ANN);
        directory.close();

        directory = kafka.open(topics, new SimpleMeterRegistry());

        assertThat(directory.districts().pseudonymKey("riverside").orElseThrow().studentKey(ANN)).isEqualTo(before);
    }

    private static byte[] bytes(District district) {
        ByteBuffer view = district.getPseudonymSecret().asReadOnlyBuffer();
        byte[] bytes = new byte[view.remaining()];
        view.get(bytes);
        return bytes;
    }
}

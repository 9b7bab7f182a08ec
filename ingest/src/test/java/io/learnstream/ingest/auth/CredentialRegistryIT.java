package io.learnstream.ingest.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.learnstream.schemas.avro.Credential;
import io.learnstream.schemas.topic.TopicTable;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issuing, listing and revoking credentials on the real broker. */
class CredentialRegistryIT {
    @TempDir
    static Path kafkaData;
    private static AuthKafka kafka;

    private AuthKafka.TopicPair topics;
    private TenantDirectory directory;
    private CredentialRegistry credentials;

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
        credentials = directory.credentials();
        directory.districts().create("riverside", "Riverside USD");
        directory.districts().create("hillcrest", "Hillcrest SD");
    }

    @AfterEach
    void closeDirectory() {
        directory.close();
    }

    @Test
    void issuesARandomKeyAndSecretToAToolOfADistrict() {
        IssuedCredential issued = credentials.add("riverside", "moodle", Set.of(Scope.STATEMENTS_WRITE, Scope.STATEMENTS_READ));

        assertThat(issued.key()).matches("ls_[A-Za-z0-9]{16}");
        assertThat(issued.secret()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(issued.credential().tenantId()).isEqualTo("riverside");
        assertThat(issued.credential().tool()).isEqualTo("moodle");
        assertThat(issued.credential().scopes()).containsExactlyInAnyOrder(Scope.STATEMENTS_WRITE, Scope.STATEMENTS_READ);
        assertThat(issued.credential().revoked()).isEmpty();
        assertThat(credentials.add("riverside", "moodle", Set.of(Scope.ALL)).key()).isNotEqualTo(issued.key());
    }

    @Test
    void storesTheSecretOnlyAsASaltedHash() {
        IssuedCredential issued = credentials.add("riverside", "moodle", Set.of(Scope.STATEMENTS_WRITE));

        try (TopicTable<String, Credential> stored = kafka.table(topics.credentials())) {
            Credential record = stored.get(issued.key()).orElseThrow();
            assertThat(record.toString()).doesNotContain(issued.secret());
            assertThat(new String(CredentialRegistry.hashOf(record).hash(), StandardCharsets.ISO_8859_1)).doesNotContain(issued.secret());
            assertThat(record.getIterations()).isEqualTo(SecretHasher.ITERATIONS);
            assertThat(new SecretHasher().verify(issued.secret(), CredentialRegistry.hashOf(record))).isTrue();
        }
    }

    @Test
    void neverShowsTheSecretAgain() {
        IssuedCredential issued = credentials.add("riverside", "moodle", Set.of(Scope.STATEMENTS_WRITE));

        assertThat(issued.toString()).doesNotContain(issued.secret());
        assertThat(credentials.list().toString()).contains(issued.key()).doesNotContain(issued.secret());
        assertThat(credentials.find(issued.key())).contains(issued.credential());
    }

    @Test
    void issuesCredentialsOnlyForExistingDistrictsValidToolsAndSomeScope() {
        assertThatThrownBy(() -> credentials.add("nowhere", "moodle", Set.of(Scope.ALL)))
                .hasMessageContaining("district 'nowhere' does not exist");
        assertThatThrownBy(() -> credentials.add("riverside", "Moodle LMS", Set.of(Scope.ALL)))
                .hasMessageContaining("tool name 'Moodle LMS' is not valid");
        assertThatThrownBy(() -> credentials.add("riverside", "moodle", Set.of()))
                .hasMessageContaining("at least one scope");
        assertThat(credentials.list()).isEmpty();
    }

    @Test
    void listsCredentialsByDistrict() {
        IssuedCredential moodle = credentials.add("riverside", "moodle", Set.of(Scope.STATEMENTS_WRITE));
        IssuedCredential quiz = credentials.add("riverside", "quiz-app", Set.of(Scope.STATEMENTS_WRITE));
        IssuedCredential hill = credentials.add("hillcrest", "moodle", Set.of(Scope.STATEMENTS_WRITE));

        assertThat(credentials.list("riverside")).extracting(CredentialInfo::key).containsExactlyInAnyOrder(moodle.key(), quiz.key());
        assertThat(credentials.list("hillcrest")).extracting(CredentialInfo::key).containsExactly(hill.key());
        assertThat(credentials.list()).extracting(CredentialInfo::tenantId).containsExactly("hillcrest", "riverside", "riverside");
    }

    @Test
    void revokesACredentialOnceKeepingTheFirstRevocationTime() {
        IssuedCredential issued = credentials.add("riverside", "moodle", Set.of(Scope.STATEMENTS_WRITE));

        CredentialInfo revoked = credentials.revoke(issued.key());
        CredentialInfo again = credentials.revoke(issued.key());

        assertThat(revoked.isRevoked()).isTrue();
        assertThat(revoked.revoked()).isPresent();
        assertThat(again.revoked()).isEqualTo(revoked.revoked());
        assertThat(credentials.find(issued.key())).map(CredentialInfo::revoked).contains(revoked.revoked());
    }

    @Test
    void refusesToRevokeAnUnknownKey() {
        assertThatThrownBy(() -> credentials.revoke("ls_nothere"))
                .isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("no credential has the key 'ls_nothere'");
    }

    @Test
    void givesACredentialsPrincipalOnlyItsOwnDistrict() throws Exception {
        IssuedCredential riverside = credentials.add("riverside", "moodle", Set.of(Scope.ALL));
        IssuedCredential hillcrest = credentials.add("hillcrest", "moodle", Set.of(Scope.ALL));
        Authenticator authenticator = directory.authenticator();

        Principal fromRiverside = authenticator.authenticate(riverside.authorizationHeader());
        Principal fromHillcrest = authenticator.authenticate(hillcrest.authorizationHeader());

        assertThat(fromRiverside.tenantId()).isEqualTo("riverside");
        assertThat(fromHillcrest.tenantId()).isEqualTo("hillcrest");
        assertThat(credentials.list("riverside")).extracting(CredentialInfo::key).containsExactly(riverside.key());
        assertThat(credentials.find(hillcrest.key())).map(CredentialInfo::tenantId).isEqualTo(Optional.of("hillcrest"));
    }

    @Test
    void keepsCredentialsAcrossARestart() throws Exception {
        IssuedCredential issued = credentials.add("riverside", "moodle", Set.of(Scope.STATEMENTS_WRITE));
        IssuedCredential revoked = credentials.add("riverside", "old-tool", Set.of(Scope.STATEMENTS_WRITE));
        credentials.revoke(revoked.key());
        directory.close();

        directory = kafka.open(topics, new SimpleMeterRegistry());

        assertThat(directory.credentials().list()).extracting(CredentialInfo::key, CredentialInfo::isRevoked)
                .containsExactlyInAnyOrder(tuple(issued.key(), false), tuple(revoked.key(), true));
        assertThat(directory.authenticator().authenticate(issued.authorizationHeader()).tenantId()).isEqualTo("riverside");
    }
}

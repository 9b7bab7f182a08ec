package io.learnstream.ingest.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.learnstream.ingest.auth.AuthenticationException.Reason;
import io.learnstream.schemas.avro.Credential;
import io.learnstream.schemas.topic.TopicTable;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTP Basic authentication against credentials on the real broker. */
class AuthenticatorIT {
    private static final Duration BOUND = Duration.ofSeconds(30);

    @TempDir
    static Path kafkaData;
    private static AuthKafka kafka;

    private AuthKafka.TopicPair topics;
    private SimpleMeterRegistry meters;
    private TenantDirectory directory;
    private Authenticator authenticator;
    private IssuedCredential moodle;

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
        meters = new SimpleMeterRegistry();
        directory = kafka.open(topics, meters);
        authenticator = directory.authenticator();
        directory.districts().create("riverside", "Riverside USD");
        moodle = directory.credentials().add("riverside", "moodle", Set.of(Scope.STATEMENTS_WRITE));
    }

    @AfterEach
    void closeDirectory() {
        directory.close();
    }

    @Test
    void acceptsTheIssuedKeyAndSecretAsThePrincipalOfTheCredentialsDistrictAndTool() throws Exception {
        Principal principal = authenticator.authenticate(moodle.authorizationHeader());

        assertThat(principal).isEqualTo(new Principal("riverside", "moodle", moodle.key(), Set.of(Scope.STATEMENTS_WRITE)));
        assertThat(principal.can(Scope.STATEMENTS_WRITE)).isTrue();
        assertThat(principal.can(Scope.STATEMENTS_READ)).isFalse();
    }

    @Test
    void refusesARequestWithoutAnAuthorizationHeader() {
        assertRefused(null, Reason.MISSING_HEADER);
    }

    @Test
    void refusesAnotherSchemeThanBasic() {
        assertRefused("Bearer " + moodle.secret(), Reason.NOT_BASIC);
    }

    @Test
    void refusesBasicCredentialsThatAreNotBase64() {
        assertRefused("Basic " + moodle.key() + ":" + moodle.secret(), Reason.MALFORMED_BASE64);
    }

    @Test
    void refusesBase64ThatHoldsNoKeyAndSecret() {
        assertRefused("Basic " + base64(moodle.key() + moodle.secret()), Reason.MALFORMED_CREDENTIALS);
    }

    @Test
    void refusesAnUnknownKeyWithoutRepeatingIt() {
        String header = "Basic " + base64("ls_doesnotexist0000:" + moodle.secret());

        assertThatThrownBy(() -> authenticator.authenticate(header))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_KEY);
                    assertThat(e.credentialKey()).isEmpty();
                    assertThat(e.getMessage()).doesNotContain("ls_doesnotexist0000").doesNotContain(moodle.secret());
                });
    }

    @Test
    void refusesAWrongSecret() {
        assertRefused("Basic " + base64(moodle.key() + ":" + moodle.secret() + "x"), Reason.WRONG_SECRET);
        assertRefused("Basic " + base64(moodle.key() + ":"), Reason.WRONG_SECRET);
    }

    @Test
    void refusesARevokedCredential() {
        directory.credentials().revoke(moodle.key());

        assertRefused(moodle.authorizationHeader(), Reason.REVOKED);
    }

    @Test
    void refusesARevokedCredentialEvenAfterItsSecretWasVerified() throws Exception {
        authenticator.authenticate(moodle.authorizationHeader());
        authenticator.authenticate(moodle.authorizationHeader());

        directory.credentials().revoke(moodle.key());

        assertRefused(moodle.authorizationHeader(), Reason.REVOKED);
    }

    @Test
    void refusesACredentialRevokedByAnotherProcessAsSoonAsThisOneReadsTheRevocation() throws Exception {
        authenticator.authenticate(moodle.authorizationHeader());
        try (TenantDirectory elsewhere = kafka.open(topics, new SimpleMeterRegistry())) {
            elsewhere.credentials().revoke(moodle.key());
        }

        await().atMost(BOUND).untilAsserted(() -> assertRefused(moodle.authorizationHeader(), Reason.REVOKED));
    }

    @Test
    void refusesTheOldSecretOnceTheCredentialIsRewrittenWithAnotherSecret() throws Exception {
        authenticator.authenticate(moodle.authorizationHeader());
        HashedSecret replacement = new SecretHasher().hash("a-replacement-secret-of-forty-characters");
        try (TopicTable<String, Credential> credentials = kafka.table(topics.credentials())) {
            Credential current = credentials.get(moodle.key()).orElseThrow();
            credentials.put(moodle.key(), Credential.newBuilder(current)
                    .setSecretHash(ByteBuffer.wrap(replacement.hash())).setSalt(ByteBuffer.wrap(replacement.salt())).build());
        }

        await().atMost(BOUND).untilAsserted(() -> assertRefused(moodle.authorizationHeader(), Reason.WRONG_SECRET));
        assertThat(authenticator.authenticate("Basic " + base64(moodle.key() + ":a-replacement-secret-of-forty-characters")).tenantId())
                .isEqualTo("riverside");
    }

    @Test
    void runsTheSlowSecretCheckOnlyOnceForRepeatedRequestsWithTheSameSecret() throws Exception {
        for (int i = 0; i < 20; i++) authenticator.authenticate(moodle.authorizationHeader());
        assertRefused("Basic " + base64(moodle.key() + ":not-the-secret"), Reason.WRONG_SECRET);

        assertThat(meters.get(AuthMetrics.SECRET_CHECKS).tag("result", "match").counter().count()).isEqualTo(1);
        assertThat(meters.get(AuthMetrics.SECRET_CHECKS).tag("result", "mismatch").counter().count()).isZero();
    }

    @Test
    void refusesAMisconfiguredToolsRetriesWithoutTheSlowCheckAndThrottlesGuessing() throws Exception {
        // given a tool that sends an old secret again and again before the right one was ever verified here
        for (int i = 0; i < 10; i++) assertRefused("Basic " + base64(moodle.key() + ":old-secret"), Reason.WRONG_SECRET);
        assertThat(meters.get(AuthMetrics.SECRET_CHECKS).tag("result", "mismatch").counter().count()).isEqualTo(1);

        // when someone tries further secrets, the fifth wrong one in a minute is the last one checked
        for (int i = 0; i < 4; i++) assertRefused("Basic " + base64(moodle.key() + ":guess-" + i), Reason.WRONG_SECRET);
        assertRefused(moodle.authorizationHeader(), Reason.THROTTLED);

        assertThat(meters.get(AuthMetrics.SECRET_CHECKS).tag("result", "mismatch").counter().count()).isEqualTo(5);
        assertThat(meters.get(AuthMetrics.ATTEMPTS).tag("outcome", "throttled").counter().count()).isEqualTo(1);
    }

    @Test
    void countsEveryOutcomeByReason() throws Exception {
        authenticator.authenticate(moodle.authorizationHeader());
        assertRefused(null, Reason.MISSING_HEADER);
        assertRefused("Digest abc", Reason.NOT_BASIC);
        assertRefused("Digest abc", Reason.NOT_BASIC);

        assertThat(meters.get(AuthMetrics.ATTEMPTS).tag("outcome", "success").counter().count()).isEqualTo(1);
        assertThat(meters.get(AuthMetrics.ATTEMPTS).tag("outcome", "missing_header").counter().count()).isEqualTo(1);
        assertThat(meters.get(AuthMetrics.ATTEMPTS).tag("outcome", "not_basic").counter().count()).isEqualTo(2);
        assertThat(meters.get(AuthMetrics.ATTEMPTS).tag("outcome", "revoked").counter().count()).isZero();
    }

    @Test
    void givesEachCredentialThePrincipalOfItsOwnDistrictOnly() throws Exception {
        directory.districts().create("hillcrest", "Hillcrest SD");
        IssuedCredential hillcrestMoodle = directory.credentials().add("hillcrest", "moodle", Set.of(Scope.ALL));

        assertThat(authenticator.authenticate(moodle.authorizationHeader()).tenantId()).isEqualTo("riverside");
        assertThat(authenticator.authenticate(hillcrestMoodle.authorizationHeader()).tenantId()).isEqualTo("hillcrest");
        // one district's key with the other's secret is nobody
        assertRefused("Basic " + base64(moodle.key() + ":" + hillcrestMoodle.secret()), Reason.WRONG_SECRET);
    }

    private void assertRefused(String header, Reason reason) {
        assertThatThrownBy(() -> authenticator.authenticate(header))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.getMessage()).doesNotContain(moodle.secret());
                });
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}

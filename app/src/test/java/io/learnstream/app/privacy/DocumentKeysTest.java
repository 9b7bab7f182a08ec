package io.learnstream.app.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnstream.ingest.documents.DocumentAddress;
import io.learnstream.ingest.documents.DocumentKind;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which State and Agent Profile documents an erasure reaches: those stored under any identifier of the student. */
class DocumentKeysTest {
    private static final String MBOX = "mbox:mailto:ann.lee@riverside.example.org";
    private static final String ACCOUNT = "account:https://sis.riverside.example.org|100017";
    private static final ErasureSubject ANN = new ErasureSubject("riverside", Optional.of("u-17"), Set.of(MBOX, ACCOUNT), Set.of(), Set.of("k1"), Set.of());

    @Test
    void shouldReachTheStatesAndAgentProfilesOfEveryIdentifierOfTheStudent() {
        Set<String> prefixes = TopicTombstonesPlace.documentKeys(ANN);

        for (String identifier : Set.of(MBOX, ACCOUNT)) {
            assertThat(prefixes).anyMatch(stateOf("riverside", identifier)::startsWith);
            assertThat(prefixes).anyMatch(agentProfileOf("riverside", identifier)::startsWith);
        }
    }

    @Test
    void shouldReachDocumentsStoredUnderTheSha1FormOfTheirAddress() {
        // given a tool that names Ann by mbox_sha1sum, the SHA-1 of "mailto:ann.lee@riverside.example.org"
        String sha1 = "mbox_sha1sum:" + java.util.HexFormat.of().formatHex(sha1("mailto:ann.lee@riverside.example.org"));
        // when the erasure is resolved from her address
        ErasureSubject resolved = new StudentIdResolver(new AnnsRoster()).resolve(AnnsRoster.DISTRICT, "ann.lee@riverside.example.org", AnnsRoster.KEY);

        assertThat(TopicTombstonesPlace.documentKeys(resolved)).anyMatch(stateOf(AnnsRoster.DISTRICT, sha1)::startsWith);
    }

    @Test
    void shouldNotReachAnotherLearnersOrAnotherDistrictsDocuments() {
        Set<String> prefixes = TopicTombstonesPlace.documentKeys(ANN);

        assertThat(prefixes).noneMatch(stateOf("riverside", "mbox:mailto:bob@riverside.example.org")::startsWith);
        assertThat(prefixes).noneMatch(stateOf("hillside", MBOX)::startsWith);
        assertThat(prefixes).noneMatch(activityProfile("riverside")::startsWith);
    }

    private static String stateOf(String district, String identifier) {
        return new DocumentAddress(district, DocumentKind.STATE, "https://example.org/course", identifier, "{}", null, "bookmark").key();
    }

    private static String agentProfileOf(String district, String identifier) {
        return new DocumentAddress(district, DocumentKind.AGENT_PROFILE, null, identifier, "{}", null, "prefs").key();
    }

    private static String activityProfile(String district) {
        return new DocumentAddress(district, DocumentKind.ACTIVITY_PROFILE, "https://example.org/course", null, null, null, "p").key();
    }

    private static byte[] sha1(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-1").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}

package io.learnstream.app.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.learnstream.ingest.identity.PseudonymKey;
import java.util.List;
import org.junit.jupiter.api.Test;

class StudentIdResolverTest {
    private static final String DISTRICT = AnnsRoster.DISTRICT;
    private static final PseudonymKey KEY = AnnsRoster.KEY;

    private static final String ANN_SHA1SUM = "mbox_sha1sum:" + sha1Hex("mailto:ann.lee@riverside.example.org");
    private static final String BOB_SHA1SUM = "mbox_sha1sum:" + sha1Hex("mailto:bob@example.org");

    private final StudentIdResolver resolver = new StudentIdResolver(new AnnsRoster());

    @Test
    void shouldMeanTheRosterUserAndKeyThemAsTheIntakeDoesWhenGivenTheirSourcedId() {
        ErasureSubject subject = resolver.resolve(DISTRICT, "u-17", KEY);

        assertThat(subject.rosterUser()).contains("u-17");
        assertThat(subject.studentKeys()).contains(KEY.studentKey("roster:u-17"), KEY.studentKey("mbox:mailto:ann.lee@riverside.example.org"));
        assertThat(subject.tokens()).containsExactlyInAnyOrder("email:ann.lee@riverside.example.org", "id:100017", "id:alee", "id:lti-9");
        assertThat(subject.identifiers()).containsExactlyInAnyOrder("mbox:mailto:ann.lee@riverside.example.org", ANN_SHA1SUM);
    }

    @Test
    void shouldFindTheRosterUserByTheirEmailAddressTheirSisIdentifierOrAnXapiAccount() {
        for (String id : List.of("ANN.LEE@riverside.example.org", "100017", "alee", "account:https://sis.riverside.example.org|100017",
                "mailto:ann.lee@riverside.example.org")) {
            ErasureSubject subject = resolver.resolve(DISTRICT, id, KEY);
            assertThat(subject.rosterUser()).as(id).contains("u-17");
            assertThat(subject.studentKeys()).as(id).contains(KEY.studentKey("roster:u-17"));
        }
    }

    @Test
    void shouldKeyALearnerOutsideTheRosterByTheirOwnIdentifier() {
        ErasureSubject byAccount = resolver.resolve(DISTRICT, "account:https://quiz.example.org|bob", KEY);
        ErasureSubject byAddress = resolver.resolve(DISTRICT, "bob@example.org", KEY);

        assertThat(byAccount.rosterUser()).isEmpty();
        assertThat(byAccount.studentKeys()).containsExactly(KEY.studentKey("account:https://quiz.example.org|bob"));
        assertThat(byAccount.tokens()).containsExactly("id:bob");
        assertThat(byAddress.studentKeys()).containsExactlyInAnyOrder(KEY.studentKey("mbox:mailto:bob@example.org"), KEY.studentKey(BOB_SHA1SUM));
        assertThat(byAddress.identifiers()).containsExactlyInAnyOrder("mbox:mailto:bob@example.org", BOB_SHA1SUM);
    }

    @Test
    void shouldNotFindAnotherDistrictsRosterUser() {
        ErasureSubject subject = resolver.resolve("hillside", "ann.lee@riverside.example.org", KEY);

        assertThat(subject.rosterUser()).isEmpty();
        assertThat(subject.studentKeys()).containsExactlyInAnyOrder(KEY.studentKey("mbox:mailto:ann.lee@riverside.example.org"), KEY.studentKey(ANN_SHA1SUM));
    }

    @Test
    void shouldAlsoMeanTheLearnerAToolNamesByTheSha1OfTheirAddress() {
        // given a quiz tool that sends Ann as {"mbox_sha1sum": sha1("mailto:ann.lee@riverside.example.org")}, which the intake keys by that form
        ErasureSubject subject = resolver.resolve(DISTRICT, "ann.lee@riverside.example.org", KEY);

        assertThat(subject.identifiers()).contains(ANN_SHA1SUM);
        assertThat(subject.studentKeys()).contains(KEY.studentKey(ANN_SHA1SUM));
    }

    @Test
    void shouldRefuseABareIdNoRosterUserHasSayingWhichFormsItTakes() {
        assertThatThrownBy(() -> resolver.resolve(DISTRICT, "u-404", KEY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'u-404'").hasMessageContaining("district 'riverside'").hasMessageContaining("mbox:mailto:");
        assertThatThrownBy(() -> resolver.resolve(DISTRICT, "  ", KEY)).hasMessageContaining("--student is empty");
    }

    private static String sha1Hex(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-1").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}

package io.learnstream.app.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.learnstream.ingest.identity.PseudonymKey;
import java.util.List;
import org.junit.jupiter.api.Test;

class StudentIdResolverTest {
    private static final String DISTRICT = AnnsRoster.DISTRICT;
    private static final PseudonymKey KEY = AnnsRoster.KEY;

    private final StudentIdResolver resolver = new StudentIdResolver(new AnnsRoster());

    @Test
    void shouldMeanTheRosterUserAndKeyThemAsTheIntakeDoesWhenGivenTheirSourcedId() {
        ErasureSubject subject = resolver.resolve(DISTRICT, "u-17", KEY);

        assertThat(subject.rosterUser()).contains("u-17");
        assertThat(subject.studentKeys()).contains(KEY.studentKey("roster:u-17"), KEY.studentKey("mbox:mailto:ann.lee@riverside.example.org"));
        assertThat(subject.tokens()).containsExactlyInAnyOrder("email:ann.lee@riverside.example.org", "id:100017", "id:alee", "id:lti-9");
        assertThat(subject.identifiers()).containsExactly("mbox:mailto:ann.lee@riverside.example.org");
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
        assertThat(byAddress.studentKeys()).containsExactly(KEY.studentKey("mbox:mailto:bob@example.org"));
        assertThat(byAddress.identifiers()).containsExactly("mbox:mailto:bob@example.org");
    }

    @Test
    void shouldNotFindAnotherDistrictsRosterUser() {
        ErasureSubject subject = resolver.resolve("hillside", "ann.lee@riverside.example.org", KEY);

        assertThat(subject.rosterUser()).isEmpty();
        assertThat(subject.studentKeys()).containsExactly(KEY.studentKey("mbox:mailto:ann.lee@riverside.example.org"));
    }

    @Test
    void shouldRefuseABareIdNoRosterUserHasSayingWhichFormsItTakes() {
        assertThatThrownBy(() -> resolver.resolve(DISTRICT, "u-404", KEY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'u-404'").hasMessageContaining("district 'riverside'").hasMessageContaining("mbox:mailto:");
        assertThatThrownBy(() -> resolver.resolve(DISTRICT, "  ", KEY)).hasMessageContaining("--student is empty");
    }
}

package io.learnstream.app.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.learnstream.ingest.identity.PseudonymKey;
import io.learnstream.schemas.avro.RosterUser;
import io.learnstream.schemas.avro.RosterUserId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StudentIdResolverTest {
    private static final String DISTRICT = "riverside";
    private static final PseudonymKey KEY = new PseudonymKey("0123456789abcdef-riverside".getBytes(StandardCharsets.UTF_8));
    private static final RosterUser ANN = RosterUser.newBuilder().setTenantId(DISTRICT).setSourcedId("u-17").setEnabledUser(true)
            .setUsername("alee").setUserIds(List.of(new RosterUserId("LTI", "lti-9"))).setIdentifier("100017")
            .setEmail("Ann.Lee@Riverside.example.org").setGivenName("Ann").setFamilyName("Lee").setRoles(List.of())
            .setImportedTime(Instant.EPOCH).build();

    /** The roster of the district: Ann, with the identity tokens the roster index would derive for her. */
    private static final RosterLookup ROSTER = new RosterLookup() {
        private final Map<String, String> holders = Map.of("email:ann.lee@riverside.example.org", "u-17", "id:100017", "u-17",
                "id:alee", "u-17", "id:lti-9", "u-17");

        @Override
        public Optional<RosterUser> user(String tenantId, String sourcedId) {
            return DISTRICT.equals(tenantId) && "u-17".equals(sourcedId) ? Optional.of(ANN) : Optional.empty();
        }

        @Override
        public Optional<String> holderOf(String tenantId, String token) {
            return DISTRICT.equals(tenantId) ? Optional.ofNullable(holders.get(token)) : Optional.empty();
        }
    };

    private final StudentIdResolver resolver = new StudentIdResolver(ROSTER);

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

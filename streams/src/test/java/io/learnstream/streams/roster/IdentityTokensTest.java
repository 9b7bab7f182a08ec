package io.learnstream.streams.roster;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnstream.schemas.avro.RosterUser;
import io.learnstream.schemas.avro.RosterUserId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdentityTokensTest {
    @Test
    void shouldNameALearnerByTheTokenOfEachKindOfIdentifier() {
        assertThat(IdentityTokens.ofLearner("mbox:mailto:ann@example.org")).contains("email:ann@example.org");
        assertThat(IdentityTokens.ofLearner("account:https://sis.example.org|100001")).contains("id:100001");
        assertThat(IdentityTokens.ofLearner("account:https://sis.example.org|a|b")).contains("id:a|b");
        assertThat(IdentityTokens.ofLearner("openid:https://id.example.org/ann")).contains("id:https://id.example.org/ann");
        assertThat(IdentityTokens.ofLearner("caliper:https://lms.example.org/users/5")).contains("id:https://lms.example.org/users/5");
        assertThat(IdentityTokens.ofLearner("mbox_sha1sum:ebd31e95054c018b10727ccffd2ef2ec3a016ee9")).isEmpty();
        assertThat(IdentityTokens.ofLearner("account:https://sis.example.org|")).isEmpty();
    }

    @Test
    void shouldNameARosterUserByEachIdentifierOnceAndSkipBlankOnes() {
        RosterUser user = RosterUser.newBuilder().setTenantId("d").setSourcedId("u1").setEnabledUser(true).setUsername("100001")
                .setUserIds(List.of(new RosterUserId("SIS", "100001"), new RosterUserId("LTI", " "), new RosterUserId("LDAP", "ann")))
                .setIdentifier("100001").setEmail(" ").setGivenName("Ann").setFamilyName("Lee").setRoles(List.of())
                .setImportedTime(Instant.EPOCH).build();

        assertThat(IdentityTokens.of(user)).containsExactly("id:100001", "id:ann");
        assertThat(IdentityTokens.of(null)).isEmpty();
    }
}

package io.learnstream.app.privacy;

import io.learnstream.ingest.identity.PseudonymKey;
import io.learnstream.schemas.avro.RosterUser;
import io.learnstream.schemas.avro.RosterUserId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A district's roster with one student, Ann, and the identity tokens the roster index would derive for her. */
final class AnnsRoster implements RosterLookup {
    static final String DISTRICT = "riverside";
    static final PseudonymKey KEY = new PseudonymKey("0123456789abcdef-riverside".getBytes(StandardCharsets.UTF_8));
    static final RosterUser ANN = RosterUser.newBuilder().setTenantId(DISTRICT).setSourcedId("u-17").setEnabledUser(true)
            .setUsername("alee").setUserIds(List.of(new RosterUserId("LTI", "lti-9"))).setIdentifier("100017")
            .setEmail("Ann.Lee@Riverside.example.org").setGivenName("Ann").setFamilyName("Lee").setRoles(List.of())
            .setImportedTime(Instant.EPOCH).build();

    private static final Map<String, String> HOLDERS = Map.of("email:ann.lee@riverside.example.org", "u-17", "id:100017", "u-17",
            "id:alee", "u-17", "id:lti-9", "u-17");

    @Override
    public Optional<RosterUser> user(String tenantId, String sourcedId) {
        return DISTRICT.equals(tenantId) && "u-17".equals(sourcedId) ? Optional.of(ANN) : Optional.empty();
    }

    @Override
    public Optional<String> holderOf(String tenantId, String token) {
        return DISTRICT.equals(tenantId) ? Optional.ofNullable(HOLDERS.get(token)) : Optional.empty();
    }
}

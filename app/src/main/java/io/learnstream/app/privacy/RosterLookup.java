package io.learnstream.app.privacy;

import io.learnstream.schemas.avro.RosterUser;
import java.util.Optional;

/** What resolving a student's id needs of a district's roster: its users by sourcedId, and who holds an identity token. */
public interface RosterLookup {
    /** The district's roster user with this sourcedId. */
    Optional<RosterUser> user(String tenantId, String sourcedId);

    /** The sourcedId of the district's roster user that holds {@code token} ({@code email:…} or {@code id:…}). */
    Optional<String> holderOf(String tenantId, String token);
}

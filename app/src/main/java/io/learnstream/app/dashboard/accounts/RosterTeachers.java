package io.learnstream.app.dashboard.accounts;

import io.learnstream.schemas.avro.RosterUser;
import io.learnstream.schemas.topic.Topic;
import io.learnstream.schemas.topic.TopicTable;
import io.learnstream.schemas.topic.TopicTableConfig;
import io.learnstream.schemas.topic.Topics;
import java.util.Optional;

/** Checks a teacher account's link: the roster of its district has that user, with the role teacher. */
public final class RosterTeachers {
    private RosterTeachers() {}

    /**
     * The roster teacher {@code sourcedId} of district {@code tenantId}, read from the roster-users topic.
     *
     * @throws IllegalArgumentException naming the user and why, when the roster has no such user or they teach nothing
     */
    public static RosterUser require(Topic<String, RosterUser> users, TopicTableConfig config, String tenantId, String sourcedId) {
        Optional<RosterUser> user;
        try (TopicTable<String, RosterUser> table = TopicTable.open(users, config)) {
            user = table.get(Topics.tenantScopedKey(tenantId, sourcedId));
        }
        RosterUser found = user.orElseThrow(() -> new IllegalArgumentException("the roster of district '" + tenantId
                + "' has no user '" + sourcedId + "' (import it with learnstream roster import)"));
        if (!isTeacher(found)) {
            throw new IllegalArgumentException("roster user '" + sourcedId + "' of district '" + tenantId + "' is not a teacher");
        }
        return found;
    }

    /** Whether the roster gives the user the role teacher (at any org). */
    public static boolean isTeacher(RosterUser user) {
        return user.getRoles().stream().anyMatch(role -> role.getRole().equals("teacher"));
    }
}

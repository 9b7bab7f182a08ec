package io.learnstream.app.privacy;

import io.learnstream.schemas.avro.RosterIdentity;
import io.learnstream.schemas.avro.RosterUser;
import io.learnstream.schemas.topic.TopicTable;
import io.learnstream.schemas.topic.TopicTableConfig;
import io.learnstream.schemas.topic.Topics;
import java.util.Optional;

/** The roster as its compacted topics hold it now: roster-users and roster-identities, read once to their end. */
public final class TopicRosterLookup implements RosterLookup, AutoCloseable {
    private final TopicTable<String, RosterUser> users;
    private final TopicTable<String, RosterIdentity> identities;

    public TopicRosterLookup(Topics topics, TopicTableConfig config) {
        this.users = TopicTable.open(topics.rosterUsers(), config);
        try {
            this.identities = TopicTable.open(topics.rosterIdentities(), config);
        } catch (RuntimeException e) {
            users.close();
            throw e;
        }
    }

    @Override
    public Optional<RosterUser> user(String tenantId, String sourcedId) {
        return users.get(Topics.tenantScopedKey(tenantId, sourcedId));
    }

    @Override
    public Optional<String> holderOf(String tenantId, String token) {
        return identities.get(Topics.tenantScopedKey(tenantId, token)).map(RosterIdentity::getUserSourcedId);
    }

    @Override
    public void close() {
        identities.close();
        users.close();
    }
}

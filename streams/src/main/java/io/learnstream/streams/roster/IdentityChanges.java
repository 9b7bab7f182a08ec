package io.learnstream.streams.roster;

import io.learnstream.schemas.avro.RosterUser;
import io.learnstream.schemas.topic.Topics;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * From a roster user's changes to the changes of who holds each token: the user's previous record is kept, and
 * for each token the user no longer holds a {@link #REMOVED} change goes out, for each token it newly holds an
 * {@link #ADDED} one, keyed {@code <tenant>/<token>}; a token it kept is not sent again. A tombstone removes every
 * token of the user. The changes are then repartitioned by token, where {@link IdentityHolders} gathers them.
 */
final class IdentityChanges implements Processor<String, RosterUser, String, String> {
    /** The value of a change: this prefix, then the user's sourcedId. */
    static final char ADDED = '+';
    static final char REMOVED = '-';

    private final String usersStore;
    private ProcessorContext<String, String> context;
    private KeyValueStore<String, RosterUser> users;

    IdentityChanges(String usersStore) {
        this.usersStore = usersStore;
    }

    @Override
    public void init(ProcessorContext<String, String> context) {
        this.context = context;
        this.users = context.getStateStore(usersStore);
    }

    @Override
    public void process(Record<String, RosterUser> record) {
        if (record.key() == null) return;
        RosterUser previous = users.get(record.key());
        RosterUser current = record.value();
        Set<String> before = IdentityTokens.of(previous);
        Set<String> after = IdentityTokens.of(current);
        if (previous != null) {
            Set<String> gone = new TreeSet<>(before);
            if (current != null && current.getSourcedId().equals(previous.getSourcedId())) gone.removeAll(after);
            for (String token : gone) send(record, previous, token, REMOVED);
        }
        if (current != null) {
            boolean sameUser = previous != null && previous.getSourcedId().equals(current.getSourcedId());
            for (String token : after) {
                if (!sameUser || !before.contains(token)) send(record, current, token, ADDED);
            }
            users.put(record.key(), current);
        } else {
            users.delete(record.key());
        }
    }

    private void send(Record<String, RosterUser> record, RosterUser user, String token, char change) {
        context.forward(record.withKey(Topics.tenantScopedKey(user.getTenantId(), token)).withValue(change + user.getSourcedId()));
    }
}

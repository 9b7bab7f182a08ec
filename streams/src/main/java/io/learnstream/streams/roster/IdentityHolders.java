package io.learnstream.streams.roster;

import io.learnstream.schemas.avro.RosterIdentity;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Who holds each token of a district (from {@link IdentityChanges}, repartitioned by {@code <tenant>/<token>}), and
 * so the roster identity it links to: the one user that holds it. A token no user holds any more is a tombstone; so
 * is one that two or more users hold (two students sharing an address): linking it would merge two people's
 * learning, so it links no one until one of them no longer has it. Only a change of the identity is sent.
 */
final class IdentityHolders implements Processor<String, String, String, RosterIdentity> {
    private final String holdersStore;
    private final RosterIndexMetrics metrics;
    private ProcessorContext<String, RosterIdentity> context;
    private KeyValueStore<String, List<String>> holders;

    IdentityHolders(String holdersStore, RosterIndexMetrics metrics) {
        this.holdersStore = holdersStore;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, RosterIdentity> context) {
        this.context = context;
        this.holders = context.getStateStore(holdersStore);
    }

    @Override
    public void process(Record<String, String> record) {
        String change = record.value();
        if (record.key() == null || change == null || change.isEmpty()) return;
        List<String> before = holders.get(record.key());
        List<String> after = new ArrayList<>(before == null ? List.of() : before);
        String user = change.substring(1);
        if (change.charAt(0) == IdentityChanges.ADDED) {
            if (!after.contains(user)) after.add(user);
            after.sort(null);
        } else {
            after.remove(user);
        }
        if (after.isEmpty()) holders.delete(record.key());
        else holders.put(record.key(), after);

        String linkedBefore = linked(before);
        String linkedAfter = linked(after);
        if (after.size() > 1 && (before == null || before.size() <= 1)) metrics.ambiguous();
        if (Objects.equals(linkedBefore, linkedAfter)) return;
        RosterIdentity identity = linkedAfter == null ? null : new RosterIdentity(tenantOf(record.key()), linkedAfter);
        context.forward(record.withValue(identity));
    }

    /** The user a token links to: its only holder, else none. */
    private static String linked(List<String> holders) {
        return holders != null && holders.size() == 1 ? holders.getFirst() : null;
    }

    private static String tenantOf(String key) {
        return key.substring(0, key.indexOf('/'));
    }
}

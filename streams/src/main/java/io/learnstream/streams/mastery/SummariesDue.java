package io.learnstream.streams.mastery;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The students whose summary is due: they answered since it was last published. Kept in a (changelogged) store so a
 * restart publishes what was due, and mirrored in memory so a student already due costs no write.
 */
final class SummariesDue {
    private final KeyValueStore<String, Long> store;
    private final Set<String> due = new LinkedHashSet<>();

    SummariesDue(KeyValueStore<String, Long> store) {
        this.store = store;
        try (KeyValueIterator<String, Long> all = store.all()) {
            while (all.hasNext()) due.add(all.next().key);
        }
    }

    /** The student answered at {@code eventTime}. */
    void mark(String student, long eventTime) {
        if (due.add(student)) store.put(student, eventTime);
    }

    /** Every student due, now no longer due. */
    List<String> takeAll() {
        List<String> students = new ArrayList<>(due);
        due.clear();
        students.forEach(store::delete);
        return students;
    }
}

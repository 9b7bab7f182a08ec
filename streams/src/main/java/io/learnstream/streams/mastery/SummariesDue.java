package io.learnstream.streams.mastery;

import java.util.ArrayList;
import java.util.Iterator;
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
    private final MasteryMetrics metrics;

    SummariesDue(KeyValueStore<String, Long> store, MasteryMetrics metrics) {
        this.store = store;
        this.metrics = metrics;
        try (KeyValueIterator<String, Long> all = store.all()) {
            while (all.hasNext()) due.add(all.next().key);
        }
        metrics.summariesDue(due.size());
    }

    /** The task closes: what is due stays in the store, counted again where the task opens next. */
    void close() {
        metrics.summariesDue(-due.size());
    }

    /** The student answered at {@code eventTime}. */
    void mark(String student, long eventTime) {
        if (due.add(student)) {
            store.put(student, eventTime);
            metrics.summariesDue(1);
        }
    }

    /** Up to {@code max} students due (those due longest first), now no longer due. */
    List<String> take(int max) {
        List<String> students = new ArrayList<>(Math.min(max, due.size()));
        Iterator<String> next = due.iterator();
        while (next.hasNext() && students.size() < max) {
            String student = next.next();
            next.remove();
            store.delete(student);
            students.add(student);
        }
        metrics.summariesDue(-students.size());
        return students;
    }
}

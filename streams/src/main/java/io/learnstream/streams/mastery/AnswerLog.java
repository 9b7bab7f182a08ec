package io.learnstream.streams.mastery;

import io.learnstream.schemas.avro.AnswerLogEntry;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A student's answers within the grace period, in event-time order, each with the states it replaced. Keys are
 * {@code <student>/<event time, zero-padded>/<event id>}, so the store's order is the answers' order (ties broken
 * by event id, the same way at any replay speed) and the answers after a late one are one range scan away.
 */
final class AnswerLog {
    private static final String SEPARATOR = "/";
    /** Wide enough for any epoch millisecond from 1970 to the year 33658. */
    private static final String TIME_FORMAT = "%015d";
    /** Sorts after every key of a student's log: event ids and times are ASCII. */
    private static final String AFTER_ALL = "\uffff";

    private final KeyValueStore<String, AnswerLogEntry> store;

    AnswerLog(KeyValueStore<String, AnswerLogEntry> store) {
        this.store = store;
    }

    static String key(String student, long eventTime, String eventId) {
        return student + SEPARATOR + TIME_FORMAT.formatted(eventTime) + SEPARATOR + eventId;
    }

    boolean contains(String key) {
        return store.get(key) != null;
    }

    void put(String key, AnswerLogEntry entry) {
        store.put(key, entry);
    }

    /** The student's answers after {@code key}, in order. */
    List<KeyValue<String, AnswerLogEntry>> after(String student, String key) {
        List<KeyValue<String, AnswerLogEntry>> later = new ArrayList<>();
        try (KeyValueIterator<String, AnswerLogEntry> range = store.range(key, student + SEPARATOR + AFTER_ALL)) {
            while (range.hasNext()) {
                KeyValue<String, AnswerLogEntry> entry = range.next();
                if (!entry.key.equals(key)) later.add(entry);
            }
        }
        return later;
    }

    /**
     * Forgets the student's answers from {@code from} up to {@code cutoff} (exclusive): no answer that late is
     * accepted any more. Starting at {@code from} (a bound the caller keeps) skips what was forgotten before.
     */
    void forgetBefore(String student, long from, long cutoff) {
        List<String> old = new ArrayList<>();
        try (KeyValueIterator<String, AnswerLogEntry> entries = store.range(key(student, from, ""), key(student, cutoff, ""))) {
            while (entries.hasNext()) old.add(entries.next().key);
        }
        old.forEach(store::delete);
    }
}

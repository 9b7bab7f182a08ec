package io.learnstream.streams.mastery;

import io.learnstream.schemas.avro.AnswerLogEntry;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Holds a task's answers for a moment and releases them in event-time order. The intake's tasks each write a share of
 * a student's answers to the learning events, so a student's answers arrive slightly out of order; answers that
 * arrive within one tick of each other leave here in order, and only later stragglers need the tracker's
 * re-sequencing. At each tick (wall-clock) it releases what arrived before the previous tick, with everything not
 * later in event time: so an answer is held at most two ticks. Keys are {@code <event time, zero-padded>/<student>/
 * <event id>}, so the store's order is the release order, the same at any replay speed.
 */
final class ReorderBuffer {
    /** An answer released, with its (district-scoped) student. */
    record Held(String student, AnswerLogEntry answer) {}

    private static final String SEPARATOR = "/";
    private static final String TIME_FORMAT = "%015d";
    private static final int TIME_PREFIX = 16;
    private static final String AFTER_ALL = "\uffff";

    private final KeyValueStore<String, AnswerLogEntry> store;
    /** The latest event time of what arrived before the last tick; after a (re)start all that is held is due. */
    private long arrivedBeforeLastTick = Long.MAX_VALUE;
    private long arrivedSinceLastTick = Long.MIN_VALUE;

    ReorderBuffer(KeyValueStore<String, AnswerLogEntry> store) {
        this.store = store;
    }

    void hold(String student, AnswerLogEntry answer) {
        long at = answer.getEventTime().toEpochMilli();
        store.put(TIME_FORMAT.formatted(at) + SEPARATOR + student + SEPARATOR + answer.getEventId(), answer);
        arrivedSinceLastTick = Math.max(arrivedSinceLastTick, at);
    }

    /** The answers due at this tick, in event-time order (ties by student, then event id); they leave the buffer. */
    List<Held> tick() {
        long due = arrivedBeforeLastTick;
        arrivedBeforeLastTick = arrivedSinceLastTick;
        arrivedSinceLastTick = Long.MIN_VALUE;
        if (due == Long.MIN_VALUE) return List.of();
        List<KeyValue<String, AnswerLogEntry>> released = new ArrayList<>();
        try (KeyValueIterator<String, AnswerLogEntry> range = due == Long.MAX_VALUE
                ? store.all()
                : store.range("", TIME_FORMAT.formatted(due) + SEPARATOR + AFTER_ALL)) {
            while (range.hasNext()) released.add(range.next());
        }
        List<Held> answers = new ArrayList<>(released.size());
        for (KeyValue<String, AnswerLogEntry> entry : released) {
            store.delete(entry.key);
            String student = entry.key.substring(TIME_PREFIX, entry.key.length() - entry.value.getEventId().length() - 1);
            answers.add(new Held(student, entry.value));
        }
        return answers;
    }
}

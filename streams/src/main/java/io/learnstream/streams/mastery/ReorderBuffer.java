package io.learnstream.streams.mastery;

import io.learnstream.schemas.avro.AnswerLogEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Holds a task's answers for a moment and releases them in event-time order. The intake's tasks each write a share of
 * a student's answers to the learning events, so a student's answers arrive slightly out of order; answers that
 * arrive close together leave here in order, and only later stragglers need the tracker's re-sequencing.
 *
 * <p>An answer leaves when either comes first: more than {@code capacity} answers are held (the earliest leaves:
 * while a backlog is read, the buffer is a sliding window of that many answers and work stays spread over the
 * records), or two ticks passed (wall-clock: at each tick what arrived before the previous tick leaves, with all
 * that is not later in event time; so live, an answer waits at most two ticks). Keys are {@code <event time,
 * zero-padded>/<student>/<event id>}, so the order is the same at any replay speed. The store (changelogged) keeps
 * what is held across restarts; an in-memory copy keeps it ordered at no cost per answer.
 */
final class ReorderBuffer {
    /** An answer released, with its (district-scoped) student. */
    record Held(String student, AnswerLogEntry answer) {}

    private static final String SEPARATOR = "/";
    private static final String TIME_FORMAT = "%015d";
    private static final int TIME_PREFIX = 16;
    private static final String AFTER_ALL = "\uffff";

    private final KeyValueStore<String, AnswerLogEntry> store;
    private final int capacity;
    private final NavigableMap<String, AnswerLogEntry> held = new TreeMap<>();
    /** The latest event time of what arrived before the last tick; after a (re)start all that is held is due. */
    private long arrivedBeforeLastTick = Long.MAX_VALUE;
    private long arrivedSinceLastTick = Long.MIN_VALUE;

    ReorderBuffer(KeyValueStore<String, AnswerLogEntry> store, int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be positive, got " + capacity);
        this.store = store;
        this.capacity = capacity;
        try (KeyValueIterator<String, AnswerLogEntry> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, AnswerLogEntry> entry = all.next();
                held.put(entry.key, entry.value);
            }
        }
    }

    /** Holds the answer; returns what leaves because the buffer is over capacity (the earliest), in order. */
    List<Held> hold(String student, AnswerLogEntry answer) {
        long at = answer.getEventTime().toEpochMilli();
        String key = TIME_FORMAT.formatted(at) + SEPARATOR + student + SEPARATOR + answer.getEventId();
        store.put(key, answer);
        held.put(key, answer);
        arrivedSinceLastTick = Math.max(arrivedSinceLastTick, at);
        if (held.size() <= capacity) return List.of();
        List<Held> out = new ArrayList<>(held.size() - capacity);
        while (held.size() > capacity) out.add(release(held.pollFirstEntry()));
        return out;
    }

    /** The answers due at this tick, in event-time order (ties by student, then event id); they leave the buffer. */
    List<Held> tick() {
        long due = arrivedBeforeLastTick;
        arrivedBeforeLastTick = arrivedSinceLastTick;
        arrivedSinceLastTick = Long.MIN_VALUE;
        if (due == Long.MIN_VALUE || held.isEmpty()) return List.of();
        NavigableMap<String, AnswerLogEntry> released = due == Long.MAX_VALUE
                ? held
                : held.headMap(TIME_FORMAT.formatted(due) + SEPARATOR + AFTER_ALL, true);
        List<Held> out = new ArrayList<>(released.size());
        while (!released.isEmpty()) out.add(release(released.pollFirstEntry()));
        return out;
    }

    int size() {
        return held.size();
    }

    private Held release(Map.Entry<String, AnswerLogEntry> entry) {
        store.delete(entry.getKey());
        String key = entry.getKey();
        return new Held(key.substring(TIME_PREFIX, key.length() - entry.getValue().getEventId().length() - 1), entry.getValue());
    }
}

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
 * Holds a task's answers for a moment and releases them in event-time order, so what arrives slightly out of order
 * (a tool posting a student's answers in concurrent requests) is applied in order and only real stragglers need the
 * tracker's re-sequencing. An answer leaves when the first of these holds:
 * <ul>
 *   <li>more than {@code capacity} answers are held: the earliest leaves (reading a backlog, the buffer is a
 *       sliding window of that many answers, and the work stays spread over the records);</li>
 *   <li>the partition's stream time is {@code window} past it (event time: what a replay of the past goes by);</li>
 *   <li>live, when the stream time is within {@code window} of the clock: two ticks passed (wall-clock: at each
 *       tick what arrived before the previous tick leaves, with all that is not later in event time);</li>
 *   <li>nothing new arrived for {@value #QUIET_TICKS} ticks: the input is quiet, everything leaves.</li>
 * </ul>
 * Keys are {@code <event time, zero-padded>/<student>/<event id>}, so the order is the same at any replay speed. The
 * store (changelogged) keeps what is held across restarts; an in-memory copy keeps it ordered at no cost per answer.
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
    private final long window;
    private final NavigableMap<String, AnswerLogEntry> held = new TreeMap<>();
    /** The latest event time of what arrived before the last tick; after a (re)start all that is held is due. */
    private long arrivedBeforeLastTick = Long.MAX_VALUE;
    private long arrivedSinceLastTick = Long.MIN_VALUE;
    /** Ticks in a row that found nothing new. */
    private int quietTicks;
    /** After this many ticks without a new answer the input counts as quiet (the end of a replay, a quiet hour). */
    static final int QUIET_TICKS = 4;

    ReorderBuffer(KeyValueStore<String, AnswerLogEntry> store, int capacity, long windowMillis) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be positive, got " + capacity);
        this.store = store;
        this.capacity = capacity;
        this.window = windowMillis;
        try (KeyValueIterator<String, AnswerLogEntry> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, AnswerLogEntry> entry = all.next();
                held.put(entry.key, entry.value);
            }
        }
    }

    /**
     * Holds the answer; returns what leaves because the buffer is over capacity or the stream time is a window past
     * it (the earliest first).
     */
    List<Held> hold(String student, AnswerLogEntry answer, long streamTime) {
        long at = answer.getEventTime().toEpochMilli();
        String key = TIME_FORMAT.formatted(at) + SEPARATOR + student + SEPARATOR + answer.getEventId();
        store.put(key, answer);
        held.put(key, answer);
        arrivedSinceLastTick = Math.max(arrivedSinceLastTick, at);
        String settled = TIME_FORMAT.formatted(Math.max(0, streamTime - window)) + SEPARATOR + AFTER_ALL;
        if (held.size() <= capacity && held.firstKey().compareTo(settled) > 0) return List.of();
        List<Held> out = new ArrayList<>();
        while (!held.isEmpty() && (held.size() > capacity || held.firstKey().compareTo(settled) <= 0)) {
            out.add(release(held.pollFirstEntry()));
        }
        return out;
    }

    /**
     * The answers due at this tick, in event-time order (ties by student, then event id); they leave the buffer.
     *
     * @param now the wall-clock time of the tick
     * @param streamTime the partition's stream time
     */
    List<Held> tick(long now, long streamTime) {
        quietTicks = arrivedSinceLastTick == Long.MIN_VALUE ? quietTicks + 1 : 0;
        boolean quiet = quietTicks >= QUIET_TICKS;
        boolean live = streamTime >= now - window;
        long due = quiet ? Long.MAX_VALUE : live ? arrivedBeforeLastTick : Long.MIN_VALUE;
        if (arrivedBeforeLastTick == Long.MAX_VALUE) due = Long.MAX_VALUE; // first tick after a (re)start
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

package io.learnstream.sinks.lrs;

import java.util.Map;

/** How far a topic has been written and how far its sink has copied it into the archive, per partition. */
public interface TopicProgress {

    /**
     * Each partition's end as of now for a {@code read_committed} reader (the last stable offset): every record
     * appended before this call has a lower offset.
     */
    Map<Integer, Long> endOffsets();

    /**
     * Each partition's offset up to which the sink has written every record into the archive (the sink's committed
     * offsets: it commits only after the insert returned). A partition without one counts as 0.
     */
    Map<Integer, Long> archivedOffsets();

    /** Whether the sink has written everything on the topic as of this call: the end offsets are read first. */
    default boolean reachedEnd() {
        Map<Integer, Long> ends = endOffsets();
        return covers(archivedOffsets(), ends);
    }

    /** Whether {@code archived} offsets reach {@code ends} on every partition; a partition without one counts as 0. */
    static boolean covers(Map<Integer, Long> archived, Map<Integer, Long> ends) {
        for (Map.Entry<Integer, Long> end : ends.entrySet()) {
            if (archived.getOrDefault(end.getKey(), 0L) < end.getValue()) return false;
        }
        return true;
    }
}

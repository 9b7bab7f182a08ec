package io.learnstream.app.roster;

import io.learnstream.app.topics.LiveKeys;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * The keys a compacted topic holds now for one district: it is read from the beginning to its end offsets as they
 * were when reading started, keys only (values are not deserialized), the latest record per key winning and a
 * tombstone removing it ({@link LiveKeys}). What a bulk import needs to remove the records its files no longer list.
 * Cheap for a roster topic, which compaction keeps to about one record per key.
 */
public final class TopicKeys {
    private TopicKeys() {}

    /** The ids (the part after {@code <district>/}) of the district's live keys in {@code topic}. */
    public static Set<String> of(String bootstrapServers, String clientId, String topic, String district, Duration timeout) {
        String prefix = district + "/";
        Set<String> live = new HashSet<>();
        for (ByteBuffer raw : LiveKeys.of(bootstrapServers, clientId, topic, timeout).keySet()) {
            String key = new String(raw.array(), StandardCharsets.UTF_8);
            if (key.startsWith(prefix)) live.add(key.substring(prefix.length()));
        }
        return live;
    }
}

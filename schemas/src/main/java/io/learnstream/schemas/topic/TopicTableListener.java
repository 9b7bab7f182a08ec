package io.learnstream.schemas.topic;

/**
 * Told about every change a {@link TopicTable} applies, its own writes and other writers' alike, on the view's
 * reader thread and in the topic's order per partition. It should return quickly; an exception it throws is logged
 * and does not stop the view.
 */
@FunctionalInterface
public interface TopicTableListener<K, V> {
    /**
     * @param key the key that changed
     * @param previous the value before, or null when the key was absent
     * @param current the value now, or null when the key was deleted (a tombstone)
     */
    void changed(K key, V previous, V current);
}

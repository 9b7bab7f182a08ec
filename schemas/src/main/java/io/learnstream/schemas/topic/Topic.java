package io.learnstream.schemas.topic;

import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/**
 * One Kafka topic as the code sees it: its name and the serdes of its keys and values.
 * Every producer, consumer and topology reaches a topic through its descriptor, never through a literal name.
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {
    public Topic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keySerde, "keySerde");
        Objects.requireNonNull(valueSerde, "valueSerde");
        if (name.isBlank()) throw new IllegalArgumentException("topic name is blank");
    }

    @Override
    public String toString() {
        return name;
    }
}

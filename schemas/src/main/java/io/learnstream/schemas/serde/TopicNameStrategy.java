package io.learnstream.schemas.serde;

import java.util.Objects;

/** Confluent's default subject naming: a topic's keys live under {@code <topic>-key}, its values under {@code <topic>-value}. */
public final class TopicNameStrategy {
    private TopicNameStrategy() {}

    public static String subject(String topic, boolean isKey) {
        Objects.requireNonNull(topic, "topic");
        return topic + (isKey ? "-key" : "-value");
    }
}

package io.learnstream.streams.intake;

import io.learnstream.schemas.avro.DeadLetter;
import io.learnstream.schemas.avro.LearningEvent;
import io.learnstream.schemas.topic.Topics;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.TopicNameExtractor;

/**
 * Where the intake's output goes: learning events to their topic, dead letters to theirs, each written with
 * its topic's own serde.
 */
final class IntakeOutput {
    private IntakeOutput() {}

    static TopicNameExtractor<String, SpecificRecord> topicOf(Topics topics) {
        return (key, value, context) -> value instanceof DeadLetter
                ? topics.deadLetters().name()
                : topics.learningEvents().name();
    }

    static Serde<SpecificRecord> serde(Topics topics) {
        Serializer<LearningEvent> events = topics.learningEvents().valueSerde().serializer();
        Serializer<DeadLetter> letters = topics.deadLetters().valueSerde().serializer();
        Serializer<SpecificRecord> serializer = (topic, value) -> switch (value) {
            case LearningEvent event -> events.serialize(topic, event);
            case DeadLetter letter -> letters.serialize(topic, letter);
            case null -> null;
            default -> throw new SerializationException("the intake writes learning events and dead letters, not "
                    + value.getClass().getName() + " (topic " + topic + ")");
        };
        Deserializer<SpecificRecord> deserializer = (topic, data) -> {
            throw new UnsupportedOperationException("the intake's output serde only writes");
        };
        return org.apache.kafka.common.serialization.Serdes.serdeFrom(serializer, deserializer);
    }
}

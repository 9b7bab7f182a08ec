package io.learnstream.streams.mastery;

import io.learnstream.schemas.avro.DeadLetter;
import io.learnstream.schemas.avro.MasteryPrediction;
import io.learnstream.schemas.avro.SkillMastery;
import io.learnstream.schemas.avro.StudentMastery;
import io.learnstream.schemas.avro.StudentSkill;
import io.learnstream.schemas.topic.Topic;
import io.learnstream.schemas.topic.Topics;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.TopicNameExtractor;

/**
 * Where the tracker's output goes: predictions, skill mastery, student summaries and dead letters, each to its
 * topic with that topic's own key and value serdes.
 */
final class MasteryOutput {
    private MasteryOutput() {}

    static TopicNameExtractor<Object, SpecificRecord> topicOf(Topics topics) {
        return (key, value, context) -> topicFor(topics, value).name();
    }

    private static Topic<?, ?> topicFor(Topics topics, SpecificRecord value) {
        return switch (value) {
            case MasteryPrediction _ -> topics.masteryPredictions();
            case SkillMastery _ -> topics.skillMastery();
            case StudentMastery _ -> topics.studentMastery();
            case DeadLetter _ -> topics.deadLetters();
            default -> throw new SerializationException("the mastery topology does not write " + value.getClass().getName());
        };
    }

    static Serde<Object> keySerde(Topics topics) {
        Serializer<String> strings = Serdes.String().serializer();
        Serializer<StudentSkill> skills = topics.skillMastery().keySerde().serializer();
        Serializer<Object> serializer = (topic, key) -> switch (key) {
            case String text -> strings.serialize(topic, text);
            case StudentSkill skill -> skills.serialize(topic, skill);
            case null -> null;
            default -> throw new SerializationException("the mastery topology does not write keys of " + key.getClass().getName());
        };
        return Serdes.serdeFrom(serializer, (topic, data) -> {
            throw new UnsupportedOperationException("the mastery output serde only writes");
        });
    }

    static Serde<SpecificRecord> valueSerde(Topics topics) {
        Serializer<MasteryPrediction> predictions = topics.masteryPredictions().valueSerde().serializer();
        Serializer<SkillMastery> skills = topics.skillMastery().valueSerde().serializer();
        Serializer<StudentMastery> students = topics.studentMastery().valueSerde().serializer();
        Serializer<DeadLetter> letters = topics.deadLetters().valueSerde().serializer();
        Serializer<SpecificRecord> serializer = (topic, value) -> switch (value) {
            case MasteryPrediction prediction -> predictions.serialize(topic, prediction);
            case SkillMastery skill -> skills.serialize(topic, skill);
            case StudentMastery student -> students.serialize(topic, student);
            case DeadLetter letter -> letters.serialize(topic, letter);
            case null -> null;
            default -> throw new SerializationException("the mastery topology does not write " + value.getClass().getName());
        };
        return Serdes.serdeFrom(serializer, (topic, data) -> {
            throw new UnsupportedOperationException("the mastery output serde only writes");
        });
    }
}

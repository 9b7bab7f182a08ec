package io.learnstream.schemas.topic;

import io.learnstream.schemas.avro.DeadLetter;
import io.learnstream.schemas.avro.EngagementDaily;
import io.learnstream.schemas.avro.LearningEvent;
import io.learnstream.schemas.avro.StudentCourseDay;
import io.learnstream.schemas.serde.AvroSerdes;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The catalogue of learnstream's topics. The one place where topic names are written down.
 *
 * @param learningEvents every accepted learning event, keyed by the pseudonymous student key
 * @param engagementDaily per student, course and day engagement, an update stream (latest value per key wins)
 * @param deadLetters input that could not be processed, with the reason
 */
public record Topics(
        Topic<String, LearningEvent> learningEvents,
        Topic<StudentCourseDay, EngagementDaily> engagementDaily,
        Topic<String, DeadLetter> deadLetters) {

    public static final String LEARNING_EVENTS = "learnstream.learning-events";
    public static final String ENGAGEMENT_DAILY = "learnstream.engagement-daily";
    public static final String DEAD_LETTERS = "learnstream.dead-letters";

    public static Topics create(AvroSerdes serdes) {
        return new Topics(
                new Topic<>(LEARNING_EVENTS, Serdes.String(), serdes.value(LearningEvent.class)),
                new Topic<>(ENGAGEMENT_DAILY, serdes.key(StudentCourseDay.class), serdes.value(EngagementDaily.class)),
                new Topic<>(DEAD_LETTERS, Serdes.String(), serdes.value(DeadLetter.class)));
    }

    public List<Topic<?, ?>> all() {
        return List.of(learningEvents, engagementDaily, deadLetters);
    }
}

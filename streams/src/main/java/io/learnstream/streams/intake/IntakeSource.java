package io.learnstream.streams.intake;

import io.learnstream.ingest.xapi.UnprocessableStatementException;
import io.learnstream.schemas.avro.LearningEvent;
import java.util.Optional;

/** What the intake needs to know about one kind of stored input (xAPI statements, Caliper events). */
interface IntakeSource<V> {
    /** Names the source in dead letters, e.g. {@code streams.intake.xapi}. */
    String name();

    String tenantId(V value);

    /** The id of the statement or event, unique within its district. */
    String id(V value);

    /** What makes two records of one id the same input. */
    String contentHash(V value);

    /** The input as received, for dead letters. */
    String payload(V value);

    /**
     * The learning event, or empty when the input is valid but not learning activity (e.g. a voiding statement).
     * The learner's key comes from {@code roster} (linked to a roster user when the district's roster knows the
     * identifier), and so does the class ({@code classId}, and {@code courseId} the same) when the input names one
     * the roster holds.
     *
     * @throws UnprocessableStatementException when it cannot be turned into a learning event, with the reason
     */
    Optional<LearningEvent> normalize(V value, DistrictRoster roster) throws UnprocessableStatementException;
}

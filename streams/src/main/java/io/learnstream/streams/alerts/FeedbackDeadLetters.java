package io.learnstream.streams.alerts;

import io.learnstream.schemas.avro.AlertFeedback;
import io.learnstream.schemas.avro.DeadLetter;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/** Feedback that is not valid ({@link FeedbackRules#problem}) as a dead letter with the reason, counted. */
final class FeedbackDeadLetters implements FixedKeyProcessor<String, AlertFeedback, DeadLetter> {
    private final AlertsMetrics metrics;
    private FixedKeyProcessorContext<String, DeadLetter> context;

    FeedbackDeadLetters(AlertsMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, DeadLetter> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, AlertFeedback> record) {
        AlertFeedback feedback = record.value();
        metrics.countInvalidFeedback();
        DeadLetter letter = DeadLetter.newBuilder()
                .setTenantId(feedback == null ? null : feedback.getTenantId())
                .setSource("streams." + AlertsTopology.FEEDBACK_RULES)
                .setReason(FeedbackRules.problem(feedback))
                .setPayload(String.valueOf(feedback))
                .setReceivedTime(Instant.ofEpochMilli(record.timestamp()))
                .build();
        context.forward(record.withValue(letter));
    }
}

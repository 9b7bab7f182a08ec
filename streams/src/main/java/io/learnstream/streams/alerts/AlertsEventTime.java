package io.learnstream.streams.alerts;

import io.learnstream.schemas.avro.AlertFeedback;
import io.learnstream.schemas.avro.RiskScore;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Event time for the alerts' inputs: a risk score's {@code asOf}, a feedback's {@code time} (when the teacher answered).
 * Read in that order across the two topics, a replay gives the same alerts as living through it.
 */
final class AlertsEventTime implements TimestampExtractor {
    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        return switch (record.value()) {
            case RiskScore score -> score.getAsOf().toEpochMilli();
            case AlertFeedback feedback -> feedback.getTime().toEpochMilli();
            case null, default -> record.timestamp();
        };
    }
}
